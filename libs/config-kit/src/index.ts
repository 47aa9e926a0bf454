export * from './define-config';
export * from './env-types';

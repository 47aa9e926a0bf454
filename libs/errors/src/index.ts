export * from './dependency-errors';
export * from './domain-error';
export * from './error-status';

export * from './fulfill-like';
export * from './mysfit-id';

export * from './migrate';
export * from './postgres-errors';

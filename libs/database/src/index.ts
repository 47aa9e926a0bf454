export * from './data-source-options';
export * from './database-env';
export * from './migrate';
export * from './postgres-errors';
export * from './service-role';

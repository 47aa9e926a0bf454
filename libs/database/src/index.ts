export { postgresClientConfig, postgresDataSourceOptions, postgresEnv, type PostgresEnv } from './data-source-options';
export { migrateDatabase, runCommand } from './migrate';
export { ensureServiceRole, type ServiceRoleOutcome } from './service-role';

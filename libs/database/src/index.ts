export { postgresDataSourceOptions, postgresEnv } from './data-source-options';
export { migrateDatabase, runCommand } from './migrate';

export { appDataSourceOptions } from './app-data-source.options';
export { migrateStores } from './migrate-stores';

export { authDataSourceOptions } from './auth-data-source.options';

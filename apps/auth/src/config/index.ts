export { authConfig, type AuthConfig } from './auth.config';

export { AuthReadiness } from './auth-readiness';

export { MonolithReadiness } from './monolith-readiness';

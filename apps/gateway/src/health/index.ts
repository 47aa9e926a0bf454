export { GatewayReadiness } from './gateway-readiness';

export { gatewayConfig, upstreams, type GatewayConfig } from './gateway.config';

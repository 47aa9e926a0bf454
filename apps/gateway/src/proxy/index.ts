export { GatewayServer } from './gateway.server';
export { ProxyModule } from './proxy.module';
export { LINGER_MS } from './gateway-responses';

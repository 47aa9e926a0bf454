export { GatewayServer } from './gateway.server';
export { ProxyModule } from './proxy.module';

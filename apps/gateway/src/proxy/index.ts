export { ProxyModule } from './proxy.module';

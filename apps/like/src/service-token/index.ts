export { ServiceTokenModule } from './service-token.module';
export { ServiceTokenProvider } from './service-token.provider';

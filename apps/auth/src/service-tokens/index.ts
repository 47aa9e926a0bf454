export { ServiceTokensModule } from './service-tokens.module';

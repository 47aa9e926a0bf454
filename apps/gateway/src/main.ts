import { bootstrapHttpService, httpServerSettings } from '@app/http-kit';
import { gatewayConfig } from './config';
import { GatewayModule } from './gateway.module';

// This app's own /health and /metrics listen on ADMIN_PORT; the routed traffic on PORT (GatewayServer).
const config = gatewayConfig();
void bootstrapHttpService(GatewayModule, {
  title: 'gateway',
  openApiPath: '/openapi.json',
  port: config.ADMIN_PORT,
  ...httpServerSettings(config),
});

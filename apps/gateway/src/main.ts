import { bootstrapHttpService } from '@app/http-kit';
import { GatewayModule } from './gateway.module';

// This app's own /health and /metrics listen on ADMIN_PORT; the routed traffic on PORT (GatewayServer).
void bootstrapHttpService(GatewayModule, {
  title: 'gateway',
  openApiPath: '/openapi.json',
  portVariable: 'ADMIN_PORT',
  defaultPort: 9901,
});

import { bootstrapStandaloneService } from '@app/http-kit';
import { gatewayConfig } from './config';
import { GatewayModule } from './gateway.module';

// The proxy (GatewayServer) listens on PORT, the management server (health and metrics) on ADMIN_PORT.
void bootstrapStandaloneService('gateway', GatewayModule, gatewayConfig);

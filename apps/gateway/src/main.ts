import { bootstrapStandaloneService } from '@app/http-kit';
import { GatewayModule } from './gateway.module';

// The proxy (GatewayServer) listens on PORT, the management server (health and metrics) on ADMIN_PORT.
void bootstrapStandaloneService(GatewayModule, 'gateway');

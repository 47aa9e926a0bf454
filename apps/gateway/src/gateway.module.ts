import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ObservabilityModule } from '@app/observability';
import { gatewayConfig } from './config/gateway.config';
import { GatewayReadiness } from './health/gateway-readiness';
import { GatewayServer, routedRequestsCounter } from './proxy/gateway.server';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [gatewayConfig] }),
    ObservabilityModule.forRoot({ service: 'gateway', readiness: GatewayReadiness }),
  ],
  providers: [GatewayServer, routedRequestsCounter],
})
export class GatewayModule {}

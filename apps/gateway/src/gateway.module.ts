import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ObservabilityModule, observabilitySettings } from '@app/observability';
import { RequestContextModule } from '@app/request-context';
import { gatewayConfig, GatewayConfig } from './config';
import { GatewayReadiness } from './health';
import { ProxyModule } from './proxy';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [gatewayConfig] }),
    RequestContextModule.forRoot(),
    ObservabilityModule.forRootAsync({
      service: 'gateway',
      readiness: GatewayReadiness,
      imports: [ProxyModule],
      inject: [gatewayConfig.KEY],
      useFactory: (config: GatewayConfig) => observabilitySettings(config),
    }),
    ProxyModule,
  ],
})
export class GatewayModule {}

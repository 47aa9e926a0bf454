import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ObservabilityModule, observabilitySettings } from '@app/observability';
import { RequestContextModule } from '@app/request-context';
import { expectedClaims, jwksKeys, TokenVerificationModule } from '@app/token-verification';
import { AdoptionsModule } from './adoptions';
import { CommentsModule } from './comments';
import { monolithConfig, MonolithConfig } from './config';
import { appDataSourceOptions } from './database';
import { DynamoDbHealthIndicator, DynamoDbModule } from './dynamodb';
import { MonolithReadiness } from './health';
import { LikesModule } from './likes';
import { MysfitsModule } from './mysfits';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [monolithConfig] }),
    RequestContextModule.forRoot(),
    TypeOrmModule.forRootAsync({
      inject: [monolithConfig.KEY],
      useFactory: (config: MonolithConfig) => ({
        ...appDataSourceOptions(config),
        autoLoadEntities: true,
      }),
    }),
    ObservabilityModule.forRootAsync({
      service: 'monolith',
      readiness: MonolithReadiness,
      imports: [TerminusModule, DynamoDbModule],
      readinessProviders: [DynamoDbHealthIndicator],
      inject: [monolithConfig.KEY],
      useFactory: (config: MonolithConfig) => observabilitySettings(config),
    }),
    TokenVerificationModule.forRootAsync({
      inject: [monolithConfig.KEY],
      useFactory: (config: MonolithConfig) => ({ ...expectedClaims(config), keys: jwksKeys(config.AUTH_JWKS_URL) }),
    }),
    MysfitsModule,
    AdoptionsModule,
    CommentsModule,
    LikesModule,
  ],
})
export class MonolithModule {}

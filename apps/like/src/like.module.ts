import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ObservabilityModule, observabilitySettings } from '@app/observability';
import { RequestContextModule } from '@app/request-context';
import { expectedClaims, jwksKeys, TokenVerificationModule } from '@app/token-verification';
import { likeConfig, LikeConfig } from './config';
import { LikeReadiness } from './health';
import { LikesModule } from './likes';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [likeConfig] }),
    RequestContextModule.forRoot(),
    ObservabilityModule.forRootAsync({
      service: 'like',
      readiness: LikeReadiness,
      inject: [likeConfig.KEY],
      useFactory: (config: LikeConfig) => observabilitySettings(config),
    }),
    TokenVerificationModule.forRootAsync({
      inject: [likeConfig.KEY],
      useFactory: (config: LikeConfig) => ({ ...expectedClaims(config), keys: jwksKeys(config.AUTH_JWKS_URL) }),
    }),
    LikesModule,
  ],
})
export class LikeModule {}

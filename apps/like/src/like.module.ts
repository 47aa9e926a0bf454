import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { authRpcClientModule } from '@app/auth-rpc';
import { ObservabilityModule } from '@app/observability';
import { TokenVerificationModule } from '@app/token-verification';
import { likeConfig } from './config/like.config';
import { LikeReadiness } from './health/like-readiness';
import { LikesController } from './likes/likes.controller';
import { LikesService } from './likes/likes.service';
import { MonolithClient } from './monolith/monolith.client';
import { ServiceTokenProvider } from './monolith/service-token.provider';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [likeConfig] }),
    ObservabilityModule.forRoot({ service: 'like', readiness: LikeReadiness }),
    TokenVerificationModule.forJwks(),
    authRpcClientModule(likeConfig.KEY),
  ],
  controllers: [LikesController],
  providers: [LikesService, MonolithClient, ServiceTokenProvider],
})
export class LikeModule {}

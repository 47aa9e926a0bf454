import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ClientsModule } from '@nestjs/microservices';
import { authRpcOptions } from '@app/auth-rpc';
import { ObservabilityModule } from '@app/observability';
import { TokenVerificationModule } from '@app/token-verification';
import { likeConfig, LikeConfig } from './config/like.config';
import { LikeReadiness } from './health/like-readiness';
import { LikesController } from './likes/likes.controller';
import { LikesService } from './likes/likes.service';
import { MonolithClient } from './monolith/monolith.client';
import { AUTH_RPC_CLIENT, ServiceTokenProvider } from './monolith/service-token.provider';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [likeConfig] }),
    ObservabilityModule.forRoot({ service: 'like', readiness: LikeReadiness }),
    TokenVerificationModule.forJwks(),
    ClientsModule.registerAsync([
      {
        name: AUTH_RPC_CLIENT,
        inject: [likeConfig.KEY],
        useFactory: (config: LikeConfig) => authRpcOptions(config.AUTH_GRPC_URL),
      },
    ]),
  ],
  controllers: [LikesController],
  providers: [LikesService, MonolithClient, ServiceTokenProvider],
})
export class LikeModule {}

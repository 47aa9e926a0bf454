import { Module } from '@nestjs/common';
import { AuthRpcClientModule } from '@app/auth-rpc';
import { likeConfig, LikeConfig } from '../config';
import { ServiceTokenProvider } from './service-token.provider';

/** This service's token for the monolith's internal routes, from auth over gRPC; exports ServiceTokenProvider. */
@Module({
  imports: [
    AuthRpcClientModule.registerAsync({
      inject: [likeConfig.KEY],
      useFactory: (config: LikeConfig) => ({ url: config.AUTH_GRPC_URL }),
    }),
  ],
  providers: [ServiceTokenProvider],
  exports: [ServiceTokenProvider],
})
export class ServiceTokenModule {}

import { Module } from '@nestjs/common';
import { AuthRpcClientModule } from '@app/auth-rpc';
import { monolithConfig, MonolithConfig } from '../config';
import { UserDirectory } from './user-directory';

/** The users, who live in auth: their display names, asked over gRPC. */
@Module({
  imports: [
    AuthRpcClientModule.registerAsync({
      inject: [monolithConfig.KEY],
      useFactory: (config: MonolithConfig) => ({ url: config.AUTH_GRPC_URL }),
    }),
  ],
  providers: [UserDirectory],
  exports: [UserDirectory],
})
export class UsersModule {}

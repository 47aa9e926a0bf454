import { Module } from '@nestjs/common';
import { ClientsModule } from '@nestjs/microservices';
import { authRpcOptions } from '@app/auth-rpc';
import { monolithConfig, MonolithConfig } from '../config/monolith.config';
import { AUTH_RPC_CLIENT, UserDirectory } from './user-directory';

@Module({
  imports: [
    ClientsModule.registerAsync([
      {
        name: AUTH_RPC_CLIENT,
        inject: [monolithConfig.KEY],
        useFactory: (config: MonolithConfig) => authRpcOptions(config.AUTH_GRPC_URL),
      },
    ]),
  ],
  providers: [UserDirectory],
  exports: [UserDirectory],
})
export class UsersModule {}

import { Module } from '@nestjs/common';
import { authRpcClientModule } from '@app/auth-rpc';
import { monolithConfig } from '../config/monolith.config';
import { UserDirectory } from './user-directory';

@Module({
  imports: [authRpcClientModule(monolithConfig.KEY)],
  providers: [UserDirectory],
  exports: [UserDirectory],
})
export class UsersModule {}

import { Module } from '@nestjs/common';
import { CredentialsModule } from '../credentials';
import { TokensModule } from '../tokens';
import { UsersModule } from '../users';
import { accountMetrics } from './account-metrics';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { LoginThrottle } from './login-throttle';

/** Register, login (throttled), refresh, logout and me over HTTP; the service also backs the browser session. */
@Module({
  imports: [UsersModule, CredentialsModule, TokensModule],
  controllers: [AccountsController],
  providers: [AccountsService, LoginThrottle, ...accountMetrics],
  exports: [AccountsService],
})
export class AccountsModule {}

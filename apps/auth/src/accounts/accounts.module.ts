import { Module } from '@nestjs/common';
import { CredentialsModule } from '../credentials';
import { TokensModule } from '../tokens';
import { UsersModule } from '../users';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { LoginThrottle } from './login-throttle';

/** Register, login (throttled), refresh, logout and me over HTTP; nothing here is for other features. */
@Module({
  imports: [UsersModule, CredentialsModule, TokensModule],
  controllers: [AccountsController],
  providers: [AccountsService, LoginThrottle],
})
export class AccountsModule {}

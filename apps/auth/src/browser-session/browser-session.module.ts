import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts';
import { BrowserSessionController } from './browser-session.controller';
import { SessionCookie } from './session-cookie';

/** The web page's login, refresh and logout, with the refresh token in an HttpOnly cookie. */
@Module({
  imports: [AccountsModule],
  controllers: [BrowserSessionController],
  providers: [SessionCookie],
})
export class BrowserSessionModule {}

export { AccountsModule } from './accounts.module';
// The browser session serves the same login, refresh and logout with a cookie.
export { AccountsService, type Tokens } from './accounts.service';
export { LoginRequest } from './dto/login.request';
export { TokenResponse } from './dto/token.response';

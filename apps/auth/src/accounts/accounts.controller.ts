import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AccessTokenGuard, AuthenticatedUser, CurrentUser } from '@app/token-verification';
import { AccountsService, Tokens } from './accounts.service';
import { AccountResponse } from './dto/account.response';
import { LoginRequest } from './dto/login.request';
import { RefreshTokenRequest } from './dto/refresh-token.request';
import { RegisterRequest } from './dto/register.request';
import { TokenResponse } from './dto/token.response';

@ApiTags('auth')
@Controller('auth')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Post('register')
  async register(@Body() request: RegisterRequest): Promise<AccountResponse> {
    return AccountResponse.from(await this.accounts.register(request));
  }

  @Post('login')
  @HttpCode(HttpStatus.OK)
  async login(@Body() request: LoginRequest, @Ip() clientAddress: string): Promise<TokenResponse> {
    return bearer(await this.accounts.login(request.email, request.password, clientAddress));
  }

  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  async refresh(@Body() request: RefreshTokenRequest): Promise<TokenResponse> {
    return bearer(await this.accounts.refresh(request.refreshToken));
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  async logout(@Body() request: RefreshTokenRequest): Promise<void> {
    await this.accounts.logout(request.refreshToken);
  }

  @Get('me')
  @ApiBearerAuth()
  @UseGuards(AccessTokenGuard)
  async me(@CurrentUser() user: AuthenticatedUser): Promise<AccountResponse> {
    return AccountResponse.from(await this.accounts.me(user.id));
  }
}

function bearer(tokens: Tokens): TokenResponse {
  return { ...tokens, tokenType: 'Bearer' };
}

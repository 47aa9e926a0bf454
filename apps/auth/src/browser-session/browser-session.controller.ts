import { Body, Controller, HttpCode, HttpStatus, Ip, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UnauthenticatedError } from '@app/errors';
import { AccountsService, LoginRequest, type Tokens } from '../accounts';
import { AccessTokenResponse } from './dto/access-token.response';
import { SameOriginGuard, SESSION_REQUEST_HEADER, SESSION_REQUEST_HEADER_VALUE } from './same-origin.guard';
import { SESSION_COOKIE_PATH, SessionCookie } from './session-cookie';

/**
 * The web page's session: the same login, refresh and logout as the JSON token API, with the refresh
 * token kept in an HttpOnly cookie instead of the page's hands.
 */
@ApiTags('browser session')
@ApiHeader({ name: SESSION_REQUEST_HEADER, enum: [SESSION_REQUEST_HEADER_VALUE], required: true })
@ApiForbiddenResponse({ description: 'CSRF_HEADER_REQUIRED or CROSS_SITE_REQUEST_REFUSED' })
@Controller(SESSION_COOKIE_PATH)
@UseGuards(SameOriginGuard)
export class BrowserSessionController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly cookie: SessionCookie,
  ) {}

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: AccessTokenResponse, description: 'Sets the session cookie' })
  async login(
    @Body() request: LoginRequest,
    @Ip() clientAddress: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AccessTokenResponse> {
    return this.hold(await this.accounts.login(request.email, request.password, clientAddress), reply);
  }

  // The reply is sent by hand because its status depends on the cookie: 204 tells a signed-out page
  // that there is nothing to renew, without an error.
  @Post('refresh')
  @ApiOkResponse({ type: AccessTokenResponse, description: 'Rotates the session cookie' })
  @ApiNoContentResponse({ description: 'No session cookie: the visitor is signed out' })
  @ApiUnauthorizedResponse({ description: 'REFRESH_TOKEN_INVALID or REFRESH_TOKEN_REUSED; clears the cookie' })
  async refresh(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const refreshToken = this.cookie.read(request);
    if (!refreshToken) {
      void reply.status(HttpStatus.NO_CONTENT).send();
      return;
    }
    try {
      void reply.status(HttpStatus.OK).send(this.hold(await this.accounts.refresh(refreshToken), reply));
    } catch (error) {
      // A token that is no longer valid will never be: drop it. An outage (503) keeps the session.
      if (error instanceof UnauthenticatedError) this.cookie.clear(reply);
      throw error;
    }
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Revokes the session and clears the cookie' })
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const refreshToken = this.cookie.read(request);
    if (refreshToken) await this.accounts.logout(refreshToken);
    this.cookie.clear(reply);
  }

  private hold(tokens: Tokens, reply: FastifyReply): AccessTokenResponse {
    this.cookie.write(reply, tokens.refreshToken);
    return { accessToken: tokens.accessToken, tokenType: 'Bearer', expiresIn: tokens.expiresIn };
  }
}

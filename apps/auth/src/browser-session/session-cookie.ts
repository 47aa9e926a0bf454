import fastifyCookie, { CookieSerializeOptions } from '@fastify/cookie';
import { Inject, Injectable } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authConfig, type AuthConfig } from '../config';

/** Only the session routes receive the cookie; no other request, to auth or any other service, carries it. */
export const SESSION_COOKIE_PATH = '/auth/session';
export const SESSION_COOKIE_NAME = 'mysfits_session';

/** Parses request cookies and writes Set-Cookie headers; main.ts and the e2e tests register it alike. */
export async function useSessionCookies(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyCookie);
}

/**
 * The refresh token of a browser session, in a cookie no script can read (HttpOnly), that the browser
 * sends only to this site's own requests (SameSite=Strict), only to the session routes (Path), and only
 * over HTTPS when the page was served over HTTPS ('auto' reads the protocol Fastify tells from
 * X-Forwarded-Proto through the trusted proxy hops).
 */
@Injectable()
export class SessionCookie {
  private readonly attributes: CookieSerializeOptions = {
    path: SESSION_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure: 'auto',
  };

  constructor(@Inject(authConfig.KEY) private readonly config: AuthConfig) {}

  read(request: FastifyRequest): string | undefined {
    return request.cookies[SESSION_COOKIE_NAME] || undefined;
  }

  /** Lives as long as the refresh token it holds; every rotation renews both. */
  write(reply: FastifyReply, refreshToken: string): void {
    void reply.setCookie(SESSION_COOKIE_NAME, refreshToken, {
      ...this.attributes,
      maxAge: this.config.REFRESH_TOKEN_TTL_SECONDS,
    });
  }

  clear(reply: FastifyReply): void {
    void reply.clearCookie(SESSION_COOKIE_NAME, this.attributes);
  }
}

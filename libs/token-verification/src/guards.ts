import { CanActivate, ExecutionContext, Injectable, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError } from '@app/errors';
import { AuthenticatedUser } from './token-claims';
import { TokenVerificationOptions } from './token-verification.options';
import { TokenVerifier } from './token-verifier';

interface AuthenticatedRequest extends FastifyRequest {
  user?: AuthenticatedUser;
}

function bearerToken(authorization: string | undefined): string {
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(authorization ?? '');
  if (!match) {
    throw new UnauthenticatedError(
      'AUTHENTICATION_REQUIRED',
      'Send an access token as "Authorization: Bearer <token>"',
    );
  }
  return match[1];
}

/** Lets through requests that carry a valid access token issued to a person. */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly options: TokenVerificationOptions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const claims = await this.verifier.verify(bearerToken(request.headers.authorization), this.options.audience);
    if (claims.client_id) throw new UnauthenticatedError('TOKEN_INVALID', 'A service token cannot act for a person');
    request.user = { id: claims.sub };
    return true;
  }
}

/** Names the service clients a route accepts, e.g. `@ServiceCallers('like')`. */
export const ServiceCallers = Reflector.createDecorator<string[]>();

/** Lets through only services holding a token for the internal audience, issued to an allowed client. */
@Injectable()
export class ServiceTokenGuard implements CanActivate {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly options: TokenVerificationOptions,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const claims = await this.verifier.verify(
      bearerToken(request.headers.authorization),
      this.options.internalAudience,
    );
    const allowed = (this.reflector.get(ServiceCallers, context.getHandler()) as string[] | undefined) ?? [];
    if (!claims.client_id || !allowed.includes(claims.client_id)) {
      throw new ForbiddenError('SERVICE_NOT_ALLOWED', 'This route is not open to this caller');
    }
    return true;
  }
}

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a route without AccessTokenGuard');
  return user;
});

import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CrossSiteRequestError, CsrfHeaderRequiredError } from './browser-session.errors';

/**
 * The custom header the web page sends with every session request. A cross-site HTML form cannot set
 * a header at all, and a cross-origin script can set it only after a CORS preflight, which auth never
 * approves: so a request carrying it was sent by a script of this origin.
 */
export const SESSION_REQUEST_HEADER = 'x-requested-with';
export const SESSION_REQUEST_HEADER_VALUE = 'fetch';

type Headers = FastifyRequest['headers'];

/** Why a request may not use the session cookie, or undefined when it may. */
export function crossSiteRefusal(headers: Headers): Error | undefined {
  if (headers[SESSION_REQUEST_HEADER] !== SESSION_REQUEST_HEADER_VALUE) {
    return new CsrfHeaderRequiredError(`${SESSION_REQUEST_HEADER}: ${SESSION_REQUEST_HEADER_VALUE}`);
  }
  // Fetch metadata, sent by every current browser: a sibling subdomain is "same-site" and so still
  // gets a SameSite=Strict cookie; only this origin's own pages may use it. Clients that are not
  // browsers (curl, scripts) send no such header.
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return new CrossSiteRequestError();
  return undefined;
}

/** Lets a request use the session cookie only when it comes from this site's own scripts (CSRF defence). */
@Injectable()
export class SameOriginGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const refusal = crossSiteRefusal(context.switchToHttp().getRequest<FastifyRequest>().headers);
    if (refusal) throw refusal;
    return true;
  }
}

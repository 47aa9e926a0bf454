import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * The Content-Security-Policy of every response: the web page's scripts, styles and images come from
 * its own origin only, and nothing inline is allowed. `upgrade-insecure-requests` (a helmet default) is
 * left out: the local gateway, and an EKS deployment without a domain, serve plain HTTP.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Security headers on the page and the API alike (`@fastify/helmet`): the CSP above, no framing,
 * `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`, HSTS (which browsers heed over
 * HTTPS only) and helmet's other defaults.
 */
export async function addSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
  });
}

import { z } from 'zod';
import { defineConfig, httpUrl } from '@app/config-kit';

export const tokenVerificationConfig = defineConfig(
  'tokens',
  z.object({
    AUTH_JWKS_URL: httpUrl,
    JWT_ISSUER: z.string().min(1),
    JWT_AUDIENCE: z.string().min(1).default('mysfits-api'),
    JWT_INTERNAL_AUDIENCE: z.string().min(1).default('mysfits-internal'),
  }),
);

/** What a verifier checks tokens against. */
export abstract class TokenVerificationOptions {
  abstract readonly issuer: string;
  /** Audience of tokens issued to people (the public API). */
  abstract readonly audience: string;
  /** Audience of tokens issued to services for internal routes. */
  abstract readonly internalAudience: string;
}

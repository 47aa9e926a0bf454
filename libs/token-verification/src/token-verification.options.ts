import { z } from 'zod';
import { httpUrl } from '@app/config-kit';
import type { SigningKeySource } from './signing-key-source';

/** The claims access tokens are checked against, for the config schema of every app that issues or verifies them. */
export const accessTokenEnv = z.object({
  JWT_ISSUER: z.string().min(1),
  JWT_AUDIENCE: z.string().min(1).default('mysfits-api'),
  JWT_INTERNAL_AUDIENCE: z.string().min(1).default('mysfits-internal'),
});

/** Where the services that verify tokens find auth's public keys. */
export const jwksEnv = z.object({ AUTH_JWKS_URL: httpUrl });

export type AccessTokenEnv = z.output<typeof accessTokenEnv>;

/** What a verifier checks tokens against. */
export interface ExpectedClaims {
  issuer: string;
  /** Audience of tokens issued to people (the public API). */
  audience: string;
  /** Audience of tokens issued to services for internal routes. */
  internalAudience: string;
}

/** The claims to check, as injected into the verifier and the guards. */
export abstract class TokenVerificationOptions implements ExpectedClaims {
  abstract readonly issuer: string;
  abstract readonly audience: string;
  abstract readonly internalAudience: string;
}

export interface TokenVerificationSettings extends ExpectedClaims {
  /** Where the public key of a token's `kid` is found: `jwksKeys(url)`, or the issuer's own keys. */
  keys: SigningKeySource;
}

/** The claims to check, as an app's config names them. */
export function expectedClaims(env: AccessTokenEnv): ExpectedClaims {
  return { issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE, internalAudience: env.JWT_INTERNAL_AUDIENCE };
}

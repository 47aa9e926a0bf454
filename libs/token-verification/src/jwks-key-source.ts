import { JwksClient, SigningKeyNotFoundError } from 'jwks-rsa';
import { UpstreamUnavailableError } from '@app/errors';
import { SigningKeySource } from './signing-key-source';

/**
 * Keys published by `auth` as a JWKS document, fetched with a timeout and cached. An unknown `kid`
 * triggers at most a few refetches a minute, so rotated keys are picked up without letting
 * forged tokens hammer the auth service.
 */
class JwksKeySource extends SigningKeySource {
  private readonly client: JwksClient;

  constructor(jwksUri: string) {
    super();
    this.client = new JwksClient({
      jwksUri,
      cache: true,
      cacheMaxAge: 10 * 60_000,
      rateLimit: true,
      jwksRequestsPerMinute: 10,
      timeout: 2_000,
    });
  }

  async publicKey(kid: string): Promise<string | undefined> {
    try {
      const key = await this.client.getSigningKey(kid);
      return key.getPublicKey();
    } catch (error) {
      if (error instanceof SigningKeyNotFoundError) return undefined;
      if ((error as Error).name === 'JwksRateLimitError') return undefined;
      throw new UpstreamUnavailableError('The token signing keys could not be fetched');
    }
  }
}

/** The public keys `auth` publishes at `jwksUrl`. */
export function jwksKeys(jwksUrl: string): SigningKeySource {
  return new JwksKeySource(jwksUrl);
}

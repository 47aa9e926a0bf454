import { createPublicKey, KeyObject } from 'node:crypto';
import { JwksClient, SigningKeyNotFoundError } from 'jwks-rsa';
import { UpstreamUnavailableError } from '@app/errors';
import { SigningKeySource } from './signing-key-source';

interface ImportedKey {
  pem: string;
  key: KeyObject;
}

/**
 * Keys published by `auth` as a JWKS document, fetched with a timeout and cached. An unknown `kid`
 * triggers at most a few refetches a minute, so rotated keys are picked up without letting
 * forged tokens hammer the auth service.
 */
class JwksKeySource extends SigningKeySource {
  private readonly client: JwksClient;
  /**
   * Each published key as a KeyObject, imported when first seen. The JWKS client still decides which
   * keys are published (and drops withdrawn ones when its cache expires); this only saves importing
   * the same PEM again on every request.
   */
  private readonly imported = new Map<string, ImportedKey>();

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

  async publicKey(kid: string): Promise<KeyObject | undefined> {
    let pem: string;
    try {
      pem = (await this.client.getSigningKey(kid)).getPublicKey();
    } catch (error) {
      if (error instanceof SigningKeyNotFoundError) {
        this.imported.delete(kid);
        return undefined;
      }
      if ((error as Error).name === 'JwksRateLimitError') return undefined;
      throw new UpstreamUnavailableError('The token signing keys could not be fetched');
    }
    const known = this.imported.get(kid);
    if (known?.pem === pem) return known.key;
    const key = createPublicKey(pem);
    this.imported.set(kid, { pem, key });
    return key;
  }
}

/** The public keys `auth` publishes at `jwksUrl`. */
export function jwksKeys(jwksUrl: string): SigningKeySource {
  return new JwksKeySource(jwksUrl);
}

import { createHash, createPublicKey, JsonWebKey, KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SigningKeySource } from '@app/token-verification';
import { authConfig, AuthConfig } from '../config';

export interface PublishedKey extends JsonWebKey {
  kid: string;
  use: 'sig';
  alg: 'ES256';
}

/**
 * The key pair that signs access tokens. The key id is the RFC 7638 thumbprint of the public key,
 * so it changes exactly when the key does and verifiers can pick the right key during a rotation.
 */
@Injectable()
export class SigningKeys extends SigningKeySource {
  readonly privateKey: KeyObject;
  readonly kid: string;
  private readonly publicKeyPem: string;
  private readonly jwk: PublishedKey;

  constructor(@Inject(authConfig.KEY) config: AuthConfig) {
    super();
    // An EC P-256 key: the config schema checked it at boot.
    this.privateKey = config.JWT_PRIVATE_KEY;
    const publicKey = createPublicKey(this.privateKey);
    this.publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const { kty, crv, x, y } = publicKey.export({ format: 'jwk' });
    this.kid = thumbprint({ crv, kty, x, y });
    this.jwk = { kty, crv, x, y, kid: this.kid, use: 'sig', alg: 'ES256' };
  }

  jwks(): { keys: PublishedKey[] } {
    return { keys: [this.jwk] };
  }

  async publicKey(kid: string): Promise<string | undefined> {
    return kid === this.kid ? this.publicKeyPem : undefined;
  }
}

function thumbprint(members: Record<string, unknown>): string {
  // RFC 7638: the required members in lexicographic order, no whitespace.
  const canonical = JSON.stringify(members, Object.keys(members).sort());
  return createHash('sha256').update(canonical).digest('base64url');
}

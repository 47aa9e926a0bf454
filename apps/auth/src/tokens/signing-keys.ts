import { createHash, createPublicKey, JsonWebKey, KeyObject } from 'node:crypto';
import { SigningKeySource } from '@app/token-verification';

export interface PublishedKey extends JsonWebKey {
  kid: string;
  use: 'sig';
  alg: 'ES256';
}

/**
 * The key pair that signs access tokens. The key id is the RFC 7638 thumbprint of the public key,
 * so it changes exactly when the key does and verifiers can pick the right key during a rotation.
 */
export class SigningKeys extends SigningKeySource {
  readonly privateKey: KeyObject;
  readonly kid: string;
  private readonly verificationKey: KeyObject;
  private readonly jwk: PublishedKey;

  /** `privateKey` is an EC P-256 key: the config schema checked it at boot. */
  constructor(privateKey: KeyObject) {
    super();
    this.privateKey = privateKey;
    this.verificationKey = createPublicKey(this.privateKey);
    const { kty, crv, x, y } = this.verificationKey.export({ format: 'jwk' });
    this.kid = thumbprint({ crv, kty, x, y });
    this.jwk = { kty, crv, x, y, kid: this.kid, use: 'sig', alg: 'ES256' };
  }

  jwks(): { keys: PublishedKey[] } {
    return { keys: [this.jwk] };
  }

  async publicKey(kid: string): Promise<KeyObject | undefined> {
    return kid === this.kid ? this.verificationKey : undefined;
  }
}

function thumbprint(members: Record<string, unknown>): string {
  // RFC 7638: the required members in lexicographic order, no whitespace.
  // Stryker disable next-line MethodExpression: the one caller lists the members in that order already.
  const canonical = JSON.stringify(members, Object.keys(members).sort());
  return createHash('sha256').update(canonical).digest('base64url');
}

import { generateKeyPairSync } from 'node:crypto';
import type { AuthConfig } from '../config';
import { SigningKeys } from './signing-keys';

const ecKey = () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;

describe('SigningKeys', () => {
  it('publishes the public key only, with a kid that is its RFC 7638 thumbprint', async () => {
    const keys = new SigningKeys({ JWT_PRIVATE_KEY: ecKey() } as AuthConfig);
    const [jwk] = keys.jwks().keys;
    expect(jwk).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: expect.any(String),
      y: expect.any(String),
      kid: keys.kid,
      use: 'sig',
      alg: 'ES256',
    });
    expect(jwk).not.toHaveProperty('d');
    expect(new SigningKeys({ JWT_PRIVATE_KEY: ecKey() } as AuthConfig).kid).not.toBe(keys.kid);
    await expect(keys.publicKey(keys.kid)).resolves.toContain('BEGIN PUBLIC KEY');
    await expect(keys.publicKey('another')).resolves.toBeUndefined();
  });
});

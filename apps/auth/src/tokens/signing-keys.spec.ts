import { generateKeyPairSync } from 'node:crypto';
import type { AuthConfig } from '../config';
import { SigningKeys } from './signing-keys';

const pem = (type: 'ec' | 'rsa', curve = 'P-256') =>
  (type === 'ec'
    ? generateKeyPairSync('ec', { namedCurve: curve })
    : generateKeyPairSync('rsa', { modulusLength: 2048 })
  ).privateKey
    .export({ format: 'pem', type: 'pkcs8' })
    .toString();

describe('SigningKeys', () => {
  it('publishes the public key only, with a kid that is its RFC 7638 thumbprint', async () => {
    const keys = new SigningKeys({ JWT_PRIVATE_KEY: pem('ec') } as AuthConfig);
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
    expect(new SigningKeys({ JWT_PRIVATE_KEY: pem('ec') } as AuthConfig).kid).not.toBe(keys.kid);
    await expect(keys.publicKey(keys.kid)).resolves.toContain('BEGIN PUBLIC KEY');
    await expect(keys.publicKey('another')).resolves.toBeUndefined();
  });

  it.each([
    ['an RSA key', pem('rsa')],
    ['a P-384 key', pem('ec', 'P-384')],
  ])('refuses %s', (_case, key) => {
    expect(() => new SigningKeys({ JWT_PRIVATE_KEY: key } as AuthConfig)).toThrow(/EC P-256/);
  });
});

import { createHash, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { SigningKeys } from './signing-keys';

const ecKey = () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;

describe('SigningKeys', () => {
  it('publishes the public key only, with a kid that is its RFC 7638 thumbprint', async () => {
    const keys = new SigningKeys(ecKey());
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
    expect(new SigningKeys(ecKey()).kid).not.toBe(keys.kid);
    const publicKey = await keys.publicKey(keys.kid);
    expect(publicKey?.type).toBe('public');
    expect(publicKey?.export({ format: 'jwk' })).toEqual({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y });
    await expect(keys.publicKey(keys.kid)).resolves.toBe(publicKey);
    await expect(keys.publicKey('another')).resolves.toBeUndefined();
  });

  it('derives the kid as RFC 7638 spells it out for an EC key', () => {
    const privateKey = ecKey();
    const { crv, kty, x, y } = createPublicKey(privateKey).export({ format: 'jwk' });
    const members = `{"crv":"${crv}","kty":"${kty}","x":"${x}","y":"${y}"}`;
    const expected = createHash('sha256').update(members).digest('base64url');
    expect(new SigningKeys(privateKey).kid).toBe(expected);
  });

  it('publishes the public key that verifies what the private key signs', async () => {
    const keys = new SigningKeys(ecKey());
    const signature = sign('sha256', Buffer.from('payload'), keys.privateKey);
    const pem = await keys.publicKey(keys.kid);
    expect(verify('sha256', Buffer.from('payload'), pem ?? '', signature)).toBe(true);
    const [jwk] = keys.jwks().keys;
    expect(verify('sha256', Buffer.from('payload'), createPublicKey({ key: jwk, format: 'jwk' }), signature)).toBe(
      true,
    );
  });
});

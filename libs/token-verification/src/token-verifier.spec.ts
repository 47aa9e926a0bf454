import { createHash, generateKeyPairSync, KeyObject } from 'node:crypto';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sign, SignOptions } from 'jsonwebtoken';
import { jwksKeys } from './jwks-key-source';
import { SigningKeySource } from './signing-key-source';
import { TokenVerifier } from './token-verifier';

const ISSUER = 'http://issuer.test/auth';
const AUDIENCE = 'mysfits-api';

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { kty, crv, x, y } = publicKey.export({ format: 'jwk' });
  const kid = createHash('sha256').update(JSON.stringify({ crv, kty, x, y })).digest('base64url');
  return { privateKey, publicKey, kid, jwk: { kty, crv, x, y, kid, use: 'sig', alg: 'ES256' } };
}

const tokenOf = (privateKey: KeyObject, kid: string, options: SignOptions = {}) =>
  sign({}, privateKey, {
    algorithm: 'ES256',
    keyid: kid,
    header: { alg: 'ES256', typ: 'at+jwt' },
    issuer: ISSUER,
    audience: AUDIENCE,
    subject: 'user-1',
    expiresIn: 300,
    ...options,
  });

describe('TokenVerifier', () => {
  const pair = keyPair();
  const keys: SigningKeySource = { publicKey: async (kid) => (kid === pair.kid ? pair.publicKey : undefined) };
  const verifier = new TokenVerifier(keys, { issuer: ISSUER, audience: AUDIENCE, internalAudience: 'internal' });

  it('accepts a token signed by the published key, checking it against the KeyObject', async () => {
    await expect(verifier.verify(tokenOf(pair.privateKey, pair.kid), AUDIENCE)).resolves.toMatchObject({
      sub: 'user-1',
      iss: ISSUER,
    });
  });

  it.each<[string, () => string, string]>([
    ['an expired token', () => tokenOf(pair.privateKey, pair.kid, { expiresIn: -10 }), 'TOKEN_EXPIRED'],
    ['another audience', () => tokenOf(pair.privateKey, pair.kid, { audience: 'internal' }), 'TOKEN_INVALID'],
    ['another issuer', () => tokenOf(pair.privateKey, pair.kid, { issuer: 'elsewhere' }), 'TOKEN_INVALID'],
    ['an unknown kid', () => tokenOf(pair.privateKey, 'unknown'), 'TOKEN_INVALID'],
    ['another key under the published kid', () => tokenOf(keyPair().privateKey, pair.kid), 'TOKEN_INVALID'],
    ['not a JWT', () => 'opaque-refresh-token', 'TOKEN_INVALID'],
  ])('refuses %s', async (_case, token, code) => {
    await expect(verifier.verify(token(), AUDIENCE)).rejects.toMatchObject({ code });
  });
});

describe('jwksKeys', () => {
  const pair = keyPair();
  let server: Server;
  let url: string;
  let fetches = 0;

  beforeAll(async () => {
    server = createServer((_request, response) => {
      fetches++;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [pair.jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('imports a published key once and hands out that same KeyObject for every token', async () => {
    const keys = jwksKeys(url);
    const first = await keys.publicKey(pair.kid);
    expect(first?.export({ format: 'jwk' })).toEqual(pair.publicKey.export({ format: 'jwk' }));
    await expect(keys.publicKey(pair.kid)).resolves.toBe(first);
    expect(fetches).toBe(1);
  });

  it('knows no key for a kid the JWKS does not publish', async () => {
    await expect(jwksKeys(url).publicKey('unknown')).resolves.toBeUndefined();
  });
});

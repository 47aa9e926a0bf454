import { createHash, generateKeyPairSync, KeyObject, randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { sign } from 'jsonwebtoken';

export const TEST_ISSUER = 'http://issuer.test/auth';
export const TEST_AUDIENCE = 'mysfits-api';
export const TEST_INTERNAL_AUDIENCE = 'mysfits-internal';

/** An ES256 key pair standing in for auth's, with helpers to mint good and bad tokens. */
export class TestKeys {
  readonly privateKey: KeyObject;
  readonly kid: string;
  readonly jwk: Record<string, unknown>;

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = privateKey;
    const { kty, crv, x, y } = publicKey.export({ format: 'jwk' });
    this.kid = createHash('sha256').update(JSON.stringify({ crv, kty, x, y })).digest('base64url');
    this.jwk = { kty, crv, x, y, kid: this.kid, use: 'sig', alg: 'ES256' };
  }

  pem(): string {
    return this.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  }

  userToken(userId: string, overrides: { audience?: string; expiresIn?: number; typ?: string } = {}): string {
    return sign({}, this.privateKey, {
      algorithm: 'ES256',
      keyid: this.kid,
      header: { alg: 'ES256', typ: overrides.typ ?? 'at+jwt' },
      issuer: TEST_ISSUER,
      audience: overrides.audience ?? TEST_AUDIENCE,
      subject: userId,
      expiresIn: overrides.expiresIn ?? 300,
      jwtid: randomUUID(),
    });
  }

  serviceToken(clientId: string): string {
    return sign({ client_id: clientId }, this.privateKey, {
      algorithm: 'ES256',
      keyid: this.kid,
      header: { alg: 'ES256', typ: 'at+jwt' },
      issuer: TEST_ISSUER,
      audience: TEST_INTERNAL_AUDIENCE,
      subject: clientId,
      expiresIn: 300,
    });
  }

  /** Serves `{keys: [...]}` as auth does, on a free local port. */
  async serveJwks(): Promise<{ url: string; close(): Promise<void> }> {
    const server: Server = createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [this.jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}/auth/.well-known/jwks.json`,
      close: () => new Promise((resolve) => server.close(() => resolve())),
    };
  }
}

/** Tokens a client might try instead of a valid one: each must be refused with 401. */
export function forgedTokens(keys: TestKeys, userId: string): Record<string, string> {
  const valid = keys.userToken(userId);
  const [header, payload] = valid.split('.');
  const otherKey = new TestKeys();
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as object;
  return {
    expired: keys.userToken(userId, { expiresIn: -10 }),
    'wrong audience': keys.userToken(userId, { audience: 'another-api' }),
    'signed by another key with the same kid': sign({}, otherKey.privateKey, {
      algorithm: 'ES256',
      keyid: keys.kid,
      header: { alg: 'ES256', typ: 'at+jwt' },
      issuer: TEST_ISSUER,
      audience: TEST_AUDIENCE,
      subject: userId,
      expiresIn: 300,
    }),
    'alg none': `${encode({ alg: 'none', typ: 'at+jwt', kid: keys.kid })}.${payload}.`,
    'tampered payload': `${header}.${encode({ ...claims, sub: '00000000-0000-4000-8000-000000000000' })}.${valid.split('.')[2]}`,
    'not a JWT (an opaque refresh token)': 'n3Jq0bL0d8m1yK2aVx4sZ7pQ9wE5rT6uY8iO0pA1sD2',
    'wrong typ': keys.userToken(userId, { typ: 'JWT' }),
  };
}

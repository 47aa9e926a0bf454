import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { RENEW_TOKENS_AFTER_MS, renewStaleTokens, Seeded } from './scenarios';

describe('renewStaleTokens', () => {
  let gateway: Server;
  const logins: string[] = [];

  beforeAll(async () => {
    gateway = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const { email } = JSON.parse(body) as { email: string };
        logins.push(`${request.method} ${request.url} ${email}`);
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ accessToken: `fresh token of ${email}` }));
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  });

  afterAll(() => new Promise((resolve) => gateway.close(resolve)));
  beforeEach(() => (logins.length = 0));

  const seededAt = (loggedInAt: number): Seeded => ({
    gateway: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`,
    mysfitIds: [],
    adoptedId: 'a',
    notAdoptedId: 'b',
    users: ['ann@example.com', 'bob@example.com'].map((email) => ({
      email,
      password: 'bench password',
      accessToken: `old token of ${email}`,
    })),
    loggedInAt,
  });

  it('keeps tokens younger than the renewal age, with no call', async () => {
    const seeded = seededAt(Date.now() - RENEW_TOKENS_AFTER_MS + 60_000);
    await renewStaleTokens(seeded);
    expect(logins).toEqual([]);
    expect(seeded.users[0].accessToken).toBe('old token of ann@example.com');
  });

  it('logs every user in again once the tokens are that old, and starts their age over', async () => {
    const seeded = seededAt(Date.now() - RENEW_TOKENS_AFTER_MS - 1);
    const before = Date.now();
    await renewStaleTokens(seeded);
    expect(logins.sort()).toEqual(['POST /auth/login ann@example.com', 'POST /auth/login bob@example.com']);
    expect(seeded.users.map((user) => user.accessToken)).toEqual([
      'fresh token of ann@example.com',
      'fresh token of bob@example.com',
    ]);
    expect(seeded.loggedInAt).toBeGreaterThanOrEqual(before);
  });
});

import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { smokeTestSite } from './smoke-test';
import type { Clock } from './wait';

/** Time passes only when the smoke test waits between attempts. */
const instantClock = (): Clock => {
  let now = 0;
  return { now: () => now, sleep: async (ms) => void (now += ms) };
};

/** A stand-in for the ALB on the loopback interface, answering as the site would. */
async function alb(listener: RequestListener): Promise<{ host: string; server: Server }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { host: `127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('the smoke test, over plain HTTP on the ALB', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('passes when the mysfits come back as JSON and the health routes stay inside', async () => {
    const site = await alb((request, response) => {
      if (request.url === '/mysfits') {
        response.setHeader('content-type', 'application/json');
        return response.end(JSON.stringify({ mysfits: [{ mysfitId: 'a' }, { mysfitId: 'b' }] }));
      }
      response.statusCode = 404;
      response.end('{"code":"ROUTE_NOT_FOUND"}');
    });
    server = site.server;
    expect(await smokeTestSite({ albHostname: site.host, domain: null }, instantClock())).toBe(
      `2 mysfits from http://${site.host}/mysfits`,
    );
  });

  it('fails after retrying for ten minutes, naming what it got instead', async () => {
    let requests = 0;
    const site = await alb((_request, response) => {
      requests += 1;
      response.statusCode = 503;
      response.end('{"code":"UPSTREAM_UNAVAILABLE"}');
    });
    server = site.server;
    await expect(smokeTestSite({ albHostname: site.host, domain: null }, instantClock())).rejects.toThrow(
      `smoke test failed: http://${site.host}/mysfits: got 503, expected 200 with the mysfits as JSON`,
    );
    expect(requests).toBeGreaterThan(50);
  });

  it('fails when the ALB lets the health routes through', async () => {
    const site = await alb((request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(request.url === '/mysfits' ? '{"mysfits":[{}]}' : '{"status":"ok"}');
    });
    server = site.server;
    await expect(smokeTestSite({ albHostname: site.host, domain: null }, instantClock())).rejects.toThrow(
      `/health/ready: got 200, expected 404 (internal only)`,
    );
  });
});

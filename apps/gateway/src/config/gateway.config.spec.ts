import { gatewayConfig } from './gateway.config';

const required = {
  AUTH_URL: 'http://auth:3001',
  MONOLITH_URL: 'http://monolith:3002',
  LIKE_URL: 'http://like:3003',
};

describe('gatewayConfig', () => {
  const original = { ...process.env };
  afterEach(() => {
    process.env = { ...original };
  });

  it('waits for an upstream at most 10 s by default, well under the ALB idle timeout of 60 s, and 8 s for a like', () => {
    Object.assign(process.env, required);
    const config = gatewayConfig();
    expect(config.UPSTREAM_TIMEOUT_MS).toBe(10_000);
    expect(config.UPSTREAM_ROUTE_TIMEOUTS_MS).toEqual(new Map([['/mysfits/*/like', 8_000]]));
  });

  it('reads per-route timeouts as Ingress path=milliseconds pairs', () => {
    Object.assign(process.env, required, { UPSTREAM_ROUTE_TIMEOUTS_MS: '/auth=3000, /mysfits/*/like=5000' });
    expect(gatewayConfig().UPSTREAM_ROUTE_TIMEOUTS_MS).toEqual(
      new Map([
        ['/auth', 3_000],
        ['/mysfits/*/like', 5_000],
      ]),
    );
  });

  it('names the variable when a pair is malformed', () => {
    Object.assign(process.env, required, { UPSTREAM_ROUTE_TIMEOUTS_MS: '/auth=soon' });
    expect(() => gatewayConfig()).toThrow(
      /UPSTREAM_ROUTE_TIMEOUTS_MS: "\/auth=soon" is not <Ingress path>=<milliseconds>/,
    );
  });
});

import { z } from 'zod';
import { ConfigError, parseEnv } from './define-config';
import { flag, hostAndPort, httpUrl, port, secret } from './env-types';

const schema = z.object({ PORT: port(3000), DEBUG: flag(false), API_SECRET: secret });

describe('parseEnv', () => {
  const originalNodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = originalNodeEnv;
  });

  it('applies defaults and coerces types', () => {
    expect(parseEnv('demo', schema, { API_SECRET: 's3cr3t-value' })).toEqual({
      PORT: 3000,
      DEBUG: false,
      API_SECRET: 's3cr3t-value',
    });
    expect(parseEnv('demo', schema, { PORT: '8080', DEBUG: 'true', API_SECRET: 'x1' }).PORT).toBe(8080);
  });

  it('names every invalid variable, in one message and one problem each', () => {
    expect(() => parseEnv('demo', schema, { PORT: 'eighty' })).toThrow(
      /Invalid demo configuration: PORT: .*; API_SECRET: is required/,
    );
    const thrown = (() => {
      try {
        return parseEnv('demo', schema, { PORT: 'eighty' });
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).problems).toEqual([
      { variable: 'PORT', problem: expect.any(String) },
      { variable: 'API_SECRET', problem: 'is required' },
    ]);
  });

  it('refuses placeholder secrets in production only', () => {
    process.env.NODE_ENV = 'production';
    expect(() => parseEnv('demo', schema, { API_SECRET: 'changeme' })).toThrow(/API_SECRET: is a placeholder/);
    process.env.NODE_ENV = 'development';
    expect(parseEnv('demo', schema, { API_SECRET: 'changeme' }).API_SECRET).toBe('changeme');
  });
});

describe('the value types', () => {
  const check = (schema: z.ZodType, value: string) => schema.safeParse(value).success;

  it.each([
    ['auth:50051', true],
    ['127.0.0.1:50051', true],
    ['[::1]:50051', true],
    ['auth.mysfits.svc.cluster.local:50051', true],
    ['auth', false],
    ['auth:0', false],
    ['auth:70000', false],
    ['http://auth:50051', false],
    ['[nonsense]:50051', false],
  ])('hostAndPort takes %s: %s', (value, ok) => {
    expect(check(hostAndPort, value)).toBe(ok);
  });

  it('httpUrl takes http and https URLs only', () => {
    expect(check(httpUrl, 'https://auth/.well-known/jwks.json')).toBe(true);
    expect(check(httpUrl, 'auth/.well-known/jwks.json')).toBe(false);
    expect(check(httpUrl, 'ftp://auth/jwks.json')).toBe(false);
  });
});

import { z } from 'zod';
import { parseEnv } from './define-config';
import { flag, port, secret } from './env-types';

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

  it('names every invalid variable in one message', () => {
    expect(() => parseEnv('demo', schema, { PORT: 'eighty' })).toThrow(
      /Invalid demo configuration: PORT: .*; API_SECRET: is required/,
    );
  });

  it('refuses placeholder secrets in production only', () => {
    process.env.NODE_ENV = 'production';
    expect(() => parseEnv('demo', schema, { API_SECRET: 'changeme' })).toThrow(/API_SECRET: is a placeholder/);
    process.env.NODE_ENV = 'development';
    expect(parseEnv('demo', schema, { API_SECRET: 'changeme' }).API_SECRET).toBe('changeme');
  });
});

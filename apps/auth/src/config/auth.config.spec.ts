import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '@app/config-kit';
import { authConfig } from './auth.config';

const pem = (key: ReturnType<typeof generateKeyPairSync>['privateKey']) =>
  key.export({ format: 'pem', type: 'pkcs8' }).toString();
const p256 = () => pem(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey);

/** JWT_PRIVATE_KEY exactly as .env.example holds it (docker compose turns its \n into line breaks). */
const exampleKey = () => {
  const line = readFileSync(join(__dirname, '../../../../.env.example'), 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('JWT_PRIVATE_KEY='));
  return JSON.parse(line?.slice('JWT_PRIVATE_KEY='.length) ?? '""') as string;
};

const valid = {
  DATABASE_URL: 'postgres://auth:pw@localhost:5432/auth',
  JWT_ISSUER: 'http://localhost/auth',
  SERVICE_CLIENTS: 'like:a-secret',
};

function problemsOf(env: Record<string, string>): Record<string, string> {
  const original = { ...process.env };
  Object.assign(process.env, { NODE_ENV: 'development', JWT_PRIVATE_KEY: p256(), ...valid }, env);
  try {
    authConfig();
    return {};
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return Object.fromEntries(error.problems.map(({ variable, problem }) => [variable, problem]));
  } finally {
    process.env = original;
  }
}

describe('authConfig at boot', () => {
  it('reads a P-256 key into a key object', () => {
    expect(problemsOf({})).toEqual({});
  });

  it.each([
    ['the placeholder .env.example holds', exampleKey(), /placeholder/],
    ['text that is no key', 'not a key', /not a PEM private key/],
    ['a key with \\n for its line breaks', p256().replaceAll('\n', '\\n'), /\\n where line breaks belong/],
    ['an RSA key', pem(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey), /EC P-256/],
    ['a P-384 key', pem(generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey), /EC P-256/],
  ])('names JWT_PRIVATE_KEY when it is %s, even outside production', (_case, key, problem) => {
    expect(problemsOf({ JWT_PRIVATE_KEY: key })).toEqual({ JWT_PRIVATE_KEY: expect.stringMatching(problem) });
  });

  it('refuses a placeholder client secret in production', () => {
    expect(problemsOf({ NODE_ENV: 'production', SERVICE_CLIENTS: 'like:change-me' })).toEqual({
      SERVICE_CLIENTS: expect.stringMatching(/placeholder secret for like/),
    });
  });

  it('names every bad variable at once', () => {
    expect(
      Object.keys(problemsOf({ JWT_PRIVATE_KEY: 'x', DATABASE_URL: 'mysql://db/auth', GRPC_PORT: '70000' })).sort(),
    ).toEqual(['DATABASE_URL', 'GRPC_PORT', 'JWT_PRIVATE_KEY']);
  });
});

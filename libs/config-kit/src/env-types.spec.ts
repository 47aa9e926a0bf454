import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { z } from 'zod';
import {
  awsRegion,
  flag,
  hostAndPort,
  httpUrl,
  isPlaceholderInProduction,
  logLevel,
  nodeEnv,
  port,
  positiveInt,
  privateKeyPem,
  secret,
} from './env-types';

/** The parsed value, or the first problem's message as parseEnv would report it. */
function parse(schema: z.ZodType, value: string | undefined): unknown {
  const result = schema.safeParse(value);
  return result.success ? result.data : { problem: result.error.issues[0]?.message };
}
const refused = (problem?: string): unknown => ({ problem: problem ?? expect.any(String) });

const originalNodeEnv = process.env.NODE_ENV;
const inEnvironment = (nodeEnvironment: string) => {
  process.env.NODE_ENV = nodeEnvironment;
};
afterEach(() => {
  process.env.NODE_ENV = originalNodeEnv;
});

describe('port', () => {
  it.each([
    [undefined, 3000],
    ['1', 1],
    ['8080', 8080],
    ['65535', 65535],
  ])('reads %s as %s', (value, expected) => {
    expect(parse(port(3000), value)).toBe(expected);
  });

  it.each(['0', '65536', '80.5', 'http', '-1'])('refuses %s', (value) => {
    expect(parse(port(3000), value)).toEqual(refused());
  });
});

describe('positiveInt', () => {
  it.each([
    [undefined, 900],
    ['1', 1],
    ['1209600', 1_209_600],
  ])('reads %s as %s', (value, expected) => {
    expect(parse(positiveInt(900), value)).toBe(expected);
  });

  it.each(['0', '-5', '2.5', 'many'])('refuses %s', (value) => {
    expect(parse(positiveInt(900), value)).toEqual(refused());
  });
});

describe('flag', () => {
  it.each([
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
  ])('reads %s as %s', (value, expected) => {
    expect(parse(flag(false), value)).toBe(expected);
    expect(parse(flag(true), value)).toBe(expected);
  });

  it('falls back to its default when unset', () => {
    expect(parse(flag(true), undefined)).toBe(true);
    expect(parse(flag(false), undefined)).toBe(false);
  });

  it.each(['yes', 'TRUE', ''])('refuses %j', (value) => {
    expect(parse(flag(false), value)).toEqual(refused());
  });
});

describe('httpUrl', () => {
  it.each(['http://auth:3001', 'https://auth.example.com/.well-known/jwks.json', 'HTTPS://auth/x'])(
    'takes %s',
    (value) => {
      expect(parse(httpUrl, value)).toBe(value);
    },
  );

  it.each([
    'ftp://auth/jwks.json',
    'file:///etc/passwd',
    'ws://auth/x',
    'httpx://auth',
    'xhttp://auth',
    'auth/.well-known/jwks.json',
  ])('refuses %s as not http(s)', (value) => {
    expect(parse(httpUrl, value)).toEqual(refused('must be an http:// or https:// URL'));
  });

  it('says a missing URL is required', () => {
    expect(parse(httpUrl, undefined)).toEqual(refused('is required'));
  });
});

describe('hostAndPort', () => {
  it.each([
    'auth:50051',
    'a:1',
    'auth:65535',
    '10.0.0.2:50051',
    '[::1]:50051',
    '[2001:db8::1]:443',
    `${'a'.repeat(63)}.svc:50051`,
    'auth-v2.mysfits.svc.cluster.local:50051',
  ])('takes %s', (value) => {
    expect(parse(hostAndPort, value)).toBe(value);
  });

  it.each([
    'auth',
    'auth:',
    ':50051',
    'auth:0',
    'auth:65536',
    'auth:123456',
    'auth:50051 ',
    ' auth:50051',
    'http://auth:50051',
    '[10.0.0.2]:50051',
    '[nonsense]:50051',
    '::1:50051',
    '-auth:50051',
    'auth-:50051',
    'au_th:50051',
    `${'a'.repeat(64)}:50051`,
    `${'a.'.repeat(127)}ab:50051`,
  ])('refuses %s', (value) => {
    expect(parse(hostAndPort, value)).toEqual(refused('must be host:port, e.g. auth:50051'));
  });

  it('says a missing address is required', () => {
    expect(parse(hostAndPort, undefined)).toEqual(refused('is required'));
  });
});

describe('awsRegion', () => {
  it('defaults to us-east-1 and refuses an empty one', () => {
    expect(parse(awsRegion, undefined)).toBe('us-east-1');
    expect(parse(awsRegion, 'eu-west-1')).toBe('eu-west-1');
    expect(parse(awsRegion, '')).toEqual(refused());
  });
});

describe('nodeEnv and logLevel', () => {
  it.each(['development', 'production', 'test'])('nodeEnv takes %s', (value) => {
    expect(parse(nodeEnv, value)).toBe(value);
  });

  it.each(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])('logLevel takes %s', (value) => {
    expect(parse(logLevel, value)).toBe(value);
  });

  it('default to development and info, and refuse other values', () => {
    expect(parse(nodeEnv, undefined)).toBe('development');
    expect(parse(nodeEnv, 'production')).toBe('production');
    expect(parse(nodeEnv, 'staging')).toEqual(refused());
    expect(parse(logLevel, undefined)).toBe('info');
    expect(parse(logLevel, 'debug')).toBe('debug');
    expect(parse(logLevel, 'verbose')).toEqual(refused());
  });
});

describe('placeholder secrets in production', () => {
  it.each([
    'changeme',
    'change-me',
    'CHANGEME',
    'replaceme',
    'replace-me',
    'todo',
    'secret',
    'password',
    'example',
    '<your-secret>',
    'x',
    'xxxxxxxx',
    '  changeme  ',
  ])('refuses %j', (value) => {
    inEnvironment('production');
    expect(isPlaceholderInProduction(value)).toBe(true);
    expect(parse(secret, value)).toEqual(refused('is a placeholder; set a real secret'));
  });

  it.each([
    'xylophone-key-5b1c',
    'k3y-ending-in-x',
    'secret-rotated-2026-q3',
    'my-secret',
    'password1',
    'todo-list-signing-key',
    'an-example-of-a-real-key',
    'changemenot',
    'a<b>c',
    'x1',
  ])('accepts the real secret %j', (value) => {
    inEnvironment('production');
    expect(isPlaceholderInProduction(value)).toBe(false);
    expect(parse(secret, value)).toBe(value);
  });

  it('accepts placeholders outside production', () => {
    inEnvironment('development');
    expect(isPlaceholderInProduction('changeme')).toBe(false);
    expect(parse(secret, 'changeme')).toBe('changeme');
  });
});

describe('secret', () => {
  it.each([undefined, ''])('refuses %j as required, in every environment', (value) => {
    inEnvironment('development');
    expect(parse(secret, value)).toEqual(refused('is required'));
  });
});

describe('privateKeyPem', () => {
  const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ format: 'pem', type: 'pkcs8' })
    .toString();

  it('reads a PEM private key into a key object', () => {
    const key = parse(privateKeyPem, pem);
    expect(key).toBeInstanceOf(KeyObject);
    expect((key as KeyObject).asymmetricKeyType).toBe('ec');
  });

  it.each([
    [
      'a <…> placeholder inside the PEM',
      '-----BEGIN PRIVATE KEY-----\n<paste the key here>\n-----END PRIVATE KEY-----',
      'holds a placeholder (<…>): paste the whole key in its place',
    ],
    ['text that is no key', 'not a key', 'is not a PEM private key'],
    [
      'a key with \\n for its line breaks',
      pem.replaceAll('\n', '\\n'),
      'is not a PEM private key (it holds the two characters \\n where line breaks belong)',
    ],
    ['nothing', '', 'is required'],
  ])('refuses %s', (_case, value, problem) => {
    inEnvironment('development');
    expect(parse(privateKeyPem, value)).toEqual(refused(problem));
  });
});

import fc from 'fast-check';

/**
 * Generated hostile requests for the gateway: the routes of the API and the paths that must stay out of
 * reach (fulfill-like, /metrics, /health/*), written in every way a path can be written (escapes of any
 * character, in either case, malformed ones, encoded separators, dot segments, a fragment); random
 * methods; odd headers, Expect included; JSON that is random, deeply nested, full of control characters
 * and emoji; bodies just under and over the size limit, and far over it, sent whole or chunked.
 */
export interface HostileRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Sent without a Content-Length (Transfer-Encoding: chunked). */
  chunked: boolean;
}

export interface Known {
  mysfitIds: string[];
  /** A valid access token of a user of the system, and a refresh token to misuse as one. */
  accessToken: string;
  refreshToken: string;
}

const BODY_LIMIT = 16 * 1024;

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'PROPFIND', 'PURGE'];

const ROUTES = [
  '/mysfits/{id}/fulfill-like',
  '/metrics',
  '/health/live',
  '/health/ready',
  '/mysfits/{id}/like',
  '/mysfits/{id}/adopt',
  '/mysfits/{id}/comments',
  '/mysfits/{id}',
  '/mysfits',
  '/me/adoptions',
  '/auth/register',
  '/auth/login',
  '/auth/refresh',
  '/auth/logout',
  '/auth/session/login',
  '/auth/session/refresh',
  '/auth/session/logout',
  '/auth/me',
  '/auth/.well-known/jwks.json',
  '/openapi.json',
  '/',
  '/app.js',
];

const SEGMENTS = ['mysfits', 'fulfill-like', 'like', 'metrics', 'health', 'ready', 'auth', '.', '..', '', '%', '%zz'];

/** Percent-encodes some characters of a path (as UTF-8, in either hex case), leaving the / separators. */
function escapeSome(path: string, choose: boolean[], upper: boolean): string {
  return Array.from(path)
    .map((char, index) => {
      const mustEscape = (char.codePointAt(0) ?? 0) > 0x7e || char === ' ';
      if (char === '/' || !(mustEscape || choose[index % choose.length])) return char;
      const hex = Array.from(Buffer.from(char, 'utf8'))
        .map((byte) => `%${byte.toString(16).padStart(2, '0')}`)
        .join('');
      return upper ? hex.toUpperCase() : hex;
    })
    .join('');
}

/** Changes that make a path hostile. */
const MUTATIONS: readonly ((path: string) => string)[] = [
  (path) => `${path}/`,
  (path) => path.replace('/', '//'),
  (path) => path.replace(/\/([^/]*)$/, '/../$1'),
  (path) => path.replace(/\/([^/]*)$/, '/./$1'),
  (path) => path.replace(/\/([^/]*)$/, '/%2e%2e/$1'),
  (path) => path.replace(/\/([^/]*)$/, '/.%2E/$1'),
  (path) => path.replace(/\/([^/]*)$/, '%2F$1'),
  (path) => path.replace(/\/([^/]*)$/, '%5c$1'),
  (path) => path.replace(/\/([^/]*)$/, '\\$1'),
  (path) => `${path}%`,
  (path) => `${path}%C3`,
  (path) => `${path}%G1`,
  (path) => `${path}#fragment`,
  (path) => `${path};jsessionid=1`,
  (path) => path.toUpperCase(),
];

const hostileText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)), maxLength: 20 }),
  fc.integer({ min: 1, max: 120 }).map((count) => '\u2764\ufe0f'.repeat(count)),
  fc.constantFrom('\ud83d', 'a\u0000b', '\u202egnp.exe', '👍🏽'.repeat(30), 'x'.repeat(201)),
);

const path = (known: Known) =>
  fc
    .tuple(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...ROUTES) },
        {
          weight: 1,
          arbitrary: fc
            .array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 4 })
            .map((s) => `/${s.join('/')}`),
        },
      ),
      fc.oneof(fc.constantFrom(...known.mysfitIds), fc.uuid(), fc.constantFrom('x', '../metrics', '%2e%2e')),
      // A third of the characters, at most, escaped.
      fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }).map((choose) => choose.map((c, i) => c && i % 3 === 0)),
      fc.boolean(),
      fc.oneof(
        { weight: 3, arbitrary: fc.constant((unchanged: string) => unchanged) },
        { weight: 2, arbitrary: fc.constantFrom(...MUTATIONS) },
      ),
      fc.option(
        fc.oneof(
          { weight: 3, arbitrary: fc.webQueryParameters() },
          {
            weight: 2,
            arbitrary: fc.constantFrom('filter=GoodEvil&value=Evil', 'filter=LawChaos&value=%4Cawful', 'a=%00'),
          },
          { weight: 1, arbitrary: fc.constantFrom('filter=%', 'value=%E0%A4%A') },
        ),
      ),
    )
    .map(([template, id, choose, upper, mutate, query]) => {
      const raw = mutate(escapeSome(template.replace('{id}', id), choose, upper));
      return query === null ? raw : `${raw}?${query}`;
    });

const body: fc.Arbitrary<{ body?: Buffer; contentType?: string }> = fc.oneof(
  fc.constant({}),
  fc
    .jsonValue()
    .map((value) => ({ body: Buffer.from(JSON.stringify(value) ?? 'null'), contentType: 'application/json' })),
  fc.record({ email: fc.emailAddress(), password: hostileText, displayName: hostileText }).map((value) => ({
    body: Buffer.from(JSON.stringify(value)),
    contentType: 'application/json',
  })),
  fc
    .record({ content: hostileText, stars: fc.oneof(fc.double(), fc.integer({ min: -1, max: 6 }), fc.string()) })
    .map((value) => ({
      body: Buffer.from(JSON.stringify(value)),
      contentType: 'application/json',
    })),
  fc.integer({ min: 1, max: 8_000 }).map((depth) => ({
    body: Buffer.from(`{"content":"deep","stars":1,"x":${'['.repeat(depth)}${']'.repeat(depth)}}`),
    contentType: 'application/json',
  })),
  fc.integer({ min: BODY_LIMIT - 64, max: BODY_LIMIT + 64 }).map((size) => ({
    body: Buffer.from(`{"content":"${'c'.repeat(Math.max(0, size - 25))}","stars":1}`),
    contentType: 'application/json',
  })),
  fc
    .integer({ min: 20_000, max: 1_100_000 })
    .map((size) => ({ body: Buffer.alloc(size, 'z'), contentType: 'application/json' })),
  fc.string({ maxLength: 200 }).map((text) => ({ body: Buffer.from(text), contentType: 'text/plain' })),
);

const headers = (known: Known) =>
  fc.record(
    {
      authorization: fc.oneof(
        fc.constant(`Bearer ${known.accessToken}`),
        fc.constant(`Bearer ${known.refreshToken}`),
        fc.string({ unit: 'grapheme-ascii', maxLength: 40 }).map((token) => `Bearer ${token}`),
        fc.constantFrom('Basic Zm9vOmJhcg==', 'Bearer', 'bearer  x.y.z'),
      ),
      expect: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom('100-continue', '100-Continue') },
        { weight: 1, arbitrary: fc.constant('nothing') },
      ),
      'x-request-id': fc.oneof(fc.uuid(), fc.constantFrom('../../etc', 'a'.repeat(200), 'id with space')),
      'x-forwarded-for': fc.constantFrom('127.0.0.1, 10.0.0.1', 'not-an-ip', '::1'),
      'accept-encoding': fc.constantFrom('gzip, br', 'identity', '*'),
      'x-padding': fc
        .oneof(
          { weight: 5, arbitrary: fc.integer({ min: 1, max: 4_000 }) },
          { weight: 1, arbitrary: fc.integer({ min: 15_000, max: 24_000 }) },
        )
        .map((size) => 'p'.repeat(size)),
      cookie: fc.oneof(
        fc.constantFrom('a=b', 'session=%zz; x', 'mysfits_session=', 'mysfits_session=%zz; mysfits_session=x'),
        fc.string({ unit: 'grapheme-ascii', maxLength: 60 }).map((token) => `mysfits_session=${token}`),
      ),
      // The session routes' CSRF checks, passed or failed.
      'x-requested-with': fc.constantFrom('fetch', 'XMLHttpRequest', 'fetch, fetch'),
      'sec-fetch-site': fc.constantFrom('same-origin', 'same-site', 'cross-site', 'none'),
    },
    { requiredKeys: [] },
  );

export const hostileRequests = (known: Known): fc.Arbitrary<HostileRequest> =>
  fc
    .record({
      method: fc.constantFrom(...METHODS),
      path: path(known),
      headers: headers(known),
      body,
      chunked: fc.boolean(),
    })
    .map(({ method, path: target, headers: generated, body: { body: content, contentType }, chunked }) => ({
      method,
      path: target,
      headers: { ...generated, ...(contentType ? { 'content-type': contentType } : {}) },
      body: content,
      chunked: chunked && content !== undefined,
    }));

/**
 * What the logs never hold, whichever log call tries: secrets (passwords and their hashes, tokens, client
 * secrets), the Authorization and Cookie headers, and what a database error carries of the row it failed
 * on (TypeORM's `parameters`, PostgreSQL's `detail`, which can quote an email). pino removes them from
 * each line as it is written.
 */
export const REDACTED_PATHS = [
  ...['password', 'passwordHash', 'password_hash', 'accessToken', 'refreshToken', 'token', 'clientSecret'].flatMap(
    (field) => [field, `*.${field}`],
  ),
  ...['authorization', 'cookie'].flatMap((header) => [
    `req.headers.${header}`,
    `headers.${header}`,
    `*.headers.${header}`,
  ]),
  'res.headers["set-cookie"]',
  'err.parameters',
  'err.detail',
  'err.driverError.parameters',
  'err.driverError.detail',
  'err.cause.parameters',
  'err.cause.detail',
];

export const CENSOR = '[redacted]';

/** Query parameters whose value is never logged: credentials, and anything that holds an email. */
const SENSITIVE_QUERY_KEY = /pass|token|secret|session|auth|key|email/i;

/** A request URL fit for a log line: the values of sensitive query parameters, and emails, replaced. */
export function redactedUrl(url: string): string {
  const queryAt = url.indexOf('?');
  if (queryAt < 0) return url;
  const parameters = url
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => {
      const [key] = pair.split('=', 1);
      const value = pair.slice(key.length + 1);
      return SENSITIVE_QUERY_KEY.test(key) || /@|%40/i.test(value) ? `${key}=${CENSOR}` : pair;
    });
  return `${url.slice(0, queryAt)}?${parameters.join('&')}`;
}

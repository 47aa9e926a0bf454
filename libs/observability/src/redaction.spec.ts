import { Writable } from 'node:stream';
import pino from 'pino';
import { CENSOR, REDACTED_PATHS, redactedUrl } from './redaction';

function logged(write: (logger: pino.Logger) => void): string {
  let output = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      output += chunk.toString();
      done();
    },
  });
  write(pino({ redact: { paths: REDACTED_PATHS, censor: CENSOR } }, sink));
  return output;
}

describe('what the logs never hold', () => {
  const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';

  it('drops the row a database error failed on: its parameters and the detail PostgreSQL quotes', () => {
    const failed = Object.assign(new Error('duplicate key value violates unique constraint "users_email_lower_key"'), {
      query: 'INSERT INTO "users"("id", "email", "password_hash", "display_name") VALUES ($1, $2, $3, $4)',
      parameters: ['8d08', 'ada@example.com', hash, 'Ada Lovelace'],
      driverError: { code: '23505', detail: 'Key (lower(email::text))=(ada@example.com) already exists.' },
      detail: 'Key (lower(email::text))=(ada@example.com) already exists.',
    });
    const line = logged((logger) => logger.error({ err: failed }, 'Request failed'));
    expect(line).toContain('users_email_lower_key');
    for (const secret of ['ada@example.com', hash, 'Ada Lovelace']) expect(line).not.toContain(secret);
  });

  it('drops secrets and the Authorization and Cookie headers wherever a log call puts them', () => {
    const line = logged((logger) =>
      logger.info(
        {
          req: { headers: { authorization: 'Bearer eyJsecret', cookie: 'session=s3cret' } },
          body: { password: 'hunter22', refreshToken: 'r3fresh' },
          accessToken: 'eyJaccess',
        },
        'something happened',
      ),
    );
    for (const secret of ['eyJsecret', 's3cret', 'hunter22', 'r3fresh', 'eyJaccess'])
      expect(line).not.toContain(secret);
    expect(line).toContain(CENSOR);
  });
});

describe('redactedUrl', () => {
  it.each([
    ['/mysfits?filter=GoodEvil&value=Evil', '/mysfits?filter=GoodEvil&value=Evil'],
    ['/search?email=ada@example.com&page=2', `/search?email=${CENSOR}&page=2`],
    ['/search?q=ada%40example.com', `/search?q=${CENSOR}`],
    ['/callback?access_token=abc&state=1', `/callback?access_token=${CENSOR}&state=1`],
    ['/x?password=hunter2', `/x?password=${CENSOR}`],
    ['/mysfits', '/mysfits'],
  ])('logs %s as %s', (url, expected) => {
    expect(redactedUrl(url)).toBe(expected);
  });
});

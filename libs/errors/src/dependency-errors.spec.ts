import { isUniqueViolation, isUnreachableDependency } from './dependency-errors';

const withFields = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);

describe('isUnreachableDependency', () => {
  it.each([
    ['a refused connection', withFields('connect ECONNREFUSED 10.0.0.2:5432', { code: 'ECONNREFUSED' })],
    ['a name that does not resolve', withFields('getaddrinfo ENOTFOUND auth-db', { code: 'ENOTFOUND' })],
    ['node-postgres losing its connection', new Error('Connection terminated unexpectedly')],
    ['the pool giving up', new Error('timeout exceeded when trying to connect')],
    ['PostgreSQL shutting down (57P01)', withFields('terminating connection', { code: '57P01' })],
    ['a connection exception (08006)', withFields('connection failure', { code: '08006' })],
    ['a TypeORM error around one', withFields('query failed', { driverError: withFields('x', { code: '57P03' }) })],
    [
      'a timeout of the AWS SDK',
      withFields('socket did not establish a connection', { name: 'TimeoutError', $metadata: { attempts: 3 } }),
    ],
    ['DynamoDB throttling', withFields('slow down', { name: 'ThrottlingException', $metadata: {} })],
    [
      'an IAM permission the role lacks',
      withFields(
        'User: arn:aws:sts::210987654321:assumed-role/mysfits-dev-monolith/x is not authorized to perform: dynamodb:BatchGetItem',
        {
          name: 'AccessDeniedException',
          $metadata: { httpStatusCode: 400 },
        },
      ),
    ],
    ['an expired web identity token', withFields('expired', { name: 'ExpiredTokenException', $metadata: {} })],
    [
      'no AWS credentials at all',
      withFields('Could not load credentials from any providers', { name: 'CredentialsProviderError' }),
    ],
    [
      'RDS refusing an IAM sign-in (28000)',
      withFields('PAM authentication failed for user "auth_service"', { code: '28000' }),
    ],
    ['one wrapped as the cause', new Error('outer', { cause: withFields('inner', { code: 'ECONNRESET' }) })],
  ])('is true for %s', (_case, error) => {
    expect(isUnreachableDependency(error)).toBe(true);
  });

  it.each([
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a unique violation', withFields('duplicate key', { code: '23505' })],
    ['a rejected DynamoDB condition', withFields('failed', { name: 'ConditionalCheckFailedException', $metadata: {} })],
    ['a TimeoutError not from the AWS SDK', withFields('slow', { name: 'TimeoutError' })],
    ['an AccessDenied not from the AWS SDK', withFields('no', { name: 'AccessDeniedException' })],
    ['not an error at all', 'ECONNREFUSED'],
  ])('is false for %s', (_case, error) => {
    expect(isUnreachableDependency(error)).toBe(false);
  });
});

describe('isUniqueViolation', () => {
  it.each([
    ['the driver error', withFields('duplicate key', { code: '23505' })],
    ['a TypeORM error around it', withFields('query failed', { driverError: withFields('x', { code: '23505' }) })],
  ])('is true for %s', (_case, error) => {
    expect(isUniqueViolation(error)).toBe(true);
  });

  it.each([
    ['another SQLSTATE', withFields('not null', { code: '23502' })],
    [
      'a TypeORM error around another one',
      withFields('query failed', { driverError: withFields('x', { code: '08006' }) }),
    ],
    ['no error', null],
  ])('is false for %s', (_case, error) => {
    expect(isUniqueViolation(error)).toBe(false);
  });
});

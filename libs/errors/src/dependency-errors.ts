/**
 * What the errors of the drivers this repository uses (node-postgres through TypeORM, the AWS SDK, Node's
 * sockets) mean, in one place: the HTTP edge turns an unreachable dependency into a 503, and the
 * repositories turn a unique violation into their own domain error.
 */

/** Socket errors: the peer refused, reset or never answered, or its name did not resolve. */
const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * PostgreSQL SQLSTATEs: connection exceptions (class 08), a refused sign-in (class 28: say, an RDS IAM token
 * whose role lacks rds-db:connect), too many connections, shutting down.
 */
const POSTGRES_UNAVAILABLE = /^(08...|28...|53300|57P0[123])$/;

/** What node-postgres and its pool say when a connection cannot be made or is lost (they set no code). */
const PG_CONNECTION_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect)/;

/**
 * AWS SDK errors that mean the service could not be reached, is shedding load, or refuses this service's
 * credentials: a missing IAM permission or an unusable token is for an operator to fix, and the client can
 * only try again later. The error itself is logged, naming the action and the role.
 */
const AWS_UNAVAILABLE = new Set([
  'TimeoutError',
  'ServiceUnavailable',
  'InternalServerError',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'AccessDeniedException',
  'AccessDenied',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'ExpiredTokenException',
]);

/** The AWS SDK found no usable credentials at all (no IRSA token, no keys): raised before any request. */
const AWS_NO_CREDENTIALS = 'CredentialsProviderError';

interface ErrorFields {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  $metadata?: unknown;
  cause?: unknown;
  driverError?: unknown;
}

/**
 * Whether an error, or one it wraps, means a database or service the request needs is unreachable or
 * refuses this service: that is a 503 the client may retry, not a bug in this service.
 */
export function isUnreachableDependency(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { code, name, message, $metadata, cause, driverError } = error as ErrorFields;
  if (typeof code === 'string' && (NETWORK_ERROR_CODES.has(code) || POSTGRES_UNAVAILABLE.test(code))) return true;
  if (typeof message === 'string' && PG_CONNECTION_MESSAGES.test(message)) return true;
  if ($metadata && typeof name === 'string' && AWS_UNAVAILABLE.has(name)) return true;
  if (name === AWS_NO_CREDENTIALS) return true;
  return isUnreachableDependency(driverError, depth + 1) || isUnreachableDependency(cause, depth + 1);
}

/** PostgreSQL SQLSTATE for a unique constraint violation. */
const UNIQUE_VIOLATION = '23505';

/** Whether a write was refused because another row holds the same unique key (TypeORM wraps the driver's error). */
export function isUniqueViolation(error: unknown): boolean {
  const { code, driverError } = (error ?? {}) as ErrorFields;
  const driverCode = (driverError as ErrorFields | undefined)?.code;
  return (driverCode ?? code) === UNIQUE_VIOLATION;
}

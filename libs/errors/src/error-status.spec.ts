import { status as GrpcStatus } from '@grpc/grpc-js';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
  UpstreamUnavailableError,
} from './domain-error';
import { grpcStatusOf, httpStatusOf } from './error-status';

class UnlistedError extends DomainError {}

describe('the status of each kind of domain error', () => {
  it.each([
    ['invalid input', new InvalidInputError('X', 'x'), 400, GrpcStatus.INVALID_ARGUMENT],
    ['unauthenticated', new UnauthenticatedError('X', 'x'), 401, GrpcStatus.UNAUTHENTICATED],
    ['forbidden', new ForbiddenError('X', 'x'), 403, GrpcStatus.PERMISSION_DENIED],
    ['not found', new NotFoundError('X', 'x'), 404, GrpcStatus.NOT_FOUND],
    ['a conflict', new ConflictError('X', 'x'), 409, GrpcStatus.ALREADY_EXISTS],
    ['rate limited', new RateLimitedError('X', 'x', 1), 429, GrpcStatus.RESOURCE_EXHAUSTED],
    ['an unavailable upstream', new UpstreamUnavailableError(), 503, GrpcStatus.UNAVAILABLE],
    ['a kind the table does not list', new UnlistedError('X', 'x'), 500, GrpcStatus.INTERNAL],
  ])('%s is HTTP %i and gRPC %i', (_case, error, http, grpc) => {
    expect(httpStatusOf(error)).toBe(http);
    expect(grpcStatusOf(error)).toBe(grpc);
  });

  it('follows a subclass to its kind', () => {
    class EmailTaken extends ConflictError {}
    expect(httpStatusOf(new EmailTaken('EMAIL_TAKEN', 'taken'))).toBe(409);
  });
});

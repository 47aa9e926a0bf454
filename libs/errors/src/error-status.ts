import { status as GrpcStatus } from '@grpc/grpc-js';
import { HttpStatus } from '@nestjs/common';
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

type ErrorKind = abstract new (...args: never[]) => DomainError;

/**
 * The status each kind of domain error gets at each edge, side by side: the HTTP exception filter reads
 * the middle column, the gRPC exception filter the last one. A kind not listed is a bug: 500 / INTERNAL.
 */
const STATUS_BY_KIND: readonly (readonly [ErrorKind, HttpStatus, GrpcStatus])[] = [
  [InvalidInputError, HttpStatus.BAD_REQUEST, GrpcStatus.INVALID_ARGUMENT],
  [UnauthenticatedError, HttpStatus.UNAUTHORIZED, GrpcStatus.UNAUTHENTICATED],
  [ForbiddenError, HttpStatus.FORBIDDEN, GrpcStatus.PERMISSION_DENIED],
  [NotFoundError, HttpStatus.NOT_FOUND, GrpcStatus.NOT_FOUND],
  [ConflictError, HttpStatus.CONFLICT, GrpcStatus.ALREADY_EXISTS],
  [RateLimitedError, HttpStatus.TOO_MANY_REQUESTS, GrpcStatus.RESOURCE_EXHAUSTED],
  [UpstreamUnavailableError, HttpStatus.SERVICE_UNAVAILABLE, GrpcStatus.UNAVAILABLE],
];

function rowOf(error: DomainError) {
  return STATUS_BY_KIND.find(([kind]) => error instanceof kind);
}

export function httpStatusOf(error: DomainError): HttpStatus {
  return rowOf(error)?.[1] ?? HttpStatus.INTERNAL_SERVER_ERROR;
}

export function grpcStatusOf(error: DomainError): GrpcStatus {
  return rowOf(error)?.[2] ?? GrpcStatus.INTERNAL;
}

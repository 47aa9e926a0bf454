/**
 * Errors raised by domain and application code. They name what went wrong with a stable,
 * UPPER_SNAKE `code` a client can switch on; the edge (HTTP filter, gRPC handler) decides the status.
 */
export abstract class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The request is well-formed but breaks a rule (a bad id format, an unsupported filter). */
export class InvalidInputError extends DomainError {}

/** The caller could not be identified: no token, a bad token, wrong credentials. */
export class UnauthenticatedError extends DomainError {}

/** The caller is known but may not do this. */
export class ForbiddenError extends DomainError {}

export class NotFoundError extends DomainError {}

/** The request conflicts with the current state (already adopted, email taken). */
export class ConflictError extends DomainError {}

export class RateLimitedError extends DomainError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, message);
  }
}

/** A dependency did not answer in time or answered with a failure. */
export class UpstreamUnavailableError extends DomainError {
  constructor(message = 'A service this request depends on is unavailable; try again shortly') {
    super('UPSTREAM_UNAVAILABLE', message);
  }
}

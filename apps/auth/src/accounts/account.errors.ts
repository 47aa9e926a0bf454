import { ConflictError, RateLimitedError, UnauthenticatedError } from '@app/errors';

export class EmailTakenError extends ConflictError {
  constructor() {
    super('EMAIL_TAKEN', 'An account with this email already exists');
  }
}

/** The same error for an unknown email and a wrong password, so neither can be told apart. */
export class InvalidCredentialsError extends UnauthenticatedError {
  constructor() {
    super('INVALID_CREDENTIALS', 'The email or password is wrong');
  }
}

export class TooManyLoginFailuresError extends RateLimitedError {
  constructor(retryAfterSeconds: number) {
    super('TOO_MANY_LOGIN_ATTEMPTS', 'Too many failed logins; try again later', retryAfterSeconds);
  }
}

export class RefreshTokenInvalidError extends UnauthenticatedError {
  constructor() {
    super('REFRESH_TOKEN_INVALID', 'The refresh token is not valid');
  }
}

/** A refresh token was presented twice: the whole session is revoked, as it may have been stolen. */
export class RefreshTokenReusedError extends UnauthenticatedError {
  constructor() {
    super('REFRESH_TOKEN_REUSED', 'The refresh token was already used; sign in again');
  }
}

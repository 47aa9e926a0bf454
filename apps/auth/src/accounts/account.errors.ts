import { RateLimitedError, UnauthenticatedError } from '@app/errors';

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

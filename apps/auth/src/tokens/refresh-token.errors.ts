import { UnauthenticatedError } from '@app/errors';

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

import { UnauthenticatedError } from '@app/errors';

export class InvalidClientError extends UnauthenticatedError {
  constructor() {
    super('INVALID_CLIENT', 'Unknown service client or wrong secret');
  }
}

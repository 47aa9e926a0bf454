import { InvalidInputError, NotFoundError } from '@app/errors';

export class MysfitNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('MYSFIT_NOT_FOUND', `No mysfit has the id ${id}`);
  }
}

export class UnsupportedFilterError extends InvalidInputError {
  constructor(message: string) {
    super('UNSUPPORTED_FILTER', message);
  }
}

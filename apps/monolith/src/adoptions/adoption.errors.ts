import { ConflictError } from '@app/errors';

export class AlreadyAdoptedError extends ConflictError {
  constructor() {
    super('ALREADY_ADOPTED', 'This mysfit has already been adopted');
  }
}

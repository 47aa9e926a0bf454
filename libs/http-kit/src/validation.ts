import { ValidationError, ValidationPipe } from '@nestjs/common';
import { InvalidInputError } from '@app/errors';

/**
 * The validation every route runs, in production and in tests alike: unknown fields are refused,
 * values are converted to the DTO's types, and failures become one VALIDATION_FAILED error listing
 * each field's problems.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) =>
      new InvalidInputError('VALIDATION_FAILED', 'The request is not valid', { fields: flatten(errors) }),
  });
}

function flatten(errors: ValidationError[], parent = ''): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) fields[path] = Object.values(error.constraints);
    Object.assign(fields, flatten(error.children ?? [], path));
  }
  return fields;
}

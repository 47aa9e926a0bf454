import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { InvalidInputError } from '@app/errors';

/** Deeper than this, a body is refused before class-transformer walks it (recursively: deep JSON overflows its stack). */
export const MAX_NESTING_DEPTH = 32;

/**
 * The validation every route runs, in production and in tests alike: unknown fields are refused,
 * values are converted to the DTO's types, and failures become one VALIDATION_FAILED error listing
 * each field's problems.
 */
export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => invalid(flatten(errors)),
  });
}

class ApiValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (nestedDeeperThan(value, MAX_NESTING_DEPTH)) {
      throw invalid({ [metadata.type]: [`must not be nested deeper than ${MAX_NESTING_DEPTH} levels`] });
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

function invalid(fields: Record<string, string[]>): InvalidInputError {
  return new InvalidInputError('VALIDATION_FAILED', 'The request is not valid', { fields });
}

/** Whether objects and arrays nest deeper than `limit`, found without recursion. */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, depth] = next;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return false;
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

import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * Text as PostgreSQL stores it. `varchar(n)` counts characters, that is code points: "❤️" is two (U+2764
 * and the variation selector U+FE0F), where class-validator's `Length` counts one, so a comment that
 * passed `Length(1, 200)` could overflow its column. These count what the column counts, and refuse what
 * PostgreSQL cannot store (NUL) or should not (other control characters, unpaired surrogates, which the
 * driver would silently replace).
 */

/** Length in code points, as `varchar(n)` and `length()` count it. */
export function codePointLength(value: string): number {
  return Array.from(value).length;
}

export function CodePointLength(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'codePointLength',
      constraints: [min, max],
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          const length = codePointLength(value);
          return length >= min && length <= max;
        },
        defaultMessage: (args) => `${args?.property ?? 'value'} must be ${min} to ${max} characters long`,
      },
    },
    options,
  );
}

/** Control characters (C0, DEL, C1: Unicode's Cc) other than tab and line breaks, or an unpaired surrogate. */
const CONTROL = /(?![\t\n\r])\p{Cc}|\p{Cs}/u;
const CONTROL_OR_LINE_BREAK = /\p{Cc}|\p{Cs}/u;

/**
 * No control characters (line breaks and tabs allowed only where `multiline`), and well-formed Unicode.
 */
export function PlainText(textOptions: { multiline?: boolean } = {}, options?: ValidationOptions): PropertyDecorator {
  const forbidden = textOptions.multiline ? CONTROL : CONTROL_OR_LINE_BREAK;
  return ValidateBy(
    {
      name: 'plainText',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && !forbidden.test(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be text without control characters${textOptions.multiline ? ' (line breaks and tabs are allowed)' : ''}`,
      },
    },
    options,
  );
}

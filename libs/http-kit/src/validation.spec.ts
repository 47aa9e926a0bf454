import { ArgumentMetadata } from '@nestjs/common';
import { IsString } from 'class-validator';
import { InvalidInputError } from '@app/errors';
import { CodePointLength, codePointLength, PlainText } from './text-validators';
import { createValidationPipe, MAX_NESTING_DEPTH, nestedDeeperThan } from './validation';

class Comment {
  @IsString()
  @CodePointLength(1, 10)
  @PlainText({ multiline: true })
  content!: string;
}

class Name {
  @IsString()
  @CodePointLength(1, 10)
  @PlainText()
  name!: string;
}

const body = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype });
const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { inner: value };
  return value;
};

async function refusal(value: unknown, metatype: ArgumentMetadata['metatype']): Promise<unknown> {
  try {
    await createValidationPipe().transform(value, body(metatype));
  } catch (error) {
    if (error instanceof InvalidInputError) return { code: error.code, details: error.details };
    throw error;
  }
  return 'accepted';
}

describe('codePointLength', () => {
  it('counts code points, as PostgreSQL counts the characters of a varchar', () => {
    expect(codePointLength('abc')).toBe(3);
    expect(codePointLength('❤️')).toBe(2);
    expect(codePointLength('😀')).toBe(1);
    expect(codePointLength('👍🏽')).toBe(2);
  });
});

describe('text fields', () => {
  it.each([
    ['ten plain characters', 'abcdefghij', Comment],
    ['five ❤️, ten code points', '❤️❤️❤️❤️❤️', Comment],
    ['line breaks and tabs in multiline text', 'a\nb\r\nc\td', Comment],
    ['emoji outside the basic plane', '😀😀', Name],
  ])('accepts %s', async (_case, text, metatype) => {
    const field = metatype === Comment ? 'content' : 'name';
    expect(await refusal({ [field]: text }, metatype)).toBe('accepted');
  });

  it.each([
    [
      'six ❤️: six characters to class-validator, twelve code points to PostgreSQL',
      { content: '❤️❤️❤️❤️❤️❤️' },
      Comment,
      'content',
    ],
    ['a NUL', { content: 'a\u0000b' }, Comment, 'content'],
    ['another control character', { content: 'a\u001bb' }, Comment, 'content'],
    ['a C1 control character', { content: 'a\u0085b' }, Comment, 'content'],
    ['an unpaired surrogate', { content: 'a\ud83d' }, Comment, 'content'],
    ['a line break in a single-line field', { name: 'a\nb' }, Name, 'name'],
  ])('refuses %s with VALIDATION_FAILED naming the field', async (_case, value, metatype, field) => {
    expect(await refusal(value, metatype)).toEqual({
      code: 'VALIDATION_FAILED',
      details: { fields: { [field]: [expect.any(String)] } },
    });
  });
});

describe('nesting depth', () => {
  it('finds the depth without recursion, however deep', () => {
    expect(nestedDeeperThan(nested(3), 3)).toBe(false);
    expect(nestedDeeperThan(nested(4), 3)).toBe(true);
    expect(nestedDeeperThan(nested(200_000), MAX_NESTING_DEPTH)).toBe(true);
    expect(nestedDeeperThan([[[[1]]]], 3)).toBe(true);
  });

  it('refuses a body nested deeper than the limit before class-transformer walks it', async () => {
    expect(await refusal({ content: 'x', extra: nested(8_000) }, Comment)).toEqual({
      code: 'VALIDATION_FAILED',
      details: { fields: { body: [`must not be nested deeper than ${MAX_NESTING_DEPTH} levels`] } },
    });
  });

  it('would otherwise overflow the stack', async () => {
    const pipe = createValidationPipe();
    const walk = Object.getPrototypeOf(Object.getPrototypeOf(pipe)) as { transform: typeof pipe.transform };
    await expect(walk.transform.call(pipe, { content: 'x', extra: nested(8_000) }, body(Comment))).rejects.toThrow(
      RangeError,
    );
  });
});

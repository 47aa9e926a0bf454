import { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested } from 'class-validator';
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

class Author {
  @IsString()
  @CodePointLength(1, 10)
  name!: string;
}

class Review {
  @IsInt()
  @Min(1)
  stars!: number;

  @ValidateNested()
  @Type(() => Author)
  author!: Author;
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
    ['one character', 'a', Comment],
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

describe('the validation pipe', () => {
  it('hands the handler an instance of the DTO', async () => {
    const value = await createValidationPipe().transform({ stars: 5, author: { name: 'Ann' } }, body(Review));
    expect(value).toBeInstanceOf(Review);
    expect((value as Review).author).toBeInstanceOf(Author);
  });

  it('says the request is not valid', async () => {
    await expect(createValidationPipe().transform({ name: '' }, body(Name))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'The request is not valid',
    });
  });

  it('refuses unknown fields, naming them', async () => {
    expect(await refusal({ name: 'Ann', admin: true }, Name)).toEqual({
      code: 'VALIDATION_FAILED',
      details: { fields: { admin: ['property admin should not exist'] } },
    });
  });

  it('lists every problem of every field, nested fields by their path', async () => {
    expect(await refusal({ stars: 0.5, author: { name: '' } }, Review)).toEqual({
      code: 'VALIDATION_FAILED',
      details: {
        fields: {
          stars: ['stars must not be less than 1', 'stars must be an integer number'],
          'author.name': ['name must be 1 to 10 characters long'],
        },
      },
    });
  });
});

describe('text validators', () => {
  it.each([
    ['an empty text', { name: '' }, ['name must be 1 to 10 characters long']],
    ['eleven characters', { name: 'abcdefghijk' }, ['name must be 1 to 10 characters long']],
    ['a tab in a single-line field', { name: 'a\tb' }, ['name must be text without control characters']],
    ['a carriage return in a single-line field', { name: 'a\rb' }, ['name must be text without control characters']],
  ])('refuse %s with a message naming the field and the rule', async (_case, value, messages) => {
    expect(await refusal(value, Name)).toEqual({ code: 'VALIDATION_FAILED', details: { fields: { name: messages } } });
  });

  it('name the characters multiline text allows', async () => {
    expect(await refusal({ content: 'a\u007fb' }, Comment)).toEqual({
      code: 'VALIDATION_FAILED',
      details: {
        fields: { content: ['content must be text without control characters (line breaks and tabs are allowed)'] },
      },
    });
  });

  it('refuse what is not text at all', async () => {
    expect(await refusal({ name: 42 }, Name)).toEqual({
      code: 'VALIDATION_FAILED',
      details: {
        fields: {
          name: [
            'name must be text without control characters',
            'name must be 1 to 10 characters long',
            'name must be a string',
          ],
        },
      },
    });
  });
});

describe('nesting depth', () => {
  it.each([
    ['a string', 'x', 0, false],
    ['null', null, 0, false],
    ['an empty object', {}, 0, true],
    ['an empty object', {}, 1, false],
    ['three nested arrays', [[[1]]], 3, false],
    ['four nested arrays', [[[[1]]]], 3, true],
    ['a deep value beside shallow ones', { a: 1, b: [2], c: nested(3) }, 3, true],
    ['nulls at every level', { a: null, b: { c: null } }, 2, false],
  ])('%s against a limit of %i: %s', (_case, value, limit, deeper) => {
    expect(nestedDeeperThan(value, limit)).toBe(deeper);
  });

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

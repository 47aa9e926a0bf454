import { resolveRequestId } from './request-id';

describe('resolveRequestId', () => {
  it('keeps a safe id from the caller', () => {
    expect(resolveRequestId('abc-123_x.y:z')).toBe('abc-123_x.y:z');
    expect(resolveRequestId(['first', 'second'])).toBe('first');
  });

  it.each([undefined, '', 'has space', 'line\nbreak', 'x'.repeat(129), '{"json":1}'])(
    'replaces %j with a new UUID',
    (header) => {
      expect(resolveRequestId(header)).toMatch(/^[0-9a-f-]{36}$/);
    },
  );
});

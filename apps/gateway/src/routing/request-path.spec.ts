import { routablePath } from './request-path';

describe('routablePath', () => {
  it.each([
    ['/mysfits', '/mysfits'],
    ['/mysfits?filter=GoodEvil&value=Evil', '/mysfits'],
    ['/%6detrics', '/metrics'],
    ['/mysfits/x/fulfill%2Dlike', '/mysfits/x/fulfill-like'],
    ['/caf%C3%A9', '/café'],
    ['/a%3Fb', '/a?b'],
    ['/double%2566', '/double%66'],
    ['/file.svg', '/file.svg'],
    ['/a/..b/.c', '/a/..b/.c'],
    ['/search?q=a+b%20c', '/search'],
  ])('routes %s as %s', (target, path) => {
    expect(routablePath(target)).toEqual({ refused: false, path });
  });

  it.each([
    ['/%', 'MALFORMED_PATH', 'malformed percent-escape'],
    ['/a%zz', 'MALFORMED_PATH', 'malformed percent-escape'],
    ['/a%C3', 'MALFORMED_PATH', 'malformed percent-escape'],
    ['/a%2Fb', 'MALFORMED_PATH', 'encoded / or \\'],
    ['/a%2fb', 'MALFORMED_PATH', 'encoded / or \\'],
    ['/a%5Cb', 'MALFORMED_PATH', 'encoded / or \\'],
    ['/a\\b', 'MALFORMED_PATH', 'backslash'],
    ['/a/../metrics', 'MALFORMED_PATH', '. or .. segment'],
    ['/a/./b', 'MALFORMED_PATH', '. or .. segment'],
    ['/..', 'MALFORMED_PATH', '. or .. segment'],
    ['/a/%2e%2e/metrics', 'MALFORMED_PATH', '. or .. segment'],
    ['/a/.%2E', 'MALFORMED_PATH', '. or .. segment'],
    ['/mysfits/x/fulfill-like#y', 'MALFORMED_PATH', '#'],
    ['http://example.com/metrics', 'MALFORMED_PATH', 'must be a path'],
    ['*', 'MALFORMED_PATH', 'must be a path'],
    ['/mysfits?filter=%', 'MALFORMED_QUERY', 'malformed percent-escape'],
    ['/mysfits?filter=%E0%A4%A', 'MALFORMED_QUERY', 'malformed percent-escape'],
  ])('refuses %s with %s', (target, code, reason) => {
    const result = routablePath(target);
    expect(result).toMatchObject({ refused: true, code });
    expect(result.refused && result.message).toContain(reason);
  });
});

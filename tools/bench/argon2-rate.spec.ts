import { argon2Parameters } from './argon2-rate';

describe('argon2Parameters', () => {
  it('reads the algorithm and its parameters from a PHC string', () => {
    expect(argon2Parameters('$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g')).toBe('argon2id m=19456,t=2,p=1');
  });

  it('refuses anything else', () => {
    expect(() => argon2Parameters('$2b$10$abcdefghijklmnopqrstuv')).toThrow('Not an argon2 hash');
  });
});

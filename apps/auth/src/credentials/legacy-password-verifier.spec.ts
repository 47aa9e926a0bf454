import { LegacyPasswordVerifier } from './legacy-password-verifier';

// Made by Django 3.2 itself (django.contrib.auth.hashers), so this checks the format, not our reading of it.
const DJANGO_HASH = 'pbkdf2_sha256$1000$a1b2c3d4e5f6$KtibLquNPFoN34p1GtAQHVqNrNdVcAI4H3JGks3Pqhw=';
const DJANGO_PASSWORD = 'pässwörd 🦄';
const DJANGO_DEFAULT_COST = 'pbkdf2_sha256$260000$Zq3kR8vT1mXw9bYc2nLp4s$uICpQ2LEty6FyXaY9u6t9t/7ipHSdVt2Cf9/6hdAjXI=';

describe('LegacyPasswordVerifier', () => {
  const verifier = new LegacyPasswordVerifier();

  it('accepts the password of a hash Django made, at any iteration count', async () => {
    await expect(verifier.verify(DJANGO_HASH, DJANGO_PASSWORD)).resolves.toBe(true);
    await expect(verifier.verify(DJANGO_DEFAULT_COST, 'legacy password 7')).resolves.toBe(true);
  });

  it('refuses any other password', async () => {
    await expect(verifier.verify(DJANGO_HASH, 'pässwörd')).resolves.toBe(false);
    await expect(verifier.verify(DJANGO_HASH, DJANGO_PASSWORD.normalize('NFD'))).resolves.toBe(false);
    await expect(verifier.verify(DJANGO_DEFAULT_COST, 'legacy password 8')).resolves.toBe(false);
  });

  it('uses the salt and iteration count written in the hash', async () => {
    await expect(verifier.verify(DJANGO_HASH.replace('$1000$', '$1001$'), DJANGO_PASSWORD)).resolves.toBe(false);
    await expect(verifier.verify(DJANGO_HASH.replace('a1b2c3', 'a1b2c4'), DJANGO_PASSWORD)).resolves.toBe(false);
  });

  it.each([
    ['another algorithm', DJANGO_HASH.replace('pbkdf2_sha256', 'pbkdf2_sha1')],
    ['no iteration count', DJANGO_HASH.replace('$1000$', '$$')],
    ['a zero iteration count', DJANGO_HASH.replace('$1000$', '$0$')],
    ['a truncated key', DJANGO_HASH.slice(0, -2)],
    ["Django's unusable password", '!Tq3kR8vT1mXw9bYc2nLp4sZq3kR8vT1mXw9bYc2'],
    ['an argon2id hash', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA'],
  ])('never matches %s', async (_case, hash) => {
    await expect(verifier.verify(hash, DJANGO_PASSWORD)).resolves.toBe(false);
  });

  it('recognizes legacy hashes by their algorithm, malformed or not', () => {
    expect(verifier.recognizes(DJANGO_HASH)).toBe(true);
    expect(verifier.recognizes('pbkdf2_sha256$broken')).toBe(true);
    expect(verifier.recognizes('$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA')).toBe(false);
  });
});

import { medianCosts } from '../../../../test/support/cpu-cost';
import { PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();
  beforeAll(() => hasher.onModuleInit());

  it('hashes with argon2id at m=19 MiB, t=2, p=1', async () => {
    const hashed = await hasher.hash('correct horse battery');
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(hasher.verify(hashed, 'correct horse battery')).resolves.toBe(true);
    await expect(hasher.verify(hashed, 'wrong horse battery')).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hasher.hash('same password')).not.toEqual(await hasher.hash('same password'));
  });

  it('never matches a hash of another kind, and does not throw on it', async () => {
    await expect(hasher.verify('!Tq3kR8vT1mXw9bYc2nLp4sZq3kR8vT1mXw9bYc2', 'anything')).resolves.toBe(false);
    await expect(hasher.verify('', '')).resolves.toBe(false);
  });

  it('fails a check against no user after doing the same work', async () => {
    await expect(hasher.verifyAgainstNothing('anything at all')).resolves.toBe(false);
    // Compared in CPU time, by medians of interleaved rounds: a miss that skipped the work would cost well
    // under a tenth as much, however busy the machine is.
    const hashed = await hasher.hash('correct horse battery');
    const costs = await medianCosts(7, {
      wrongPassword: () => hasher.verify(hashed, 'anything at all'),
      unknownUser: () => hasher.verifyAgainstNothing('anything at all'),
    });
    expect(costs.unknownUser).toBeGreaterThan(costs.wrongPassword / 2);
  });
});

// Made by Django 3.2 itself (django.contrib.auth.hashers), so this checks the format, not our reading of it.
const DJANGO_HASH = 'pbkdf2_sha256$1000$a1b2c3d4e5f6$KtibLquNPFoN34p1GtAQHVqNrNdVcAI4H3JGks3Pqhw=';
const DJANGO_PASSWORD = 'pässwörd 🦄';
const DJANGO_DEFAULT_COST = 'pbkdf2_sha256$260000$Zq3kR8vT1mXw9bYc2nLp4s$uICpQ2LEty6FyXaY9u6t9t/7ipHSdVt2Cf9/6hdAjXI=';

describe('PasswordHasher with the legacy hashes of the monolith (Django PBKDF2-SHA256)', () => {
  const hasher = new PasswordHasher();
  beforeAll(() => hasher.onModuleInit());

  it('accepts the password of a hash Django made, at any iteration count', async () => {
    await expect(hasher.verify(DJANGO_HASH, DJANGO_PASSWORD)).resolves.toBe(true);
    await expect(hasher.verify(DJANGO_DEFAULT_COST, 'legacy password 7')).resolves.toBe(true);
  });

  it('refuses any other password, after an argon2id check as every failure does', async () => {
    const argon2idWork = jest.spyOn(hasher, 'verifyAgainstNothing');
    await expect(hasher.verify(DJANGO_HASH, 'pässwörd')).resolves.toBe(false);
    await expect(hasher.verify(DJANGO_HASH, DJANGO_PASSWORD.normalize('NFD'))).resolves.toBe(false);
    await expect(hasher.verify(DJANGO_DEFAULT_COST, 'legacy password 8')).resolves.toBe(false);
    expect(argon2idWork).toHaveBeenCalledTimes(3);
    argon2idWork.mockRestore();
  });

  it('uses the salt and iteration count written in the hash', async () => {
    await expect(hasher.verify(DJANGO_HASH.replace('$1000$', '$1001$'), DJANGO_PASSWORD)).resolves.toBe(false);
    await expect(hasher.verify(DJANGO_HASH.replace('a1b2c3', 'a1b2c4'), DJANGO_PASSWORD)).resolves.toBe(false);
  });

  it.each([
    ['another algorithm', DJANGO_HASH.replace('pbkdf2_sha256', 'pbkdf2_sha1')],
    ['no iteration count', DJANGO_HASH.replace('$1000$', '$$')],
    ['a zero iteration count', DJANGO_HASH.replace('$1000$', '$0$')],
    ['a truncated key', DJANGO_HASH.slice(0, -2)],
    ["Django's unusable password", '!Tq3kR8vT1mXw9bYc2nLp4sZq3kR8vT1mXw9bYc2'],
    ['an argon2id hash', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA'],
  ])('never matches %s', async (_case, hash) => {
    await expect(hasher.verify(hash, DJANGO_PASSWORD)).resolves.toBe(false);
  });

  it('recognizes legacy hashes by their algorithm, malformed or not', () => {
    expect(hasher.isLegacy(DJANGO_HASH)).toBe(true);
    expect(hasher.isLegacy('pbkdf2_sha256$broken')).toBe(true);
    expect(hasher.isLegacy('$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA')).toBe(false);
  });
});

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

  it('fails a check against no user after doing the same work', async () => {
    await expect(hasher.verifyAgainstNothing('anything at all')).resolves.toBe(false);
    // Timed over a few rounds each: a miss that skipped the work would take well under a tenth as long.
    const timed = async (check: () => Promise<boolean>) => {
      const started = process.hrtime.bigint();
      for (let round = 0; round < 3; round++) await check();
      return Number(process.hrtime.bigint() - started);
    };
    const hashed = await hasher.hash('correct horse battery');
    const wrongPassword = await timed(() => hasher.verify(hashed, 'anything at all'));
    const unknownUser = await timed(() => hasher.verifyAgainstNothing('anything at all'));
    expect(unknownUser).toBeGreaterThan(wrongPassword / 4);
  });
});

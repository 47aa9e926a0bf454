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
  });
});

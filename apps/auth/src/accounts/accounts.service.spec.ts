import { pbkdf2Sync, randomUUID } from 'node:crypto';
import { Counter } from 'prom-client';
import { PasswordHasher } from '../credentials';
import { AccessTokens, RefreshTokens } from '../tokens';
import { User, UsersService } from '../users';
import { InvalidCredentialsError } from './account.errors';
import { AccountsService } from './accounts.service';
import { LoginThrottle } from './login-throttle';

/**
 * The accounts' records in memory, for what login asks of UsersService; `staleRead` makes the next lookup
 * by email answer an older copy, as a racing request would see.
 */
class InMemoryUsers implements Pick<UsersService, 'findByEmail' | 'findMany' | 'replacePasswordHash'> {
  readonly stored = new Map<string, User>();
  staleRead?: User;

  add(user: Omit<User, 'createdAt'>): User {
    const created = { ...user, createdAt: new Date() };
    this.stored.set(user.id, created);
    return created;
  }

  async findByEmail(email: string): Promise<User | null> {
    const stale = this.staleRead;
    this.staleRead = undefined;
    return stale ?? [...this.stored.values()].find((user) => user.email === email) ?? null;
  }

  async findMany(ids: string[]): Promise<User[]> {
    return ids.flatMap((id) => this.stored.get(id) ?? []);
  }

  async replacePasswordHash(id: string, current: string, replacement: string): Promise<boolean> {
    const user = this.stored.get(id);
    if (user?.passwordHash !== current) return false;
    this.stored.set(id, { ...user, passwordHash: replacement });
    return true;
  }
}

function djangoHash(password: string, iterations = 1000): string {
  const salt = 'Zq3kR8vT1mXw9bYc2nLp4s';
  return `pbkdf2_sha256$${iterations}$${salt}$${pbkdf2Sync(password, salt, iterations, 32, 'sha256').toString('base64')}`;
}

describe('AccountsService login with a hash from the monolith', () => {
  const passwords = new PasswordHasher();
  let users: InMemoryUsers;
  let accounts: AccountsService;

  beforeAll(() => passwords.onModuleInit());

  beforeEach(() => {
    users = new InMemoryUsers();
    const throttle = {
      assertAllowed: jest.fn().mockResolvedValue(undefined),
      recordFailure: jest.fn().mockResolvedValue(undefined),
      recordSuccess: jest.fn().mockResolvedValue(undefined),
    };
    const accessTokens = { forUser: jest.fn().mockResolvedValue({ token: 'access', expiresIn: 900 }) };
    const refreshTokens = { issue: jest.fn().mockResolvedValue('refresh') };
    accounts = new AccountsService(
      users as unknown as UsersService,
      passwords,
      accessTokens as unknown as AccessTokens,
      refreshTokens as unknown as RefreshTokens,
      throttle as unknown as LoginThrottle,
      new Counter({ name: 'logins', help: 'logins', labelNames: ['result'], registers: [] }),
      new Counter({ name: 'refreshes', help: 'refreshes', labelNames: ['result'], registers: [] }),
    );
  });

  afterEach(() => jest.restoreAllMocks());

  function legacyUser(password: string): User {
    return users.add({
      id: randomUUID(),
      email: 'legacy-1@example.com',
      displayName: 'Legacy 1',
      passwordHash: djangoHash(password),
    });
  }

  it('accepts the legacy password once, rehashes it to argon2id, then checks argon2id only', async () => {
    const user = legacyUser('legacy password 1');
    const checks = jest.spyOn(passwords, 'verify');
    await expect(accounts.login(user.email, 'legacy password 1', '192.0.2.1')).resolves.toMatchObject({
      accessToken: 'access',
    });
    const rehashed = users.stored.get(user.id)?.passwordHash ?? '';
    expect(rehashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(passwords.verify(rehashed, 'legacy password 1')).resolves.toBe(true);

    checks.mockClear();
    await accounts.login(user.email, 'legacy password 1', '192.0.2.1');
    // The second login checked the argon2id hash alone: the legacy one was checked once.
    expect(checks.mock.calls.map(([hash]) => hash)).toEqual([rehashed]);
    expect(users.stored.get(user.id)?.passwordHash).toBe(rehashed);
  });

  it('refuses a wrong password with the usual error, after the same argon2id work, and keeps the legacy hash', async () => {
    const user = legacyUser('legacy password 1');
    const dummyChecks = jest.spyOn(passwords, 'verifyAgainstNothing');
    await expect(accounts.login(user.email, 'legacy password 2', '192.0.2.1')).rejects.toBeInstanceOf(
      InvalidCredentialsError,
    );
    expect(dummyChecks).toHaveBeenCalledTimes(1);
    expect(users.stored.get(user.id)?.passwordHash).toBe(user.passwordHash);
  });

  it('lets a login through when a concurrent login rehashed the same password first', async () => {
    const user = legacyUser('legacy password 1');
    users.stored.set(user.id, { ...user, passwordHash: await passwords.hash('legacy password 1') });
    users.staleRead = user;
    await expect(accounts.login(user.email, 'legacy password 1', '192.0.2.1')).resolves.toMatchObject({
      accessToken: 'access',
    });
  });

  it('never accepts a legacy hash once the stored hash has been replaced', async () => {
    const user = legacyUser('old password');
    const replaced = await passwords.hash('new password');
    users.stored.set(user.id, { ...user, passwordHash: replaced });
    users.staleRead = user;
    await expect(accounts.login(user.email, 'old password', '192.0.2.1')).rejects.toBeInstanceOf(
      InvalidCredentialsError,
    );
    expect(users.stored.get(user.id)?.passwordHash).toBe(replaced);
  });
});

import { createHash } from 'node:crypto';
import { RefreshTokens } from './refresh-tokens';
import { ConsumeResult, NewRefreshToken, RefreshTokensRepository } from './refresh-tokens.repository';

/** Keeps tokens in memory with the same rules as the database adapter. */
class InMemoryRefreshTokens extends RefreshTokensRepository {
  readonly tokens = new Map<string, NewRefreshToken & { usedAt?: number; useOrder?: number; revoked: boolean }>();
  private uses = 0;

  async save(token: NewRefreshToken) {
    this.tokens.set(token.tokenHash, { ...token, revoked: false });
  }

  async consume(tokenHash: string): Promise<ConsumeResult> {
    const token = this.tokens.get(tokenHash);
    const live = token !== undefined && !token.revoked && token.expiresAt > new Date();
    if (token && live && token.usedAt === undefined) {
      token.usedAt = Date.now();
      token.useOrder = ++this.uses;
      return { outcome: 'consumed', userId: token.userId, familyId: token.familyId };
    }
    if (token?.usedAt === undefined) return { outcome: 'invalid' };
    const useOrder = token.useOrder ?? 0;
    const usedSince = [...this.tokens.values()].some(
      (other) => other.familyId === token.familyId && (other.useOrder ?? 0) > useOrder,
    );
    return {
      outcome: 'reused',
      userId: token.userId,
      familyId: token.familyId,
      secondsSinceUse: (Date.now() - token.usedAt) / 1000,
      latestOfLiveFamily: live && !usedSince,
    };
  }

  async revokeFamily(familyId: string) {
    for (const token of this.tokens.values()) if (token.familyId === familyId) token.revoked = true;
  }

  async familyOf(tokenHash: string) {
    return this.tokens.get(tokenHash)?.familyId ?? null;
  }
}

describe('RefreshTokens', () => {
  const repository = new InMemoryRefreshTokens();
  const tokens = new RefreshTokens(repository, 60, 0);

  it('stores only a hash of the opaque token', async () => {
    const token = await tokens.issue('user-1');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect([...repository.tokens.keys()].join()).not.toContain(token);
  });

  it('rotates within one family and revokes the family on reuse', async () => {
    const first = await tokens.issue('user-2');
    const { userId, refreshToken: second } = await tokens.rotate(first);
    expect(userId).toBe('user-2');
    await expect(tokens.rotate(first)).rejects.toMatchObject({ code: 'REFRESH_TOKEN_REUSED' });
    await expect(tokens.rotate(second)).rejects.toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
  });

  it('keeps other families alive when one is revoked', async () => {
    const mine = await tokens.issue('user-3');
    const other = await tokens.issue('user-3');
    await tokens.revoke(mine);
    await expect(tokens.rotate(mine)).rejects.toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
    await expect(tokens.rotate(other)).resolves.toMatchObject({ userId: 'user-3' });
  });

  it('issues each token for the configured lifetime, rotated ones too', async () => {
    const before = Date.now();
    const first = await tokens.issue('user-4');
    const { refreshToken: second } = await tokens.rotate(first);
    const after = Date.now();
    const saved = [...repository.tokens.values()].filter((token) => token.userId === 'user-4');
    expect(saved).toHaveLength(2);
    for (const token of saved) {
      expect(token.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 60_000);
      expect(token.expiresAt.getTime()).toBeLessThanOrEqual(after + 60_000);
    }
    expect(saved[1].familyId).toBe(saved[0].familyId);
    expect(saved[1].id).not.toBe(saved[0].id);
    expect(second).not.toBe(first);
  });

  it('ignores an unknown token on revoke, so that logging out twice is fine', async () => {
    const revokeFamily = jest.spyOn(repository, 'revokeFamily');
    await expect(tokens.revoke('never-issued')).resolves.toBeUndefined();
    expect(revokeFamily).not.toHaveBeenCalled();
    revokeFamily.mockRestore();
  });
});

describe('RefreshTokens: a used token presented again within the reuse grace period', () => {
  const GRACE_SECONDS = 15;
  const repository = new InMemoryRefreshTokens();
  const tokens = new RefreshTokens(repository, 60, GRACE_SECONDS);
  let user = 0;
  const loggedIn = async () => tokens.issue(`grace-user-${++user}`);

  afterEach(() => jest.useRealTimers());

  it('gets another token of the same family, and the first successor stays valid', async () => {
    const first = await loggedIn();
    const { refreshToken: successor } = await tokens.rotate(first);
    const { userId, refreshToken: retried } = await tokens.rotate(first);
    expect(userId).toBe(`grace-user-${user}`);
    expect(retried).not.toBe(successor);
    const family = (token: string) => repository.familyOf(createHash('sha256').update(token).digest('hex'));
    expect(await family(retried)).toBe(await family(first));
    await expect(tokens.rotate(successor)).resolves.toMatchObject({ userId: `grace-user-${user}` });
  });

  it('revokes the family once a successor has been used: that reuse is no lost answer', async () => {
    const first = await loggedIn();
    const { refreshToken: second } = await tokens.rotate(first);
    const { refreshToken: third } = await tokens.rotate(second);
    await expect(tokens.rotate(first)).rejects.toMatchObject({ code: 'REFRESH_TOKEN_REUSED' });
    await expect(tokens.rotate(third)).rejects.toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
  });

  it('revokes the family when the grace period is over', async () => {
    jest.useFakeTimers({ now: Date.now(), doNotFake: ['nextTick', 'setImmediate'] });
    const first = await loggedIn();
    const { refreshToken: second } = await tokens.rotate(first);
    jest.setSystemTime(Date.now() + GRACE_SECONDS * 1000);
    await expect(tokens.rotate(first)).rejects.toMatchObject({ code: 'REFRESH_TOKEN_REUSED' });
    await expect(tokens.rotate(second)).rejects.toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
  });

  it('gives nothing for a token of a session that was logged out', async () => {
    const first = await loggedIn();
    const { refreshToken: second } = await tokens.rotate(first);
    await tokens.revoke(second);
    await expect(tokens.rotate(first)).rejects.toMatchObject({ code: 'REFRESH_TOKEN_REUSED' });
  });
});

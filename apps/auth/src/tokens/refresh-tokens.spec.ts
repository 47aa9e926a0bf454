import { RefreshTokens } from './refresh-tokens';
import { ConsumeResult, NewRefreshToken, RefreshTokensRepository } from './refresh-tokens.repository';

/** Keeps tokens in memory with the same rules as the database adapter. */
class InMemoryRefreshTokens extends RefreshTokensRepository {
  readonly tokens = new Map<string, NewRefreshToken & { used: boolean; revoked: boolean }>();

  async save(token: NewRefreshToken) {
    this.tokens.set(token.tokenHash, { ...token, used: false, revoked: false });
  }

  async consume(tokenHash: string): Promise<ConsumeResult> {
    const token = this.tokens.get(tokenHash);
    if (token && !token.used && !token.revoked && token.expiresAt > new Date()) {
      token.used = true;
      return { outcome: 'consumed', userId: token.userId, familyId: token.familyId };
    }
    return token?.used ? { outcome: 'reused', familyId: token.familyId } : { outcome: 'invalid' };
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
  const tokens = new RefreshTokens(repository, 60);

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

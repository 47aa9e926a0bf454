import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { RefreshTokenInvalidError, RefreshTokenReusedError } from './refresh-token.errors';
import { RefreshTokensRepository } from './refresh-tokens.repository';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Opaque refresh tokens, rotated on every use; presenting a used one revokes its whole family, but for a
 * retry within the reuse grace period (see `rotate`).
 */
export class RefreshTokens {
  constructor(
    private readonly repository: RefreshTokensRepository,
    private readonly lifetimeSeconds: number,
    private readonly reuseGraceSeconds: number,
  ) {}

  /** Starts a new family (a login). */
  issue(userId: string): Promise<string> {
    return this.issueInFamily(userId, randomUUID());
  }

  /**
   * Trades a live token for a new one in the same family and tells whose it was. A used token presented
   * again within the grace period, while its family is live and its successor unused, is a client that
   * lost the answer to its refresh: it gets another token of the family. Any other reuse revokes the family.
   */
  async rotate(token: string): Promise<{ userId: string; refreshToken: string }> {
    const result = await this.repository.consume(hashOf(token));
    switch (result.outcome) {
      case 'consumed':
        return { userId: result.userId, refreshToken: await this.issueInFamily(result.userId, result.familyId) };
      case 'reused':
        if (result.latestOfLiveFamily && result.secondsSinceUse < this.reuseGraceSeconds) {
          return { userId: result.userId, refreshToken: await this.issueInFamily(result.userId, result.familyId) };
        }
        await this.repository.revokeFamily(result.familyId);
        throw new RefreshTokenReusedError();
      case 'invalid':
        throw new RefreshTokenInvalidError();
    }
  }

  /** Ends the session the token belongs to; unknown tokens are ignored so logout is idempotent. */
  async revoke(token: string): Promise<void> {
    const familyId = await this.repository.familyOf(hashOf(token));
    if (familyId) await this.repository.revokeFamily(familyId);
  }

  private async issueInFamily(userId: string, familyId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.repository.save({
      id: randomUUID(),
      familyId,
      userId,
      tokenHash: hashOf(token),
      expiresAt: new Date(Date.now() + this.lifetimeSeconds * 1000),
    });
    return token;
  }
}

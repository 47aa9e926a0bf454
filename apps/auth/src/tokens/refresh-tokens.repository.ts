export interface NewRefreshToken {
  id: string;
  familyId: string;
  userId: string;
  tokenHash: string;
  expiresAt: Date;
}

export type ConsumeResult =
  | { outcome: 'consumed'; userId: string; familyId: string }
  | {
      outcome: 'reused';
      userId: string;
      familyId: string;
      /** By the database's clock. */
      secondsSinceUse: number;
      /** Whether its family is unrevoked and unexpired, and no token of it has been used since this one. */
      latestOfLiveFamily: boolean;
    }
  | { outcome: 'invalid' };

export abstract class RefreshTokensRepository {
  abstract save(token: NewRefreshToken): Promise<void>;
  /** Marks a live token used, atomically: of two concurrent calls with one token, one consumes it. */
  abstract consume(tokenHash: string): Promise<ConsumeResult>;
  abstract revokeFamily(familyId: string): Promise<void>;
  abstract familyOf(tokenHash: string): Promise<string | null>;
}

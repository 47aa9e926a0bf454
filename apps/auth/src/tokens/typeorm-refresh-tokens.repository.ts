import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, Repository } from 'typeorm';
import { RefreshTokenEntity } from './refresh-token.entity';
import { ConsumeResult, NewRefreshToken, RefreshTokensRepository } from './refresh-tokens.repository';

@Injectable()
export class TypeOrmRefreshTokensRepository extends RefreshTokensRepository {
  constructor(@InjectRepository(RefreshTokenEntity) private readonly tokens: Repository<RefreshTokenEntity>) {
    super();
  }

  async save(token: NewRefreshToken): Promise<void> {
    await this.tokens.insert(token);
  }

  async consume(tokenHash: string): Promise<ConsumeResult> {
    const live = { tokenHash, usedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) };
    const result = await this.tokens
      .createQueryBuilder()
      .update()
      .set({ usedAt: () => 'now()' })
      .where(live)
      .returning(['userId', 'familyId'])
      .execute();
    const row = (result.raw as { user_id: string; family_id: string }[]).at(0);
    if (row) return { outcome: 'consumed', userId: row.user_id, familyId: row.family_id };

    const known = await this.tokens.findOneBy({ tokenHash });
    if (known?.usedAt) return { outcome: 'reused', familyId: known.familyId };
    return { outcome: 'invalid' };
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.tokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  async familyOf(tokenHash: string): Promise<string | null> {
    const token = await this.tokens.findOneBy({ tokenHash });
    return token?.familyId ?? null;
  }
}

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

    const used = await this.tokens
      .createQueryBuilder('token')
      .select('token.user_id', 'user_id')
      .addSelect('token.family_id', 'family_id')
      .addSelect('extract(epoch from now() - token.used_at)::float8', 'seconds_since_use')
      .addSelect(
        `token.revoked_at is null and token.expires_at > now() and not exists (
           select 1 from refresh_tokens later
           where later.family_id = token.family_id and later.used_at > token.used_at)`,
        'latest_of_live_family',
      )
      .where('token.token_hash = :tokenHash and token.used_at is not null', { tokenHash })
      .getRawOne<{ user_id: string; family_id: string; seconds_since_use: number; latest_of_live_family: boolean }>();
    if (!used) return { outcome: 'invalid' };
    return {
      outcome: 'reused',
      userId: used.user_id,
      familyId: used.family_id,
      secondsSinceUse: used.seconds_since_use,
      latestOfLiveFamily: used.latest_of_live_family,
    };
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.tokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  async familyOf(tokenHash: string): Promise<string | null> {
    const token = await this.tokens.findOneBy({ tokenHash });
    return token?.familyId ?? null;
  }
}

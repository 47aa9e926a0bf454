import { Injectable } from '@nestjs/common';
import type { LikeResult } from '@app/mysfits-contract';
import { CatalogueService, MysfitNotFoundError } from '../catalogue';
import { LikesRepository } from './likes.repository';

export type LikeOutcome = Omit<LikeResult, 'mysfitId'>;

/** The persistence half of a like: record it once per user, then tell the count the catalogue now holds. */
@Injectable()
export class LikesService {
  constructor(
    private readonly likes: LikesRepository,
    private readonly catalogue: CatalogueService,
  ) {}

  async fulfil(mysfitId: string, userId: string): Promise<LikeOutcome> {
    const record = await this.likes.record(mysfitId, userId);
    if (record === 'no-such-mysfit') throw new MysfitNotFoundError(mysfitId);
    const { likes } = await this.catalogue.get(mysfitId);
    return { likes, alreadyLiked: record === 'repeated' };
  }
}

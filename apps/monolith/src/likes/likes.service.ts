import { Injectable } from '@nestjs/common';
import { InjectMetric, makeCounterProvider } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';
import type { LikeResult } from '@app/mysfits-contract';
import { CatalogueService, MysfitNotFoundError } from '../catalogue';
import { LikesRepository } from './likes.repository';

const LIKES = 'mysfit_likes_total';

export const likesCounter = makeCounterProvider({
  name: LIKES,
  help: 'Likes the monolith fulfilled: recorded, or already recorded for that user and mysfit',
  labelNames: ['result'],
});

export type LikeOutcome = Omit<LikeResult, 'mysfitId'>;

/** The persistence half of a like: record it once per user, then tell the count the catalogue now holds. */
@Injectable()
export class LikesService {
  constructor(
    private readonly likes: LikesRepository,
    private readonly catalogue: CatalogueService,
    @InjectMetric(LIKES) private readonly counted: Counter<'result'>,
  ) {}

  async fulfil(mysfitId: string, userId: string): Promise<LikeOutcome> {
    const record = await this.likes.record(mysfitId, userId);
    if (record === 'no-such-mysfit') throw new MysfitNotFoundError(mysfitId);
    this.counted.inc({ result: record === 'repeated' ? 'already_liked' : 'recorded' });
    const { likes } = await this.catalogue.get(mysfitId);
    return { likes, alreadyLiked: record === 'repeated' };
  }
}

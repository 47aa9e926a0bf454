import { Injectable } from '@nestjs/common';
import { LikeResult } from '@app/mysfits-contract';
import { MonolithClient } from '../monolith/monolith.client';

/**
 * The like rules, split out of the monolith: only a signed-in person may like, each person counts
 * once per mysfit, and the monolith records the like. The once-per-person rule is enforced where the
 * like is stored (a conditional write keyed on mysfit and user), so retries and races cannot break it.
 */
@Injectable()
export class LikesService {
  constructor(private readonly monolith: MonolithClient) {}

  like(mysfitId: string, userId: string, requestId: string): Promise<LikeResult> {
    return this.monolith.fulfillLike(mysfitId, userId, requestId);
  }
}

import { Injectable } from '@nestjs/common';
import { LikeResult } from '@app/mysfits-contract';
import { MonolithClient } from '../monolith-client';

/**
 * A like, split out of the monolith: the route's guard has established who likes, and the monolith's
 * fulfill-like records it. Once per person per mysfit holds there, where a conditional write keyed on
 * mysfit and user makes a repeated or retried call change nothing; this service only asks.
 */
@Injectable()
export class LikesService {
  constructor(private readonly monolith: MonolithClient) {}

  like(mysfitId: string, userId: string): Promise<LikeResult> {
    return this.monolith.fulfillLike(mysfitId, userId);
  }
}

/** What became of a like: counted now, counted before (the count is unchanged), or no such mysfit. */
export type LikeRecord = 'recorded' | 'repeated' | 'no-such-mysfit';

/** The likes of the mysfits, one per (mysfit, user), with each mysfit's count. */
export abstract class LikesRepository {
  /**
   * Records the like and adds one to the mysfit's count in one transaction, so that a repeated or
   * retried call leaves the count as it was.
   */
  abstract record(mysfitId: string, userId: string): Promise<LikeRecord>;
}

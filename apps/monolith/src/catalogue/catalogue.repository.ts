import { Mysfit, MysfitFilter } from './mysfit';

export interface LikeOutcome {
  likes: number;
  alreadyLiked: boolean;
}

/** Where mysfits live (DynamoDB in every environment; the port keeps the domain free of the SDK). */
export abstract class MysfitsRepository {
  abstract list(filter?: MysfitFilter): Promise<Mysfit[]>;
  abstract get(id: string): Promise<Mysfit | null>;
  abstract getMany(ids: string[]): Promise<Mysfit[]>;
  /**
   * Records one like per (mysfit, user): the like and the counter change in one transaction, so
   * a repeated or retried call leaves the count as it was. Throws MysfitNotFoundError.
   */
  abstract recordLike(id: string, userId: string): Promise<LikeOutcome>;
  /** Marks the mysfit adopted unless it already is; throws AlreadyAdoptedError. */
  abstract markAdopted(id: string): Promise<void>;
  /** Reverses markAdopted when the adoption record could not be kept. */
  abstract unmarkAdopted(id: string): Promise<void>;
  /** Adds a mysfit unless one with its id exists, keeping that one's likes and adoption. */
  abstract addIfMissing(mysfit: Omit<Mysfit, 'likes' | 'adopted'>): Promise<boolean>;
}

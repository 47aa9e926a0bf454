import type { MysfitDescription } from '@app/mysfits-data';
import { Mysfit, MysfitFilter } from './mysfit';

/** Where mysfits live (DynamoDB in every environment; the port keeps the domain free of the SDK). */
export abstract class CatalogueRepository {
  abstract list(filter?: MysfitFilter): Promise<Mysfit[]>;
  abstract get(id: string): Promise<Mysfit | null>;
  abstract getMany(ids: string[]): Promise<Mysfit[]>;
  /** Adds a mysfit unless one with its id exists, keeping that one's likes and adoption. */
  abstract addIfMissing(mysfit: MysfitDescription): Promise<boolean>;
}

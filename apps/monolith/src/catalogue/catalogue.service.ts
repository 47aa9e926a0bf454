import { Injectable } from '@nestjs/common';
import { MysfitNotFoundError, UnsupportedFilterError } from './catalogue.errors';
import { CatalogueRepository } from './catalogue.repository';
import { FILTERS, FilterAxis, Mysfit, MysfitFilter } from './mysfit';

/** The mysfits as they are stored, for the routes that show them and the features that need them. */
@Injectable()
export class CatalogueService {
  constructor(private readonly mysfits: CatalogueRepository) {}

  async list(axis?: FilterAxis, value?: string): Promise<Mysfit[]> {
    return this.mysfits.list(toFilter(axis, value));
  }

  async get(id: string): Promise<Mysfit> {
    const mysfit = await this.mysfits.get(id);
    if (!mysfit) throw new MysfitNotFoundError(id);
    return mysfit;
  }

  /** The mysfits of those ids that exist, in no particular order. */
  getMany(ids: string[]): Promise<Mysfit[]> {
    return this.mysfits.getMany(ids);
  }
}

function toFilter(axis: FilterAxis | undefined, value: string | undefined): MysfitFilter | undefined {
  if (!axis && value === undefined) return undefined;
  if (!axis) throw new UnsupportedFilterError('value needs a filter (GoodEvil or LawChaos)');
  const allowed: readonly string[] = FILTERS[axis];
  if (value === undefined || !allowed.includes(value)) {
    throw new UnsupportedFilterError(`value for ${axis} must be one of ${allowed.join(', ')}`);
  }
  return { axis, value };
}

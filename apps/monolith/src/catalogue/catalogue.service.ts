import { Injectable } from '@nestjs/common';
import { FILTERS, FilterAxis, Mysfit, MysfitFilter } from './mysfit';
import { MysfitNotFoundError, UnsupportedFilterError } from './mysfits.errors';
import { LikeOutcome, MysfitsRepository } from './mysfits.repository';

@Injectable()
export class MysfitsService {
  constructor(private readonly mysfits: MysfitsRepository) {}

  async list(axis?: FilterAxis, value?: string): Promise<Mysfit[]> {
    return this.mysfits.list(toFilter(axis, value));
  }

  async get(id: string): Promise<Mysfit> {
    const mysfit = await this.mysfits.get(id);
    if (!mysfit) throw new MysfitNotFoundError(id);
    return mysfit;
  }

  fulfillLike(id: string, userId: string): Promise<LikeOutcome> {
    return this.mysfits.recordLike(id, userId);
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

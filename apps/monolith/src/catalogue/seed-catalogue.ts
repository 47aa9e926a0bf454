import { MysfitsRepository } from '../mysfits.repository';
import { SEED_MYSFITS } from './seed-mysfits.data';

/** Adds the seed mysfits that are missing; run as often as you like, it never resets likes or adoptions. */
export async function seedMysfits(repository: MysfitsRepository): Promise<{ added: number; kept: number }> {
  let added = 0;
  for (const mysfit of SEED_MYSFITS) {
    if (await repository.addIfMissing(mysfit)) added += 1;
  }
  return { added, kept: SEED_MYSFITS.length - added };
}

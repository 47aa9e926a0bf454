import { Injectable, Logger } from '@nestjs/common';
import { CatalogueService, Mysfit } from '../catalogue';
import { UserDirectory } from '../users';
import { AdoptionFlag } from './adoption-flag';
import { AlreadyAdoptedError } from './adoption.errors';
import { Adoption, AdoptionsRepository } from './adoptions.repository';

export interface Adopter {
  userId: string;
  displayName: string | null;
}

export interface AdoptedMysfit {
  adoption: Adoption;
  mysfit: Mysfit;
}

/**
 * Adopting writes two stores. Postgres holds the adoption row (its primary key serialises concurrent
 * adopters); DynamoDB's `Adopted` flag is set inside that transaction, before it commits. If the flag
 * cannot be set, the row is rolled back; if the commit fails after the flag was set, the flag is reset.
 */
@Injectable()
export class AdoptionsService {
  private readonly logger = new Logger(AdoptionsService.name);

  constructor(
    private readonly adoptions: AdoptionsRepository,
    private readonly flag: AdoptionFlag,
    private readonly catalogue: CatalogueService,
    private readonly users: UserDirectory,
  ) {}

  async adopt(mysfitId: string, userId: string): Promise<AdoptedMysfit> {
    const mysfit = await this.catalogue.get(mysfitId);
    if (mysfit.adopted) throw new AlreadyAdoptedError();

    // Whether the flag was set inside the transaction, so that a failed commit can reset it.
    const progress = { flagged: false };
    try {
      const adoption = await this.adoptions.record(mysfitId, userId, async () => {
        if (!(await this.flag.set(mysfitId))) throw new AlreadyAdoptedError();
        progress.flagged = true;
      });
      return { adoption, mysfit: { ...mysfit, adopted: true } };
    } catch (error) {
      if (progress.flagged) await this.resetFlag(mysfitId);
      throw error;
    }
  }

  async adoptedBy(userId: string): Promise<AdoptedMysfit[]> {
    const adoptions = await this.adoptions.findByUser(userId);
    const mysfits = new Map((await this.catalogue.getMany(adoptions.map((a) => a.mysfitId))).map((m) => [m.id, m]));
    return adoptions.flatMap((adoption) => {
      const mysfit = mysfits.get(adoption.mysfitId);
      return mysfit ? [{ adoption, mysfit }] : [];
    });
  }

  async adopterOf(mysfitId: string): Promise<Adopter | null> {
    const adoption = await this.adoptions.findByMysfit(mysfitId);
    if (!adoption) return null;
    const names = await this.users.displayNames([adoption.userId]);
    return { userId: adoption.userId, displayName: names.get(adoption.userId) ?? null };
  }

  private async resetFlag(mysfitId: string): Promise<void> {
    try {
      await this.flag.clear(mysfitId);
    } catch (error) {
      this.logger.error({ err: error, mysfitId }, 'Could not reset the adopted flag after a failed adoption');
    }
  }
}

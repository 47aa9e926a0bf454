export interface Adoption {
  mysfitId: string;
  userId: string;
  adoptedAt: Date;
}

export abstract class AdoptionsRepository {
  /**
   * Records the adoption and runs `alongside` before committing: if `alongside` throws, nothing is
   * recorded. Of concurrent calls for one mysfit, one records it and the others throw AlreadyAdoptedError.
   */
  abstract record(mysfitId: string, userId: string, alongside: () => Promise<void>): Promise<Adoption>;
  abstract findByUser(userId: string): Promise<Adoption[]>;
  abstract findByMysfit(mysfitId: string): Promise<Adoption | null>;
}

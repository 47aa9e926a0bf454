/** The `Adopted` flag on the mysfit itself, which the catalogue shows; the adoption record is the truth. */
export abstract class AdoptionFlag {
  /** Sets the flag unless it is set already (or the mysfit is gone): then answers false. */
  abstract set(mysfitId: string): Promise<boolean>;
  /** Clears the flag again when the adoption record could not be kept. */
  abstract clear(mysfitId: string): Promise<void>;
}

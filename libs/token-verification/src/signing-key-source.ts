import type { KeyObject } from 'node:crypto';

/** Where a verifier finds the public key for a token's `kid`. */
export abstract class SigningKeySource {
  /**
   * The public key, imported once and reused for every token it signed (importing a key costs about
   * as much CPU as checking a signature), or undefined when no key with that id is published.
   */
  abstract publicKey(kid: string): Promise<KeyObject | undefined>;
}

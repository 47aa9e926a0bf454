/** Where a verifier finds the public key for a token's `kid`. */
export abstract class SigningKeySource {
  /** The PEM-encoded public key, or undefined when no key with that id is published. */
  abstract publicKey(kid: string): Promise<string | undefined>;
}

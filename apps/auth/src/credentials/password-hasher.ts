import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';

/** OWASP's minimum for argon2id: 19 MiB of memory, 2 iterations, 1 lane. */
export const ARGON2_PARAMETERS = {
  algorithm: Algorithm.Argon2id,
  memoryCost: 19 * 1024,
  timeCost: 2,
  parallelism: 1,
} as const;

const derivePbkdf2 = promisify(pbkdf2);

/** The prefix of the hashes users brought from the monolith: Django's default, PBKDF2-SHA256. */
const LEGACY_PREFIX = 'pbkdf2_sha256$';
/** Django's format: `pbkdf2_sha256$<iterations>$<salt>$<base64 of the 32-byte key>`. */
const DJANGO_PBKDF2_SHA256 = /^pbkdf2_sha256\$([1-9]\d{0,8})\$([^$]+)\$([A-Za-z0-9+/]{43}=)$/;

@Injectable()
export class PasswordHasher implements OnModuleInit {
  /** Verified against when an email is unknown, so that a miss costs as much time as a wrong password. */
  // Stryker disable next-line StringLiteral: onModuleInit sets it before any request is served.
  private dummyHash = '';

  async onModuleInit(): Promise<void> {
    this.dummyHash = await this.hash(randomBytes(32).toString('base64url'));
  }

  hash(password: string): Promise<string> {
    return hash(password, ARGON2_PARAMETERS);
  }

  /**
   * Whether the password is the one hashed: argon2id, or a legacy hash from the monolith. A failed
   * legacy check also spends an argon2id check, as much work as any other failure. A hash of another
   * kind (say, Django's unusable `!` password, moved as it was) never matches.
   */
  async verify(passwordHash: string, password: string): Promise<boolean> {
    if (passwordHash.startsWith('$argon2')) return verify(passwordHash, password);
    if (this.isLegacy(passwordHash) && (await verifyDjangoPbkdf2(passwordHash, password))) return true;
    return this.verifyAgainstNothing(password);
  }

  /** Whether the stored hash is a legacy one, even a malformed one that can never match: replace it once it matched. */
  isLegacy(passwordHash: string): boolean {
    return passwordHash.startsWith(LEGACY_PREFIX);
  }

  /** Spends the same time as a real verification and always fails. */
  async verifyAgainstNothing(password: string): Promise<false> {
    await verify(this.dummyHash, password);
    return false;
  }
}

async function verifyDjangoPbkdf2(passwordHash: string, password: string): Promise<boolean> {
  const parts = DJANGO_PBKDF2_SHA256.exec(passwordHash);
  if (!parts) return false;
  const [, iterations, salt, encodedKey] = parts;
  const expected = Buffer.from(encodedKey, 'base64');
  const derived = await derivePbkdf2(password, salt, Number(iterations), expected.length, 'sha256');
  return timingSafeEqual(derived, expected);
}

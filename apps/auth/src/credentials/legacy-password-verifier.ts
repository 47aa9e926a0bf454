import { pbkdf2, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { Injectable } from '@nestjs/common';

const derive = promisify(pbkdf2);

/** Django's default format: `pbkdf2_sha256$<iterations>$<salt>$<base64 of the 32-byte key>`. */
const DJANGO_PBKDF2_SHA256 = /^pbkdf2_sha256\$([1-9]\d{0,8})\$([^$]+)\$([A-Za-z0-9+/]{43}=)$/;

/**
 * Checks passwords against the hashes users brought from the monolith (Django's PBKDF2-SHA256), so that
 * they can log in once with their old password; the login then replaces the hash with argon2id.
 */
@Injectable()
export class LegacyPasswordVerifier {
  /** Whether the stored hash is a legacy one, even a malformed one that can never match. */
  recognizes(passwordHash: string): boolean {
    return passwordHash.startsWith('pbkdf2_sha256$');
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    const parts = DJANGO_PBKDF2_SHA256.exec(passwordHash);
    if (!parts) return false;
    const [, iterations, salt, encodedKey] = parts;
    const expected = Buffer.from(encodedKey, 'base64');
    const derived = await derive(password, salt, Number(iterations), expected.length, 'sha256');
    return timingSafeEqual(derived, expected);
  }
}

import { randomBytes } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';

/** OWASP's minimum for argon2id: 19 MiB of memory, 2 iterations, 1 lane. */
export const ARGON2_PARAMETERS = {
  algorithm: Algorithm.Argon2id,
  memoryCost: 19 * 1024,
  timeCost: 2,
  parallelism: 1,
} as const;

@Injectable()
export class PasswordHasher implements OnModuleInit {
  /** Verified against when an email is unknown, so that a miss costs as much time as a wrong password. */
  private dummyHash = '';

  async onModuleInit(): Promise<void> {
    this.dummyHash = await this.hash(randomBytes(32).toString('base64url'));
  }

  hash(password: string): Promise<string> {
    return hash(password, ARGON2_PARAMETERS);
  }

  /** A hash that is not argon2 (say, Django's unusable `!` password, moved as it was) never matches. */
  verify(passwordHash: string, password: string): Promise<boolean> {
    if (!passwordHash.startsWith('$argon2')) return this.verifyAgainstNothing(password);
    return verify(passwordHash, password);
  }

  /** Spends the same time as a real verification and always fails. */
  async verifyAgainstNothing(password: string): Promise<false> {
    await verify(this.dummyHash, password);
    return false;
  }
}

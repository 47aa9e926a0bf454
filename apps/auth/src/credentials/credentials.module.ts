import { Module } from '@nestjs/common';
import { PasswordHasher } from './password-hasher';

/** Password hashing (argon2id); exports PasswordHasher. */
@Module({
  providers: [PasswordHasher],
  exports: [PasswordHasher],
})
export class CredentialsModule {}

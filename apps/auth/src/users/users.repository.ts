import { NewUser, User } from './user';

export abstract class UsersRepository {
  /** Throws EmailTakenError when another account has the same email in any case. */
  abstract create(user: NewUser): Promise<User>;
  abstract findByEmail(email: string): Promise<User | null>;
  abstract findById(id: string): Promise<User | null>;
  abstract findByIds(ids: string[]): Promise<User[]>;
  /** Sets a new hash only if the stored one is still `current`; false when another request changed it first. */
  abstract replacePasswordHash(id: string, current: string, replacement: string): Promise<boolean>;
}

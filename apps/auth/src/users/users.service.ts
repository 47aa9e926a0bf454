import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { NewUser, User } from './user';
import { UserNotFoundError } from './user.errors';
import { UsersRepository } from './users.repository';

/** The accounts' records: who exists, under which email, with which password hash and display name. */
@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  /** Throws EmailTakenError when another account has the same email in any case. */
  create(user: NewUser): Promise<User> {
    return this.users.create(user);
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findByEmail(email);
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw new UserNotFoundError();
    return user;
  }

  /** Sets a new password hash only if the stored one is still `current`; false when another request changed it first. */
  replacePasswordHash(id: string, current: string, replacement: string): Promise<boolean> {
    return this.users.replacePasswordHash(id, current, replacement);
  }

  /** The users with these ids that exist; ids that are not UUIDs cannot be anyone's and are skipped. */
  findMany(ids: string[]): Promise<User[]> {
    return this.users.findByIds([...new Set(ids.filter((id) => isUUID(id)))]);
  }
}

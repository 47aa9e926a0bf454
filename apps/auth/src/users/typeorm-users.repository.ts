import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { isUniqueViolation } from '@app/errors';
import { normalizeEmail, NewUser, User } from './user';
import { EmailTakenError } from './user.errors';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

@Injectable()
export class TypeOrmUsersRepository extends UsersRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {
    super();
  }

  async create(user: NewUser): Promise<User> {
    try {
      await this.users.insert(user);
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailTakenError();
      throw error;
    }
    return this.users.findOneByOrFail({ id: user.id });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('user')
      .where('lower(user.email) = :email', { email: normalizeEmail(email) })
      .getOne();
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<User[]> {
    return ids.length ? this.users.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  async replacePasswordHash(id: string, current: string, replacement: string): Promise<boolean> {
    const result = await this.users.update({ id, passwordHash: current }, { passwordHash: replacement });
    return result.affected === 1;
  }
}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TypeOrmUsersRepository } from './typeorm-users.repository';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity])],
  providers: [{ provide: UsersRepository, useClass: TypeOrmUsersRepository }],
  exports: [UsersRepository],
})
export class UsersModule {}

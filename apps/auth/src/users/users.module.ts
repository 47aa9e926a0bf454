import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TypeOrmUsersRepository } from './typeorm-users.repository';
import { UserDirectoryRpcController } from './user-directory.rpc-controller';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** The users table and the gRPC UserDirectory; exports UsersService. */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity])],
  controllers: [UserDirectoryRpcController],
  providers: [UsersService, { provide: UsersRepository, useClass: TypeOrmUsersRepository }],
  exports: [UsersService],
})
export class UsersModule {}

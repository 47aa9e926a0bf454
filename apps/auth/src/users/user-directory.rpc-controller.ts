import { GrpcMethod } from '@nestjs/microservices';
import { GetUsersRequest, GetUsersResponse, USER_DIRECTORY_SERVICE } from '@app/auth-rpc';
import { InvalidInputError } from '@app/errors';
import { GrpcController } from '../grpc';
import { UsersService } from './users.service';

const MAX_USERS_PER_CALL = 100;

/** gRPC UserDirectory: the display names other services show beside adoptions and comments. */
@GrpcController()
export class UserDirectoryRpcController {
  constructor(private readonly users: UsersService) {}

  @GrpcMethod(USER_DIRECTORY_SERVICE, 'GetUsers')
  async getUsers(request: GetUsersRequest): Promise<GetUsersResponse> {
    if (request.ids.length > MAX_USERS_PER_CALL) {
      throw new InvalidInputError('TOO_MANY_IDS', `Ask for at most ${MAX_USERS_PER_CALL} users at once`);
    }
    const users = await this.users.findMany(request.ids);
    return { users: users.map((user) => ({ id: user.id, displayName: user.displayName })) };
  }
}

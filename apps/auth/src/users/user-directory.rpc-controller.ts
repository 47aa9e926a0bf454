import { Controller, UseFilters, UseInterceptors } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { isUUID } from 'class-validator';
import {
  GetUsersRequest,
  GetUsersResponse,
  IssueServiceTokenRequest,
  IssueServiceTokenResponse,
  SERVICE_TOKENS_SERVICE,
  USER_DIRECTORY_SERVICE,
} from '@app/auth-rpc';
import { InvalidInputError } from '@app/errors';
import { UsersRepository } from '../users/users.repository';
import { DomainErrorRpcFilter } from './domain-error.rpc-filter';
import { RpcLoggingInterceptor } from './rpc-logging.interceptor';
import { ServiceClients } from './service-clients';

const MAX_USERS_PER_CALL = 100;

@Controller()
@UseFilters(DomainErrorRpcFilter)
@UseInterceptors(RpcLoggingInterceptor)
export class AuthRpcController {
  constructor(
    private readonly users: UsersRepository,
    private readonly serviceClients: ServiceClients,
  ) {}

  @GrpcMethod(USER_DIRECTORY_SERVICE, 'GetUsers')
  async getUsers(request: GetUsersRequest): Promise<GetUsersResponse> {
    if (request.ids.length > MAX_USERS_PER_CALL) {
      throw new InvalidInputError('TOO_MANY_IDS', `Ask for at most ${MAX_USERS_PER_CALL} users at once`);
    }
    const ids = [...new Set(request.ids.filter((id) => isUUID(id)))];
    const users = await this.users.findByIds(ids);
    return { users: users.map((user) => ({ id: user.id, displayName: user.displayName })) };
  }

  @GrpcMethod(SERVICE_TOKENS_SERVICE, 'IssueServiceToken')
  async issueServiceToken(request: IssueServiceTokenRequest): Promise<IssueServiceTokenResponse> {
    const issued = await this.serviceClients.issueToken(request.clientId, request.clientSecret);
    return { accessToken: issued.token, expiresIn: issued.expiresIn };
  }
}

import { GrpcMethod } from '@nestjs/microservices';
import { IssueServiceTokenRequest, IssueServiceTokenResponse, SERVICE_TOKENS_SERVICE } from '@app/auth-rpc';
import { GrpcController } from '../grpc';
import { ServiceClients } from './service-clients';

/** gRPC ServiceTokens: a service trades its client credentials for a token to the internal routes. */
@GrpcController()
export class ServiceTokensRpcController {
  constructor(private readonly serviceClients: ServiceClients) {}

  @GrpcMethod(SERVICE_TOKENS_SERVICE, 'IssueServiceToken')
  async issueServiceToken(request: IssueServiceTokenRequest): Promise<IssueServiceTokenResponse> {
    const issued = await this.serviceClients.issueToken(request.clientId, request.clientSecret);
    return { accessToken: issued.token, expiresIn: issued.expiresIn };
  }
}

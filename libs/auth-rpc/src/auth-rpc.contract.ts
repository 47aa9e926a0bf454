import { join } from 'node:path';
import type { Observable } from 'rxjs';

export const AUTH_RPC_PACKAGE = 'mysfits.auth.v1';
export const AUTH_PROTO_PATH = join(__dirname, '..', 'proto', 'auth.proto');

export const USER_DIRECTORY_SERVICE = 'UserDirectory';
export const SERVICE_TOKENS_SERVICE = 'ServiceTokens';

/** Field names as @grpc/proto-loader presents them (camelCase). */
export interface GetUsersRequest {
  ids: string[];
}

export interface DirectoryUser {
  id: string;
  displayName: string;
}

export interface GetUsersResponse {
  users?: DirectoryUser[];
}

export interface IssueServiceTokenRequest {
  clientId: string;
  clientSecret: string;
}

export interface IssueServiceTokenResponse {
  accessToken: string;
  expiresIn: number;
}

/** The clients as Nest's ClientGrpc hands them out; the request context travels in metadata on its own. */
export interface UserDirectoryClient {
  getUsers(request: GetUsersRequest): Observable<GetUsersResponse>;
}

export interface ServiceTokensClient {
  issueServiceToken(request: IssueServiceTokenRequest): Observable<IssueServiceTokenResponse>;
}

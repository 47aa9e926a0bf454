import { join } from 'node:path';
import type { Metadata } from '@grpc/grpc-js';
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

export interface UserDirectoryClient {
  getUsers(request: GetUsersRequest, metadata?: Metadata): Observable<GetUsersResponse>;
}

export interface ServiceTokensClient {
  issueServiceToken(request: IssueServiceTokenRequest, metadata?: Metadata): Observable<IssueServiceTokenResponse>;
}

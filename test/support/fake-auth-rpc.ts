import {
  loadPackageDefinition,
  Metadata,
  sendUnaryData,
  Server,
  ServerCredentials,
  ServerUnaryCall,
  status,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { AUTH_PROTO_PATH } from '@app/auth-rpc';

type ServiceDefinition = Parameters<Server['addService']>[0];
interface AuthPackage {
  mysfits: { auth: { v1: Record<'UserDirectory' | 'ServiceTokens', { service: ServiceDefinition }> } };
}

interface Handlers {
  users?: Map<string, string>;
  issueServiceToken?: (clientId: string, clientSecret: string) => string | undefined;
}

export interface FakeAuthRpc {
  url: string;
  /** Every call received, with the request id its metadata carried. */
  calls: { method: 'getUsers' | 'issueServiceToken'; requestId?: string }[];
  /** Stops serving; calling it again does nothing. */
  stop(): Promise<void>;
}

const requestIdOf = (metadata: Metadata) => metadata.get('x-request-id')[0]?.toString();

/**
 * A stand-in for auth's gRPC server, built from the same .proto, for the e2e tests of services that
 * call auth. (The system tests run against the real auth service.)
 */
export async function startFakeAuthRpc(handlers: Handlers): Promise<FakeAuthRpc> {
  const definition = loadSync(AUTH_PROTO_PATH, { keepCase: false, longs: Number, defaults: true, arrays: true });
  const pkg = (loadPackageDefinition(definition) as unknown as AuthPackage).mysfits.auth.v1;
  const server = new Server();
  const calls: FakeAuthRpc['calls'] = [];
  server.addService(pkg.UserDirectory.service, {
    getUsers: (call: ServerUnaryCall<{ ids: string[] }, unknown>, callback: sendUnaryData<unknown>) => {
      calls.push({ method: 'getUsers', requestId: requestIdOf(call.metadata) });
      const users = call.request.ids
        .filter((id) => handlers.users?.has(id))
        .map((id) => ({ id, displayName: handlers.users?.get(id) }));
      callback(null, { users });
    },
  });
  server.addService(pkg.ServiceTokens.service, {
    issueServiceToken: (
      call: ServerUnaryCall<{ clientId: string; clientSecret: string }, unknown>,
      callback: sendUnaryData<unknown>,
    ) => {
      calls.push({ method: 'issueServiceToken', requestId: requestIdOf(call.metadata) });
      const token = handlers.issueServiceToken?.(call.request.clientId, call.request.clientSecret);
      if (token) callback(null, { accessToken: token, expiresIn: 300 });
      else callback({ code: status.UNAUTHENTICATED, details: 'INVALID_CLIENT' });
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  let stopped: Promise<void> | undefined;
  return {
    url: `127.0.0.1:${port}`,
    calls,
    stop: () => (stopped ??= new Promise((resolve) => server.tryShutdown(() => resolve()))),
  };
}

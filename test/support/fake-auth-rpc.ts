import {
  loadPackageDefinition,
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

/**
 * A stand-in for auth's gRPC server, built from the same .proto, for the e2e tests of services that
 * call auth. (The system tests run against the real auth service.)
 */
export async function startFakeAuthRpc(handlers: Handlers): Promise<{ url: string; stop(): Promise<void> }> {
  const definition = loadSync(AUTH_PROTO_PATH, { keepCase: false, longs: Number, defaults: true, arrays: true });
  const pkg = (loadPackageDefinition(definition) as unknown as AuthPackage).mysfits.auth.v1;
  const server = new Server();
  server.addService(pkg.UserDirectory.service, {
    getUsers: (call: ServerUnaryCall<{ ids: string[] }, unknown>, callback: sendUnaryData<unknown>) => {
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
      const token = handlers.issueServiceToken?.(call.request.clientId, call.request.clientSecret);
      if (!token) return callback({ code: status.UNAUTHENTICATED, details: 'INVALID_CLIENT' });
      callback(null, { accessToken: token, expiresIn: 300 });
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return {
    url: `127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.tryShutdown(() => resolve())),
  };
}

import { DynamicModule } from '@nestjs/common';
import { ClientsModule } from '@nestjs/microservices';
import { authRpcOptions } from './auth-rpc.options';

/** The injection token of the gRPC client that calls auth. */
export const AUTH_RPC_CLIENT = Symbol('AUTH_RPC_CLIENT');

/**
 * Registers the auth gRPC client under AUTH_RPC_CLIENT, reaching auth at the `AUTH_GRPC_URL` of the
 * calling app's own config namespace (`configKey`).
 */
export function authRpcClientModule(configKey: string | symbol): DynamicModule {
  return ClientsModule.registerAsync([
    {
      name: AUTH_RPC_CLIENT,
      inject: [configKey],
      useFactory: (config: { AUTH_GRPC_URL: string }) => authRpcOptions(config.AUTH_GRPC_URL),
    },
  ]);
}

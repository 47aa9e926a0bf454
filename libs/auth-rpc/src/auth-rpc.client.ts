import { DynamicModule, InjectionToken, Module } from '@nestjs/common';
import { ClientsModule } from '@nestjs/microservices';
import { z } from 'zod';
import { hostAndPort } from '@app/config-kit';
import { RequestContext } from '@app/request-context';
import { authRpcOptions } from './auth-rpc.options';
import { propagateRequestContext } from './context-propagation';

/** The injection token of the gRPC client that calls auth. */
export const AUTH_RPC_CLIENT = Symbol('AUTH_RPC_CLIENT');

/** Where the services that call auth reach it, for their config schemas. */
export const authRpcClientEnv = z.object({
  /** host:port of auth's gRPC server. */
  AUTH_GRPC_URL: hostAndPort,
});

export interface AuthRpcClientSettings {
  /** host:port of auth's gRPC server. */
  url: string;
}

export interface AuthRpcClientModuleOptions {
  inject?: InjectionToken[];
  useFactory: (...args: never[]) => AuthRpcClientSettings;
}

/**
 * Registers the auth gRPC client under AUTH_RPC_CLIENT. Every call it makes carries the request
 * context (the request id) in its metadata, so auth logs the id of the request that caused the call.
 */
@Module({})
export class AuthRpcClientModule {
  static registerAsync(options: AuthRpcClientModuleOptions): DynamicModule {
    const clients = ClientsModule.registerAsync([
      {
        name: AUTH_RPC_CLIENT,
        inject: [RequestContext, ...(options.inject ?? [])],
        useFactory: (context: RequestContext, ...config: unknown[]) => {
          const { transport, options: grpc } = authRpcOptions(options.useFactory(...(config as never[])).url);
          return {
            transport,
            options: { ...grpc, channelOptions: { interceptors: [propagateRequestContext(context)] } },
          };
        },
      },
    ]);
    return { module: AuthRpcClientModule, imports: [clients], exports: [clients] };
  }
}

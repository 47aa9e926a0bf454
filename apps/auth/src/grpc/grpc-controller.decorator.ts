import { applyDecorators, Controller, UseFilters, UseInterceptors } from '@nestjs/common';
import { rpcRequestContext } from '@app/request-context';
import { DomainErrorRpcFilter } from './domain-error.rpc-filter';
import { RpcLoggingInterceptor } from './rpc-logging.interceptor';

/**
 * A controller of gRPC methods with the edge every call passes: a request context from the caller's
 * metadata, one log line per call, and domain errors as gRPC statuses. (Global enhancers cannot do
 * this: a hybrid app's gRPC server takes its handlers before they could be registered.)
 */
export const GrpcController = () =>
  applyDecorators(
    Controller(),
    UseInterceptors(rpcRequestContext(), RpcLoggingInterceptor),
    UseFilters(DomainErrorRpcFilter),
  );

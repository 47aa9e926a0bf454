import type { ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { ClsInterceptor } from 'nestjs-cls';
import { REQUEST_ID_HEADER, resolveRequestId } from './request-id';

/**
 * The interceptor a gRPC server applies to every call: it opens the call's context with the request
 * id the caller sent in the metadata (or a new one), so the server logs it as the caller does.
 */
export function rpcRequestContext(): NestInterceptor {
  return new ClsInterceptor({
    generateId: true,
    idGenerator: (context: ExecutionContext) => {
      const [sent] = context.switchToRpc().getContext<Metadata>().get(REQUEST_ID_HEADER);
      return resolveRequestId(typeof sent === 'string' ? sent : undefined);
    },
  });
}

import type { IncomingMessage } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { ClsModule } from 'nestjs-cls';
import { RequestContext } from './request-context';
import { REQUEST_ID_HEADER, resolveRequestId } from './request-id';

/** The raw request as HTTP middleware sees it under Fastify, which has already resolved the request id. */
type RawRequest = IncomingMessage & { id?: string };

@Module({})
export class RequestContextModule {
  /**
   * Opens a context for every HTTP request, before guards, pipes and filters run, holding the request
   * id the HTTP app resolved from X-Request-Id. gRPC servers open theirs with `rpcRequestContext()`.
   */
  static forRoot(): DynamicModule {
    return {
      module: RequestContextModule,
      global: true,
      imports: [
        ClsModule.forRoot({
          middleware: {
            mount: true,
            generateId: true,
            idGenerator: (request: RawRequest) => request.id ?? resolveRequestId(request.headers[REQUEST_ID_HEADER]),
          },
        }),
      ],
      providers: [RequestContext],
      exports: [RequestContext],
    };
  }
}

import { DynamicModule, Module } from '@nestjs/common';
import { ClsModule } from 'nestjs-cls';
import { RequestContext } from './request-context';

/** The raw request as HTTP middleware sees it: Fastify has already resolved its id from X-Request-Id. */
interface RawRequest {
  id: string;
}

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
            idGenerator: (request: RawRequest) => request.id,
          },
        }),
      ],
      providers: [RequestContext],
      exports: [RequestContext],
    };
  }
}

import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { Observable, tap } from 'rxjs';

/** One structured log line per RPC, carrying the request id of the HTTP request that caused it. */
@Injectable()
export class RpcLoggingInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Rpc');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const metadata = context.switchToRpc().getContext<Metadata>();
    const requestId = metadata.get?.('x-request-id')[0]?.toString();
    const rpc = `${context.getClass().name}.${context.getHandler().name}`;
    const started = performance.now();
    const log = (outcome: string) =>
      this.logger.log(
        { requestId, rpc, outcome, durationMs: Math.round(performance.now() - started) },
        'rpc completed',
      );
    return next.handle().pipe(tap({ complete: () => log('ok'), error: () => log('error') }));
  }
}

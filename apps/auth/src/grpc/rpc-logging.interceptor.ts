import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Observable, tap } from 'rxjs';

/** One structured log line per RPC; the request context adds the id of the request that caused it. */
@Injectable()
export class RpcLoggingInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Rpc');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rpc = `${context.getClass().name}.${context.getHandler().name}`;
    const started = performance.now();
    const log = (outcome: string) =>
      this.logger.log({ rpc, outcome, durationMs: Math.round(performance.now() - started) }, 'rpc completed');
    return next.handle().pipe(tap({ complete: () => log('ok'), error: () => log('error') }));
  }
}

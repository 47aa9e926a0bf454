import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { status } from '@grpc/grpc-js';
import { Histogram } from 'prom-client';
import { Observable, tap } from 'rxjs';
import { DomainError, grpcStatusOf } from '@app/errors';

const callDuration = new Histogram({
  name: 'grpc_server_call_duration_seconds',
  help: 'Duration of gRPC calls auth served, by method and status code',
  labelNames: ['grpc_service', 'grpc_method', 'grpc_code'],
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
});

/**
 * One structured log line per RPC, and its duration in grpc_server_call_duration_seconds; the request
 * context adds the id of the request that caused it.
 */
@Injectable()
export class RpcLoggingInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Rpc');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rpc = `${context.getClass().name}.${context.getHandler().name}`;
    // grpc-js's call: its path is /package.Service/Method.
    const [, service = 'unknown', method = 'unknown'] = context
      .getArgByIndex<{ getPath(): string }>(2)
      .getPath()
      .split('/');
    const started = performance.now();
    const done = (outcome: string, code: status) => {
      const seconds = (performance.now() - started) / 1000;
      callDuration.observe({ grpc_service: service, grpc_method: method, grpc_code: status[code] }, seconds);
      this.logger.log({ rpc, outcome, durationMs: Math.round(seconds * 1000) }, 'rpc completed');
    };
    return next.handle().pipe(
      tap({
        complete: () => done('ok', status.OK),
        // As DomainErrorRpcFilter answers it.
        error: (error: unknown) => done('error', error instanceof DomainError ? grpcStatusOf(error) : status.INTERNAL),
      }),
    );
  }
}

import { Catch, Logger, RpcExceptionFilter } from '@nestjs/common';
import { status } from '@grpc/grpc-js';
import { throwError } from 'rxjs';
import { DomainError, grpcStatusOf } from '@app/errors';

/** The gRPC edge: domain errors become the gRPC status of their kind; anything else is INTERNAL with no detail. */
@Catch()
export class DomainErrorRpcFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger(DomainErrorRpcFilter.name);

  catch(error: unknown) {
    if (error instanceof DomainError) {
      return throwError(() => ({ code: grpcStatusOf(error), message: `${error.code}: ${error.message}` }));
    }
    this.logger.error({ err: error }, 'RPC failed');
    return throwError(() => ({ code: status.INTERNAL, message: 'INTERNAL_ERROR' }));
  }
}

import { ArgumentsHost, Catch, Logger, RpcExceptionFilter } from '@nestjs/common';
import { status } from '@grpc/grpc-js';
import { throwError } from 'rxjs';
import { DomainError, InvalidInputError, NotFoundError, UnauthenticatedError } from '@app/errors';

/** The gRPC edge: domain errors become gRPC status codes; anything else is INTERNAL with no detail. */
@Catch()
export class DomainErrorRpcFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger(DomainErrorRpcFilter.name);

  catch(error: unknown, _host: ArgumentsHost) {
    if (error instanceof DomainError) {
      return throwError(() => ({ code: grpcStatusOf(error), message: `${error.code}: ${error.message}` }));
    }
    this.logger.error({ err: error }, 'RPC failed');
    return throwError(() => ({ code: status.INTERNAL, message: 'INTERNAL_ERROR' }));
  }
}

function grpcStatusOf(error: DomainError): status {
  if (error instanceof UnauthenticatedError) return status.UNAUTHENTICATED;
  if (error instanceof InvalidInputError) return status.INVALID_ARGUMENT;
  if (error instanceof NotFoundError) return status.NOT_FOUND;
  return status.FAILED_PRECONDITION;
}

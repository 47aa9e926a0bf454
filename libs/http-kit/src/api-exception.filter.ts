import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@app/errors';
import { toErrorResponse } from './error-response';

/** Every error a route raises, including Fastify's own (bad JSON, oversized body), leaves in the API's shape. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const { body, headers } = toErrorResponse(error, request.id);
    this.log(error, body.statusCode);
    void http.getResponse<FastifyReply>().status(body.statusCode).headers(headers).send(body);
  }

  /**
   * A bug is logged with its stack. A dependency found unreachable is one line naming it, without a stack:
   * during an outage every request fails the same way. A domain error has said all there is to say in
   * the response, which the request's own log line records.
   */
  private log(error: unknown, statusCode: number): void {
    if (statusCode < 500 || error instanceof DomainError) return;
    if (statusCode === 500) {
      this.logger.error({ err: error }, 'Request failed');
      return;
    }
    const { name, message, code } = error as { name?: string; message?: string; code?: string };
    this.logger.warn({ dependencyError: { name, message, code } }, 'A dependency is unreachable');
  }
}

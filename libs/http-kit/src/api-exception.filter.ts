import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorResponse } from './error-response';

/** Every error a route raises, including Fastify's own (bad JSON, oversized body), leaves in the API's shape. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const { body, headers } = toErrorResponse(error, request.id);
    if (body.statusCode >= 500) {
      this.logger.error({ err: error }, 'Request failed');
    }
    void http.getResponse<FastifyReply>().status(body.statusCode).headers(headers).send(body);
  }
}

import { HttpException, HttpStatus } from '@nestjs/common';
import {
  DomainError,
  httpStatusOf,
  isUnreachableDependency,
  RateLimitedError,
  UpstreamUnavailableError,
} from '@app/errors';
import { BODY_LIMIT_BYTES } from './request-limits';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  requestId: string;
  details?: Record<string, unknown>;
}

export interface ErrorResponse {
  body: ErrorBody;
  headers: Record<string, string>;
}

/** Errors Fastify raises before a route handler runs (body parsing, content type). */
const FASTIFY_ERRORS: Record<string, { status: HttpStatus; code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: HttpStatus.BAD_REQUEST,
    code: 'MALFORMED_JSON',
    message: 'The request body is not valid JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: HttpStatus.BAD_REQUEST,
    code: 'MALFORMED_JSON',
    message: 'The request body is empty',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: HttpStatus.PAYLOAD_TOO_LARGE,
    code: 'PAYLOAD_TOO_LARGE',
    message: `The request body is larger than ${BODY_LIMIT_BYTES} bytes`,
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: HttpStatus.BAD_REQUEST,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Send the body as application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: HttpStatus.BAD_REQUEST,
    code: 'MALFORMED_REQUEST',
    message: 'The content length is wrong',
  },
  FST_ERR_BAD_URL: { status: HttpStatus.BAD_REQUEST, code: 'MALFORMED_PATH', message: 'The path is not a valid URL' },
};

/** The code of an HttpException (Nest's or Fastify's) by its status, as no domain error names it. */
const HTTP_STATUS_CODES: Record<number, string> = {
  [HttpStatus.BAD_REQUEST]: 'BAD_REQUEST',
  [HttpStatus.UNAUTHORIZED]: 'UNAUTHENTICATED',
  [HttpStatus.FORBIDDEN]: 'FORBIDDEN',
  [HttpStatus.NOT_FOUND]: 'ROUTE_NOT_FOUND',
  [HttpStatus.METHOD_NOT_ALLOWED]: 'METHOD_NOT_ALLOWED',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'PAYLOAD_TOO_LARGE',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'UNSUPPORTED_MEDIA_TYPE',
  [HttpStatus.TOO_MANY_REQUESTS]: 'RATE_LIMITED',
};

/**
 * The one place where any error becomes the API's error shape
 * `{statusCode, code, message, requestId, details?}`. An unreachable database or service becomes a 503;
 * other unknown errors become a 500 with no detail.
 */
export function toErrorResponse(error: unknown, requestId: string): ErrorResponse {
  if (error instanceof DomainError) {
    const statusCode = httpStatusOf(error);
    const headers: Record<string, string> =
      error instanceof RateLimitedError ? { 'retry-after': String(error.retryAfterSeconds) } : {};
    return { body: body(statusCode, error.code, error.message, requestId, error.details), headers };
  }
  // Nest hands Fastify's own errors (bad JSON, oversized body) over as HttpExceptions caused by them.
  const fastifyError = fastifyErrorOf(error) ?? fastifyErrorOf((error as { cause?: unknown } | null)?.cause);
  if (fastifyError) {
    return { body: body(fastifyError.status, fastifyError.code, fastifyError.message, requestId), headers: {} };
  }
  if (error instanceof HttpException) {
    const statusCode = error.getStatus();
    return {
      body: body(statusCode, HTTP_STATUS_CODES[statusCode] ?? 'HTTP_ERROR', error.message, requestId),
      headers: {},
    };
  }
  const status = clientErrorStatusOf(error);
  if (status) {
    return {
      body: body(status, HTTP_STATUS_CODES[status] ?? 'BAD_REQUEST', 'The request is malformed', requestId),
      headers: {},
    };
  }
  if (isUnreachableDependency(error)) return toErrorResponse(new UpstreamUnavailableError(), requestId);
  return {
    body: body(HttpStatus.INTERNAL_SERVER_ERROR, 'INTERNAL_ERROR', 'Something went wrong', requestId),
    headers: {},
  };
}

function fastifyErrorOf(error: unknown) {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? FASTIFY_ERRORS[code] : undefined;
}

/** Other 4xx errors Fastify and its plugins raise carry their status; keep it rather than answer 500. */
function clientErrorStatusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function body(
  statusCode: number,
  code: string,
  message: string,
  requestId: string,
  details?: Record<string, unknown>,
): ErrorBody {
  return details ? { statusCode, code, message, requestId, details } : { statusCode, code, message, requestId };
}

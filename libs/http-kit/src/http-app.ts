import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { INestApplication, INestApplicationContext, NestApplicationOptions, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger as PinoLogger } from 'nestjs-pino';
import {
  errorCodes,
  type FastifyError,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerFactoryHandler,
} from 'fastify';
import { REQUEST_ID_HEADER, resolveRequestId } from '@app/request-context';
import { inServerSpan } from '@app/tracing';
import { ApiExceptionFilter } from './api-exception.filter';
import { answerClientError, HEADERS_TOO_LARGE } from './client-errors';
import { closeConnectionsOnShutdown } from './close-connections-on-shutdown';
import { toErrorResponse } from './error-response';
import { addSecurityHeaders } from './security-headers';
import {
  BODY_LIMIT_BYTES,
  DRAIN_LIMIT_BYTES,
  headerBytes,
  HEADER_LIMIT_BYTES,
  PARSER_HEADER_LIMIT_BYTES,
} from './request-limits';
import { createValidationPipe } from './validation';

export interface HttpAppOptions {
  /** Name shown in the OpenAPI document. */
  title: string;
  /** Where the OpenAPI document is served, e.g. `/auth/openapi.json`. */
  openApiPath: string;
  /** Milliseconds an idle keep-alive connection is kept; must exceed the load balancer's idle timeout. */
  keepAliveTimeoutMs: number;
  /** How many proxies' X-Forwarded-For entries to trust when telling the client's address. */
  trustedProxyHops: number;
  /** A folder of files to serve as they are from `/` (the monolith's web page). */
  staticRoot?: string;
}

export function createHttpAdapter({ keepAliveTimeoutMs, trustedProxyHops }: HttpAppOptions): FastifyAdapter {
  return new FastifyAdapter({
    // Node's server made here rather than by Fastify, so that each request is served in a span of its own
    // when the app traces: one span, started and ended here, costs a fraction of what the HTTP
    // instrumentation's does, which wraps every listener of the request and the response.
    serverFactory: (handler: FastifyServerFactoryHandler) =>
      createServer(
        {
          maxHeaderSize: PARSER_HEADER_LIMIT_BYTES,
          keepAliveTimeout: keepAliveTimeoutMs,
          // Headers must arrive within the keep-alive window, or a slow client could hold a socket forever.
          requestTimeout: keepAliveTimeoutMs + 5_000,
        },
        (request: IncomingMessage, response: ServerResponse) =>
          inServerSpan(request, response, () => handler(request, response)),
      ),
    trustProxy: (_address: string, hop: number) => hop < trustedProxyHops,
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: (request: IncomingMessage) => resolveRequestId(request.headers[REQUEST_ID_HEADER]),
    logger: false,
    // While closing, requests still arriving on open connections are served, each closing its connection
    // (closeConnectionsOnShutdown), rather than refused with Fastify's own 503 body.
    return503OnClosing: false,
    clientErrorHandler: answerClientError,
    // A URL the router cannot decode: the API's 400, not Fastify's body.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const { body } = toErrorResponse(error, request.id);
      void reply.status(body.statusCode).send(body);
    },
  });
}

export async function createHttpApp(
  module: Type<unknown>,
  options: HttpAppOptions,
  nestOptions: NestApplicationOptions = {},
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(module, createHttpAdapter(options), {
    bufferLogs: true,
    ...nestOptions,
  });
  await configureHttpApp(app, options);
  return app;
}

/**
 * Everything `main.ts` applies to an app, in one function the e2e tests call too, so that the tests
 * exercise the same pipes, filters and hooks production runs.
 */
export async function configureHttpApp(app: NestFastifyApplication, options: HttpAppOptions): Promise<void> {
  runsAsService(app);
  await addSecurityHeaders(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    if (headerBytes(request.raw) > HEADER_LIMIT_BYTES) {
      return reply.status(HEADERS_TOO_LARGE.statusCode).send({ ...HEADERS_TOO_LARGE, requestId: request.id });
    }
  });
  closeConnectionsOnShutdown(fastify);
  fastify.addHook('preParsing', async (request) => {
    // Refused here, unread, the body is then read to its end and dropped by Node, so the connection stays
    // usable; Fastify's own refusal would close it under a client still sending, which may then lose the 413.
    const declared = Number(request.headers['content-length']);
    if (declared > BODY_LIMIT_BYTES && declared <= DRAIN_LIMIT_BYTES) throw new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE();
  });

  if (options.staticRoot) {
    // One route per file found at start, so that the API's own routes and 404s stay untouched.
    app.useStaticAssets({ root: options.staticRoot, prefix: '/', wildcard: false });
  }
  publishOpenApi(app, options);
}

/** The logs and the shutdown every app has, HTTP service or not. */
export function runsAsService(app: INestApplicationContext): void {
  app.useLogger(app.get(PinoLogger));
  // Exits 0 once drained, rather than re-raising the signal: a container's PID 1 ignores a re-raised SIGTERM.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
}

function publishOpenApi(app: INestApplication, options: HttpAppOptions): void {
  const config = new DocumentBuilder().setTitle(options.title).addBearerAuth().build();
  const document = SwaggerModule.createDocument(app, config);
  app
    .getHttpAdapter()
    .get(options.openApiPath, (_request: unknown, reply: { send(body: unknown): void }) => reply.send(document));
}

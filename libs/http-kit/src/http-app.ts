import type { IncomingMessage } from 'node:http';
import { INestApplication, NestApplicationOptions, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger as PinoLogger } from 'nestjs-pino';
import { REQUEST_ID_HEADER, resolveRequestId } from '@app/request-context';
import { ApiExceptionFilter } from './api-exception.filter';
import { closeConnectionsOnShutdown } from './close-connections-on-shutdown';
import { createValidationPipe } from './validation';

/** JSON bodies of this API are small; anything bigger is refused before it is parsed. */
export const BODY_LIMIT_BYTES = 16 * 1024;

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
    trustProxy: (_address: string, hop: number) => hop < trustedProxyHops,
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: (request: IncomingMessage) => resolveRequestId(request.headers[REQUEST_ID_HEADER]),
    keepAliveTimeout: keepAliveTimeoutMs,
    // Headers must arrive within the keep-alive window, or a slow client could hold a socket forever.
    requestTimeout: keepAliveTimeoutMs + 5_000,
    logger: false,
    return503OnClosing: true,
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
  configureHttpApp(app, options);
  return app;
}

/**
 * Everything `main.ts` applies to an app, in one function the e2e tests call too, so that the tests
 * exercise the same pipes, filters and hooks production runs.
 */
export function configureHttpApp(app: NestFastifyApplication, options: HttpAppOptions): void {
  app.useLogger(app.get(PinoLogger));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  // Exits 0 once drained, rather than re-raising the signal: a container's PID 1 ignores a re-raised SIGTERM.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
  });
  closeConnectionsOnShutdown(fastify);

  if (options.staticRoot) {
    // One route per file found at start, so that the API's own routes and 404s stay untouched.
    app.useStaticAssets({ root: options.staticRoot, prefix: '/', wildcard: false });
  }
  publishOpenApi(app, options);
}

function publishOpenApi(app: INestApplication, options: HttpAppOptions): void {
  const config = new DocumentBuilder().setTitle(options.title).addBearerAuth().build();
  const document = SwaggerModule.createDocument(app, config);
  app
    .getHttpAdapter()
    .get(options.openApiPath, (_request: unknown, reply: { send(body: unknown): void }) => reply.send(document));
}

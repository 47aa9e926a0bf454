import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import replyFrom from '@fastify/reply-from';
import Fastify, { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { InjectMetric, makeCounterProvider } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';
import { UpstreamUnavailableError } from '@app/errors';
import { closeConnectionsOnShutdown, ErrorBody, toErrorResponse } from '@app/http-kit';
import { REQUEST_ID_HEADER, RequestContext, resolveRequestId } from '@app/request-context';
import { gatewayConfig, GatewayConfig, upstreams } from '../config';
import { RouteTable } from '../routing';

const ROUTED_REQUESTS = 'gateway_routed_requests_total';

export const routedRequestsCounter = makeCounterProvider({
  name: ROUTED_REQUESTS,
  help: 'Requests routed by the gateway, by Ingress path and backend',
  labelNames: ['path', 'backend', 'status_code'],
});

/**
 * The local stand-in for the ALB: a proxy on PORT that routes by the Ingress manifest's rules,
 * answers fixed-response actions itself, and passes X-Request-Id and X-Forwarded-For on.
 */
@Injectable()
export class GatewayServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(GatewayServer.name);
  private readonly upstreams: Map<string, string>;
  private server?: FastifyInstance;

  constructor(
    @Inject(gatewayConfig.KEY) private readonly config: GatewayConfig,
    @InjectMetric(ROUTED_REQUESTS) private readonly routed: Counter,
    private readonly table: RouteTable,
    private readonly context: RequestContext,
  ) {
    this.upstreams = upstreams(config);
    const missing = this.table.services().filter((service) => !this.upstreams.has(service));
    if (missing.length) throw new Error(`No upstream URL for Ingress backend(s): ${missing.join(', ')}`);
  }

  async onApplicationBootstrap(): Promise<void> {
    const server = Fastify({
      genReqId: (request) => resolveRequestId(request.headers[REQUEST_ID_HEADER]),
      keepAliveTimeout: this.config.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      return503OnClosing: true,
    });
    await server.register(replyFrom, {
      retryMethods: [],
      undici: {
        connections: 128,
        connect: { timeout: this.config.UPSTREAM_CONNECT_TIMEOUT_MS },
        headersTimeout: this.config.UPSTREAM_TIMEOUT_MS,
        bodyTimeout: this.config.UPSTREAM_TIMEOUT_MS,
      },
    });
    closeConnectionsOnShutdown(server);
    // Bodies are streamed to the upstream untouched; the services parse and validate them.
    server.removeAllContentTypeParsers();
    server.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    // Each routed request runs in a request context of its own, so that what is logged carries its id.
    const route = (request: FastifyRequest, reply: FastifyReply) =>
      this.context.runFor(request.id, () => this.route(request, reply));
    server.all('/*', route);
    server.all('/', route);

    await server.listen({ port: this.config.PORT, host: this.config.HOST });
    this.server = server;
    this.logger.log(
      `Routing ${this.table.routes.length} Ingress paths on http://${this.config.HOST}:${this.config.PORT}`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server?.close();
  }

  private route(request: FastifyRequest, reply: FastifyReply) {
    const route = this.table.match(request.url);
    const backend = !route ? 'none' : route.target.kind === 'service' ? route.target.service : 'fixed-response';
    reply.raw.once('finish', () =>
      this.routed.inc({ path: route?.path ?? 'unmatched', backend, status_code: reply.statusCode }),
    );
    void reply.header(REQUEST_ID_HEADER, request.id);
    if (!route) {
      return reply.status(404).send(errorBody(404, 'ROUTE_NOT_FOUND', 'No route matches this path', request.id));
    }
    if (route.target.kind === 'fixed-response') {
      const { statusCode, contentType, messageBody } = route.target.response;
      return reply.status(statusCode).type(contentType).send(messageBody);
    }
    return this.proxy(request, reply, route.target.service);
  }

  private proxy(request: FastifyRequest, reply: FastifyReply, service: string) {
    return reply.from(`${this.upstreams.get(service)}${request.url}`, {
      rewriteRequestHeaders: (original, headers) => ({
        ...headers,
        [REQUEST_ID_HEADER]: original.id,
        'x-forwarded-for': [headers['x-forwarded-for'], original.ip].filter(Boolean).join(', '),
        'x-forwarded-proto': original.protocol,
      }),
      onError: (failed, { error }) => {
        this.logger.warn({ upstream: service, err: error }, 'Upstream failed');
        const timedOut = /timeout/i.test(`${error.name} ${String((error as { code?: string }).code)}`);
        const body = timedOut
          ? errorBody(504, 'UPSTREAM_TIMEOUT', `${service} did not answer in time`, request.id)
          : toErrorResponse(new UpstreamUnavailableError(), request.id).body;
        void failed.status(body.statusCode).send(body);
      },
    });
  }
}

function errorBody(statusCode: number, code: string, message: string, requestId: string): ErrorBody {
  return { statusCode, code, message, requestId };
}

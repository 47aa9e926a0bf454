import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectMetric, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import type { Histogram } from 'prom-client';
import { errors, Pool } from 'undici';
import {
  answerClientError,
  BODY_LIMIT_BYTES,
  DRAIN_LIMIT_BYTES,
  ErrorBody,
  headerBytes,
  HEADER_LIMIT_BYTES,
  HEADERS_TOO_LARGE,
  PARSER_HEADER_LIMIT_BYTES,
} from '@app/http-kit';
import { redactedUrl } from '@app/observability';
import { REQUEST_ID_HEADER, RequestContext, resolveRequestId } from '@app/request-context';
import { inServerSpan, nameServerSpan } from '@app/tracing';
import { gatewayConfig, GatewayConfig, upstreams } from '../config';
import { FixedResponse, Route, routablePath, RouteTable } from '../routing';
import { BodyLimit, BodyTooLargeError, declaredLength, forwardedHeaders, returnedHeaders } from './forwarding';
import { JSON_CONTENT_TYPE, send, sendError } from './gateway-responses';

const ROUTED_REQUESTS = 'gateway_routed_request_duration_seconds';

export const routedRequestsHistogram = makeHistogramProvider({
  name: ROUTED_REQUESTS,
  help: 'Duration of requests the gateway routed, by Ingress path and backend, from request to response end',
  labelNames: ['ingress_path', 'backend', 'status_code'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
});

type Refusal = Omit<ErrorBody, 'requestId'>;

/** What the gateway does with the requests one Ingress path matches, worked out once at start. */
interface RoutePlan {
  path: string;
  backend: string;
  pool?: Pool;
  timeoutMs: number;
  fixed?: FixedResponse & { json?: Record<string, unknown> };
  /** Per status code, made at its first use: labels() costs a lookup that each request need not repeat. */
  histograms: Map<number, Histogram.Internal<string>>;
}

/**
 * The local stand-in for the ALB: a node:http server on PORT that routes by the Ingress manifest's rules
 * (matched on the path as the services decode it), answers fixed-response actions itself, and forwards
 * the rest through an undici pool per backend, adding X-Request-Id and X-Forwarded-For. Every answer it
 * makes itself has the API's error shape. Node's server is used directly, not a framework's: a proxy
 * needs the raw exchange (100-continue, a body refused before it is read, the connection after it).
 */
@Injectable()
export class GatewayServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(GatewayServer.name);
  private readonly server: Server;
  private readonly pools = new Map<string, Pool>();
  private readonly plans = new Map<Route, RoutePlan>();
  private readonly unmatched: RoutePlan;
  /** When each request in flight arrived (performance.now()), for the routed duration. */
  private readonly arrivals = new WeakMap<ServerResponse, number>();
  /** Requests sent with Expect: 100-continue that got no 100: Node's server closes their connection. */
  private readonly continueWithheld = new WeakSet<IncomingMessage>();
  private closing = false;

  constructor(
    @Inject(gatewayConfig.KEY) private readonly config: GatewayConfig,
    @InjectMetric(ROUTED_REQUESTS) private readonly routed: Histogram,
    private readonly table: RouteTable,
    private readonly context: RequestContext,
  ) {
    const urls = upstreams(config);
    const missing = table.services().filter((service) => !urls.has(service));
    if (missing.length) throw new Error(`No upstream URL for Ingress backend(s): ${missing.join(', ')}`);
    // An Ingress that sends nothing upstream (maintenance: fixed responses only) has no route a timeout
    // could apply to, so the default like timeout does not stop it.
    const proxies = table.services().length > 0;
    for (const path of proxies ? config.UPSTREAM_ROUTE_TIMEOUTS_MS.keys() : []) {
      if (!table.routes.some((route) => route.path === path)) {
        throw new Error(`UPSTREAM_ROUTE_TIMEOUTS_MS: ${path} is not a path of ${config.INGRESS_MANIFEST}`);
      }
    }
    for (const service of table.services()) {
      this.pools.set(
        service,
        new Pool(urls.get(service) ?? '', {
          connections: 128,
          connect: { timeout: config.UPSTREAM_CONNECT_TIMEOUT_MS },
        }),
      );
    }
    for (const route of table.routes) this.plans.set(route, this.plan(route));
    this.unmatched = { path: 'unmatched', backend: 'none', timeoutMs: 0, histograms: new Map() };

    this.server = createServer(
      {
        keepAliveTimeout: config.HTTP_KEEP_ALIVE_TIMEOUT_MS,
        maxHeaderSize: PARSER_HEADER_LIMIT_BYTES,
        // The whole request, body included, must arrive within this, or a slow client could hold a socket forever.
        requestTimeout: config.HTTP_KEEP_ALIVE_TIMEOUT_MS + 5_000,
      },
      (request, response) => this.handle(request, response),
    );
    // Expect: 100-continue: refuse a body that is too large, or comes with too large headers, before the
    // client sends it.
    this.server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => {
      if ((declaredLength(request) ?? 0) <= BODY_LIMIT_BYTES && headerBytes(request) <= HEADER_LIMIT_BYTES) {
        response.writeContinue();
      } else {
        this.continueWithheld.add(request);
      }
      this.handle(request, response);
    });
    this.server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) =>
      sendError(request, response, resolveRequestId(request.headers[REQUEST_ID_HEADER]), {
        statusCode: 417,
        code: 'EXPECTATION_FAILED',
        message: 'Only Expect: 100-continue is supported',
      }),
    );
    this.server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
      if (error.code !== 'ECONNRESET') {
        this.logger.log(
          { code: error.code, reason: error.message },
          'Refused a request the HTTP parser could not read',
        );
      }
      answerClientError(error, socket);
    });
  }

  /** Whether the proxy accepts connections (the gateway's readiness). */
  get listening(): boolean {
    return this.server.listening;
  }

  async onApplicationBootstrap(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject).listen(this.config.PORT, this.config.HOST, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.logger.log(
      `Routing ${this.table.routes.length} Ingress paths on http://${this.config.HOST}:${this.config.PORT}`,
    );
  }

  /** Stops accepting, lets the requests in flight finish (each closing its connection), then closes the pools. */
  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    await new Promise((resolve) => this.server.close(resolve));
    await Promise.all([...this.pools.values()].map((pool) => pool.close()));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    this.arrivals.set(response, performance.now());
    const requestId = resolveRequestId(request.headers[REQUEST_ID_HEADER]);
    // Each request runs in a request context of its own, so that what is logged carries its id, and in a
    // span of its own when the gateway traces.
    inServerSpan(request, response, () =>
      this.context.runFor(requestId, () => this.route(request, response, requestId)),
    );
  }

  private route(request: IncomingMessage, response: ServerResponse, requestId: string): void {
    if (headerBytes(request) > HEADER_LIMIT_BYTES) {
      this.refuse(request, response, requestId, this.unmatched, HEADERS_TOO_LARGE);
      return;
    }
    const target = routablePath(request.url ?? '');
    if (target.refused) {
      this.refuse(request, response, requestId, this.unmatched, {
        statusCode: 400,
        code: target.code,
        message: target.message,
      });
      return;
    }
    const route = this.table.match(target.path);
    const plan = route ? this.plans.get(route) : undefined;
    if (plan) nameServerSpan(request.method ?? 'GET', plan.path);
    if (!plan) {
      this.refuse(request, response, requestId, this.unmatched, {
        statusCode: 404,
        code: 'ROUTE_NOT_FOUND',
        message: 'No route matches this path',
      });
    } else if (plan.fixed) {
      this.answerFixed(request, response, requestId, plan, plan.fixed);
    } else if ((declaredLength(request) ?? 0) > BODY_LIMIT_BYTES) {
      this.refuse(request, response, requestId, plan, payloadTooLarge());
    } else {
      this.forward(request, response, requestId, plan);
    }
  }

  private forward(request: IncomingMessage, response: ServerResponse, requestId: string, plan: RoutePlan): void {
    // The body goes through a stream of its own, so that what undici does to it never touches the client's socket.
    let body: BodyLimit | null = null;
    if (declaredLength(request) !== 0) {
      body = request.pipe(new BodyLimit(BODY_LIMIT_BYTES));
      request.once('error', (error) => body?.destroy(error));
    }
    plan.pool?.stream(
      {
        path: request.url ?? '/',
        method: request.method as 'GET',
        headers: forwardedHeaders(request, this.context.outgoingHeaders()),
        body,
        headersTimeout: plan.timeoutMs,
        bodyTimeout: plan.timeoutMs,
      },
      ({ statusCode, headers }) => {
        response.writeHead(statusCode, returnedHeaders(headers, requestId, this.mustClose(request)));
        return response;
      },
      (error) => {
        if (error) this.failed(request, response, requestId, plan, error);
        else this.settled(request, response, plan);
      },
    );
  }

  private failed(
    request: IncomingMessage,
    response: ServerResponse,
    requestId: string,
    plan: RoutePlan,
    error: Error,
  ): void {
    if (response.headersSent || request.destroyed) {
      // Mid-answer, or the client has gone: nothing can be said any more.
      response.destroy();
      this.count(plan, response, response.headersSent ? response.statusCode : 499);
      return;
    }
    if (error instanceof BodyTooLargeError) {
      this.refuse(request, response, requestId, plan, payloadTooLarge());
      return;
    }
    const timedOut = error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError;
    this.logger.warn(
      { upstream: plan.backend, error: (error as NodeJS.ErrnoException).code ?? error.name },
      timedOut ? 'Upstream did not answer in time' : 'Upstream unavailable',
    );
    this.refuse(
      request,
      response,
      requestId,
      plan,
      timedOut
        ? { statusCode: 504, code: 'UPSTREAM_TIMEOUT', message: `${plan.backend} did not answer in time` }
        : {
            statusCode: 503,
            code: 'UPSTREAM_UNAVAILABLE',
            message: 'A service this request depends on is unavailable; try again shortly',
          },
    );
  }

  private refuse(
    request: IncomingMessage,
    response: ServerResponse,
    requestId: string,
    plan: RoutePlan,
    refusal: Refusal,
  ): void {
    if (refusal.statusCode < 500) {
      this.logger.log(
        { method: request.method, url: redactedUrl(request.url ?? ''), code: refusal.code },
        'Refused a request',
      );
    }
    sendError(request, response, requestId, refusal, this.mustClose(request));
    this.settled(request, response, plan);
  }

  private answerFixed(
    request: IncomingMessage,
    response: ServerResponse,
    requestId: string,
    plan: RoutePlan,
    fixed: NonNullable<RoutePlan['fixed']>,
  ): void {
    const body = fixed.json ? JSON.stringify({ ...fixed.json, requestId }) : fixed.messageBody;
    const headers = { 'content-type': fixed.json ? JSON_CONTENT_TYPE : fixed.contentType };
    send(request, response, requestId, fixed.statusCode, headers, body, this.mustClose(request));
    this.settled(request, response, plan);
  }

  /**
   * Whether the answer must close the connection: while shutting down, when the client waits for a 100 it
   * did not get (it may never send the body it announced), and when the client's body has not been read to
   * its end and declares more than can be read and dropped.
   */
  private mustClose(request: IncomingMessage): boolean {
    if (this.closing || this.continueWithheld.has(request)) return true;
    return !request.complete && (declaredLength(request) ?? 0) > DRAIN_LIMIT_BYTES;
  }

  /**
   * Once answered: what is left of the client's body is read and dropped, so that the next request on
   * the connection is read from its start, and a client still sending does not lose the answer to a reset.
   * At most DRAIN_LIMIT_BYTES are dropped (a body sent chunked, or one declared larger, whose answer closes
   * the connection); past that, the connection is closed at once.
   */
  private settled(request: IncomingMessage, response: ServerResponse, plan: RoutePlan): void {
    if (!request.complete) {
      request.unpipe();
      let dropped = 0;
      request.on('data', (chunk: Buffer) => {
        dropped += chunk.length;
        if (dropped > DRAIN_LIMIT_BYTES) request.socket.destroy();
      });
      request.resume();
    }
    this.count(plan, response, response.statusCode);
  }

  private count(plan: RoutePlan, response: ServerResponse, statusCode: number): void {
    let histogram = plan.histograms.get(statusCode);
    if (!histogram) {
      histogram = this.routed.labels(plan.path, plan.backend, String(statusCode));
      plan.histograms.set(statusCode, histogram);
    }
    const arrived = this.arrivals.get(response);
    if (arrived !== undefined) histogram.observe((performance.now() - arrived) / 1000);
  }

  private plan(route: Route): RoutePlan {
    const histograms = new Map<number, Histogram.Internal<string>>();
    if (route.target.kind === 'fixed-response') {
      const fixed = route.target.response;
      return {
        path: route.path,
        backend: 'fixed-response',
        timeoutMs: 0,
        fixed: { ...fixed, json: jsonObject(fixed) },
        histograms,
      };
    }
    return {
      path: route.path,
      backend: route.target.service,
      pool: this.pools.get(route.target.service),
      timeoutMs: this.config.UPSTREAM_ROUTE_TIMEOUTS_MS.get(route.path) ?? this.config.UPSTREAM_TIMEOUT_MS,
      histograms,
    };
  }
}

function payloadTooLarge(): Refusal {
  return {
    statusCode: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: `The request body is larger than ${BODY_LIMIT_BYTES} bytes`,
  };
}

/** A fixed response with a JSON object body gets the request id added, as every error of the API has one. */
function jsonObject(fixed: FixedResponse): Record<string, unknown> | undefined {
  if (!fixed.contentType.startsWith('application/json')) return undefined;
  try {
    const parsed: unknown = JSON.parse(fixed.messageBody);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

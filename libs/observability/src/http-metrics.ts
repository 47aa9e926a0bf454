import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectMetric, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import type { FastifyInstance } from 'fastify';
import type { Histogram } from 'prom-client';

const REQUEST_DURATION = 'http_server_request_duration_seconds';

export const requestDurationHistogram = makeHistogramProvider({
  name: REQUEST_DURATION,
  help: 'Duration of HTTP requests handled by this service',
  labelNames: ['method', 'route', 'status_code'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
});

/** Observes every response, including those Fastify answers before a route runs. */
@Injectable()
export class HttpMetrics implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @InjectMetric(REQUEST_DURATION) private readonly duration: Histogram,
  ) {}

  onModuleInit(): void {
    // An app with no HTTP API of its own (the gateway's proxy is not a Nest server) has nothing to observe here.
    const adapter = this.adapterHost.httpAdapter as HttpAdapterHost['httpAdapter'] | undefined;
    adapter?.getInstance<FastifyInstance>().addHook('onResponse', async (request, reply) => {
      this.duration.observe(
        { method: request.method, route: request.routeOptions.url ?? 'unmatched', status_code: reply.statusCode },
        reply.elapsedTime / 1000,
      );
    });
  }
}

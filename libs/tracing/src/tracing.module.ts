import { Injectable, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { nameServerSpan } from './server-span';
import { stopTracing, tracingStarted } from './start-tracing';

@Injectable()
class TracingLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    // An app with no Nest HTTP server (the gateway's proxy) names its spans itself.
    const adapter = this.adapterHost.httpAdapter as HttpAdapterHost['httpAdapter'] | undefined;
    if (!tracingStarted() || !adapter) return;
    adapter.getInstance<FastifyInstance>().addHook('onRequest', async (request) => {
      const route = request.routeOptions.url;
      if (route) nameServerSpan(request.method, route);
    });
  }

  onApplicationShutdown(): Promise<void> {
    return stopTracing();
  }
}

/**
 * For an app that called `startTracing`: names each HTTP server span after its route, and exports the
 * last spans when the app shuts down (Nest runs this after the server has finished its requests).
 */
@Module({ providers: [TracingLifecycle] })
export class TracingModule {}

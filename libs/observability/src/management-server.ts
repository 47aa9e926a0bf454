import type { AddressInfo } from 'node:net';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  ServiceUnavailableException,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { HealthCheckService, HealthIndicatorFunction, HealthIndicatorService } from '@nestjs/terminus';
import Fastify, { FastifyInstance } from 'fastify';
import { register } from 'prom-client';
import { NotFoundError } from '@app/errors';
import { toErrorResponse } from '@app/http-kit';
import { REQUEST_ID_HEADER, resolveRequestId } from '@app/request-context';
import { ReadinessProbe } from './readiness-probe';

export interface ManagementSettings {
  host: string;
  port: number;
}

export const MANAGEMENT_SETTINGS = Symbol('MANAGEMENT_SETTINGS');

/**
 * The app's management port: `/health/live` (the process answers), `/health/ready` (the app serves and
 * its dependencies answer) and `/metrics`, on a Fastify server of their own. The API's server has none
 * of these routes, so no path the edge lets through can reach them; the kubelet, the ALB's health check
 * and Prometheus come here directly.
 */
@Injectable()
export class ManagementServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ManagementServer.name);
  private readonly server: FastifyInstance;

  constructor(
    @Inject(MANAGEMENT_SETTINGS) private readonly settings: ManagementSettings,
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ReadinessProbe,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    this.server = Fastify({
      genReqId: (request) => resolveRequestId(request.headers[REQUEST_ID_HEADER]),
      forceCloseConnections: true,
    });
  }

  /** Where it listens, e.g. http://127.0.0.1:9001. */
  get url(): string {
    const { port } = this.server.server.address() as AddressInfo;
    return `http://${this.settings.host === '0.0.0.0' ? '127.0.0.1' : this.settings.host}:${port}`;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.server.get('/health/live', async () => ({ status: 'ok' }));
    this.server.get('/health/ready', async (_request, reply) => {
      try {
        return await this.health.check([this.apiListening, ...this.readiness.checks()]);
      } catch (error) {
        if (!(error instanceof ServiceUnavailableException)) throw error;
        return reply.status(503).send(error.getResponse());
      }
    });
    this.server.get('/metrics', async (_request, reply) =>
      reply.type(register.contentType).send(await register.metrics()),
    );
    this.server.setNotFoundHandler((request, reply) => {
      const { body } = toErrorResponse(
        new NotFoundError('ROUTE_NOT_FOUND', 'The management port serves /health/live, /health/ready and /metrics'),
        request.id,
      );
      return reply.status(body.statusCode).send(body);
    });
    await this.server.listen({ host: this.settings.host, port: this.settings.port });
    this.logger.log(`Health and metrics on ${this.url}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server.close();
  }

  /** Ready only once the API's own port listens (apps without an HTTP API, like the gateway, check their own). */
  private readonly apiListening: HealthIndicatorFunction = () => {
    const indicator = this.indicators.check('http');
    const adapter = this.adapterHost.httpAdapter as HttpAdapterHost['httpAdapter'] | undefined;
    const server = adapter?.getHttpServer() as { listening: boolean } | undefined;
    return !server || server.listening ? indicator.up() : indicator.down({ message: 'not listening yet' });
  };
}

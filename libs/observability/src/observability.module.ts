import { DynamicModule, Module, ModuleMetadata, Provider, Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { LoggerModule } from 'nestjs-pino';
import { z } from 'zod';
import { logLevel, parseEnv } from '@app/config-kit';
import { HealthController } from './health.controller';
import { HttpMetrics, requestDurationHistogram } from './http-metrics';
import { ReadinessProbe } from './readiness-probe';

export interface ObservabilityOptions {
  /** Added to every log line and metric as `service`. */
  service: string;
  /** What `/health/ready` checks; it may reach dependencies, `/health/live` never does. */
  readiness: Type<ReadinessProbe>;
  /** Modules and providers the readiness probe needs. */
  imports?: ModuleMetadata['imports'];
  readinessProviders?: Provider[];
}

/** Structured JSON logs carrying the request id, `/metrics`, `/health/live` and `/health/ready`. */
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [
        ...(options.imports ?? []),
        TerminusModule.forRoot({ logger: false }),
        PrometheusModule.register({ defaultLabels: { service: options.service } }),
        LoggerModule.forRootAsync({
          useFactory: () => ({
            // The default route pattern of nestjs-pino does not reach Fastify routes under NestJS 12.
            forRoutes: ['*'],
            pinoHttp: {
              level: parseEnv('logging', z.object({ LOG_LEVEL: logLevel }), process.env).LOG_LEVEL,
              base: { service: options.service },
              // Fastify already resolved the id from X-Request-Id (or made one): log that same id.
              genReqId: (request) => (request as unknown as { id: string }).id,
              customProps: (request) => ({ requestId: (request as unknown as { id: string }).id }),
              serializers: {
                req: (request: { method: string; url: string }) => ({ method: request.method, url: request.url }),
                res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
              },
              autoLogging: { ignore: (request) => /^\/(health|metrics)/.test(request.url ?? '') },
            },
          }),
        }),
      ],
      controllers: [HealthController],
      providers: [
        HttpMetrics,
        requestDurationHistogram,
        ...(options.readinessProviders ?? []),
        { provide: ReadinessProbe, useClass: options.readiness },
      ],
    };
  }
}

import { DynamicModule, InjectionToken, Module, ModuleMetadata, Provider, Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { LoggerModule } from 'nestjs-pino';
import { RequestContext } from '@app/request-context';
import { HealthController } from './health.controller';
import { HttpMetrics, requestDurationHistogram } from './http-metrics';
import type { LogLevel } from './logging.env';
import { ReadinessProbe } from './readiness-probe';

export interface ObservabilitySettings {
  logLevel: LogLevel;
}

export interface ObservabilityOptions {
  /** Added to every log line and metric as `service`. */
  service: string;
  /** What `/health/ready` checks; it may reach dependencies, `/health/live` never does. */
  readiness: Type<ReadinessProbe>;
  /** Modules and providers the readiness probe needs. */
  imports?: ModuleMetadata['imports'];
  readinessProviders?: Provider[];
  /** Reads the settings from the app's config. */
  inject?: InjectionToken[];
  useFactory: (...args: never[]) => ObservabilitySettings;
}

/**
 * Structured JSON logs, each line carrying the request context's fields (the request id), `/metrics`,
 * `/health/live` and `/health/ready`. Needs RequestContextModule.
 */
@Module({})
export class ObservabilityModule {
  static forRootAsync(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [
        ...(options.imports ?? []),
        TerminusModule.forRoot({ logger: false }),
        PrometheusModule.register({ defaultLabels: { service: options.service } }),
        LoggerModule.forRootAsync({
          inject: [RequestContext, ...(options.inject ?? [])],
          useFactory: (context: RequestContext, ...config: unknown[]) => ({
            // The default route pattern of nestjs-pino does not reach Fastify routes under NestJS 12.
            forRoutes: ['*'],
            pinoHttp: {
              level: options.useFactory(...(config as never[])).logLevel,
              base: { service: options.service },
              mixin: () => context.logFields(),
              // Fastify already resolved the id from X-Request-Id (or made one): log that same id.
              genReqId: (request) => (request as unknown as { id: string }).id,
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

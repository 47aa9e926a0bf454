import { DynamicModule, InjectionToken, Module, ModuleMetadata, Provider, Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { RequestContext } from '@app/request-context';
import { HttpMetrics, requestDurationHistogram } from './http-metrics';
import type { LogLevel } from './logging.env';
import { MANAGEMENT_SETTINGS, ManagementServer, ManagementSettings } from './management-server';
import { collectProcessMetrics } from './process-metrics';
import { CENSOR, REDACTED_PATHS, redactedUrl } from './redaction';
import { ReadinessProbe } from './readiness-probe';

export interface ObservabilitySettings {
  logLevel: LogLevel;
  /** Where the management server (/health/*, /metrics) listens. */
  management: ManagementSettings;
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

const SETTINGS = Symbol('OBSERVABILITY_SETTINGS');

/** The settings, as an app's config names them (LOG_LEVEL from loggingEnv, ADMIN_PORT from managementEnv). */
export function observabilitySettings(env: {
  LOG_LEVEL: LogLevel;
  HOST: string;
  ADMIN_PORT: number;
}): ObservabilitySettings {
  return { logLevel: env.LOG_LEVEL, management: { host: env.HOST, port: env.ADMIN_PORT } };
}

/**
 * Structured JSON logs, each line carrying the request context's fields (the request id), and the
 * management server: `/health/live`, `/health/ready` and `/metrics` on a port of their own. Needs
 * RequestContextModule.
 */
@Module({})
export class ObservabilityModule {
  static forRootAsync(options: ObservabilityOptions): DynamicModule {
    collectProcessMetrics(options.service);
    const settings: Provider = {
      provide: SETTINGS,
      inject: options.inject ?? [],
      useFactory: options.useFactory,
    };
    return {
      module: ObservabilityModule,
      imports: [
        ...(options.imports ?? []),
        TerminusModule.forRoot({ logger: false }),
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
              // A 503 or 504 is a dependency's outage, which the service answered as it should: a warning.
              customLogLevel: (_request, response, error) => {
                if (response.statusCode === 503 || response.statusCode === 504) return 'warn';
                if (error || response.statusCode >= 500) return 'error';
                return response.statusCode >= 400 ? 'warn' : 'info';
              },
              // For a 5xx answer with no error behind it, pino-http makes up an Error, stack and all, for each
              // request: an outage would fill the log with them. The status says what happened.
              customErrorObject: (_request, response, error, fields: Record<string, unknown>) =>
                error.message === `failed with status code ${response.statusCode}`
                  ? { ...fields, err: undefined }
                  : fields,
              redact: { paths: REDACTED_PATHS, censor: CENSOR },
              serializers: {
                req: (request: { method: string; url: string }) => ({
                  method: request.method,
                  url: redactedUrl(request.url),
                }),
                res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
              },
            },
          }),
        }),
      ],
      providers: [
        settings,
        {
          provide: MANAGEMENT_SETTINGS,
          inject: [SETTINGS],
          useFactory: (resolved: ObservabilitySettings) => resolved.management,
        },
        ManagementServer,
        HttpMetrics,
        requestDurationHistogram,
        ...(options.readinessProviders ?? []),
        { provide: ReadinessProbe, useClass: options.readiness },
      ],
      exports: [ManagementServer],
    };
  }
}

import { INestApplicationContext, Logger, NestApplicationOptions, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp, HttpAppOptions, runsAsService } from './http-app';
import type { HttpServerEnv } from './http-server.env';
import { exitOnStartupFailure, startupLog, startupLogger } from './startup-failure';

export interface ServiceOptions extends Omit<HttpAppOptions, 'title'> {
  host: string;
  port: number;
  /** Runs after the app is built and before it listens (e.g. to attach a gRPC server). */
  beforeListen?: (app: NestFastifyApplication) => Promise<void>;
}

/** The server settings of an app's config, as `bootstrapHttpService` takes them. */
export function httpServerSettings(
  env: HttpServerEnv,
): Pick<ServiceOptions, 'host' | 'keepAliveTimeoutMs' | 'trustedProxyHops'> {
  return {
    host: env.HOST,
    keepAliveTimeoutMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    trustedProxyHops: env.TRUSTED_PROXY_HOPS,
  };
}

/**
 * Starts an HTTP service the way every `main.ts` in this repository does. `settings` reads the app's
 * config first: whatever stops the start (a bad variable, a port in use) is logged in the app's JSON
 * lines, naming each bad variable, and the process exits 1.
 */
export async function bootstrapHttpService(
  service: string,
  module: Type<unknown>,
  settings: () => ServiceOptions,
): Promise<void> {
  const log = startupLog(service);
  try {
    const options = settings();
    const app = await createHttpApp(
      module,
      { title: service, ...options },
      { logger: startupLogger(log), abortOnError: false },
    );
    await options.beforeListen?.(app);
    await app.listen(options.port, options.host);
    Logger.log(`${service} listening on http://${options.host}:${options.port}`, 'Bootstrap');
  } catch (error) {
    exitOnStartupFailure(log, error);
  }
}

/**
 * An app whose HTTP server is not Nest's (the gateway's proxy is a node:http server of its own), with
 * the same logs and shutdown as the HTTP services.
 */
export async function createStandaloneApp(
  module: Type<unknown>,
  nestOptions: Pick<NestApplicationOptions, 'logger' | 'abortOnError'> = {},
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(module, { bufferLogs: true, ...nestOptions });
  runsAsService(app);
  return app;
}

/** As bootstrapHttpService, for an app with no Nest HTTP server; `checkConfig` parses its config first. */
export async function bootstrapStandaloneService(
  service: string,
  module: Type<unknown>,
  checkConfig: () => unknown,
): Promise<void> {
  const log = startupLog(service);
  try {
    checkConfig();
    const app = await createStandaloneApp(module, { logger: startupLogger(log), abortOnError: false });
    await app.init();
    Logger.log(`${service} started`, 'Bootstrap');
  } catch (error) {
    exitOnStartupFailure(log, error);
  }
}

import { INestApplicationContext, Logger, NestApplicationOptions, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp, HttpAppOptions, runsAsService } from './http-app';
import type { HttpServerEnv } from './http-server.env';

export interface ServiceOptions extends HttpAppOptions {
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

/** Starts an HTTP service the way every `main.ts` in this repository does. */
export async function bootstrapHttpService(module: Type<unknown>, options: ServiceOptions): Promise<void> {
  const app = await createHttpApp(module, options);
  await options.beforeListen?.(app);
  await app.listen(options.port, options.host);
  Logger.log(`${options.title} listening on http://${options.host}:${options.port}`, 'Bootstrap');
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

export async function bootstrapStandaloneService(module: Type<unknown>, title: string): Promise<void> {
  const app = await createStandaloneApp(module);
  await app.init();
  Logger.log(`${title} started`, 'Bootstrap');
}

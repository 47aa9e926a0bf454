import { Logger, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp, HttpAppOptions } from './http-app';
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

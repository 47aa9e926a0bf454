import { Logger, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { z } from 'zod';
import { parseEnv, port, positiveInt } from '@app/config-kit';
import { createHttpApp, HttpAppOptions } from './http-app';

export interface ServiceOptions extends Omit<HttpAppOptions, 'keepAliveTimeoutMs' | 'trustedProxyHops'> {
  /** The variable holding the port to listen on; PORT unless the app uses PORT for something else. */
  portVariable?: string;
  defaultPort: number;
  /** Runs after the app is built and before it listens (e.g. to attach a gRPC server). */
  beforeListen?: (app: NestFastifyApplication) => Promise<void>;
}

const serverSchema = z.object({
  HOST: z.string().default('0.0.0.0'),
  // Above the ALB's 60 s idle timeout, so the load balancer, not the app, closes idle connections.
  HTTP_KEEP_ALIVE_TIMEOUT_MS: positiveInt(65_000),
  /** Proxies in front of the service (the ALB, or the gateway locally) whose X-Forwarded-For is trusted. */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).default(1),
});

/** Starts an HTTP service the way every `main.ts` in this repository does. */
export async function bootstrapHttpService(module: Type<unknown>, options: ServiceOptions): Promise<void> {
  const portVariable = options.portVariable ?? 'PORT';
  const server = parseEnv('server', serverSchema, process.env);
  const listenPort = parseEnv('server', z.object({ [portVariable]: port(options.defaultPort) }), process.env)[
    portVariable
  ];
  const app = await createHttpApp(module, {
    ...options,
    keepAliveTimeoutMs: server.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    trustedProxyHops: server.TRUSTED_PROXY_HOPS,
  });
  await options.beforeListen?.(app);
  await app.listen(listenPort, server.HOST);
  Logger.log(`${options.title} listening on http://${server.HOST}:${listenPort}`, 'Bootstrap');
}

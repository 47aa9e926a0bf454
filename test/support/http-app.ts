import { INestApplicationContext, Type } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createHttpApp, createStandaloneApp, HttpAppOptions } from '@app/http-kit';
import { ManagementServer } from '@app/observability';
import { freePort } from '../../tools/engines/ports';

/** The environment every test app gets: quiet logs, and a free management port of its own. */
async function testEnv(env: Record<string, string>): Promise<void> {
  Object.assign(process.env, { LOG_LEVEL: 'silent', NODE_ENV: 'test', ADMIN_PORT: String(await freePort()) }, env);
}

/**
 * Builds an app exactly as main.ts does (same adapter, pipes, filters, hooks) with the environment
 * given, and starts it listening on a free local port, as supertest then uses it. `beforeListen` is for
 * what main.ts adds before listening (e.g. a Fastify plugin).
 */
export async function startTestApp(
  module: Type<unknown>,
  options: Omit<HttpAppOptions, 'keepAliveTimeoutMs' | 'trustedProxyHops'>,
  env: Record<string, string>,
  beforeListen?: (app: NestFastifyApplication) => Promise<void>,
): Promise<NestFastifyApplication> {
  await testEnv(env);
  const app = await createHttpApp(
    module,
    { ...options, keepAliveTimeoutMs: 65_000, trustedProxyHops: 1 },
    { logger: false },
  );
  await beforeListen?.(app);
  await app.listen(0, '127.0.0.1');
  return app;
}

/** Builds and starts an app with no Nest HTTP server of its own (the gateway), as its main.ts does. */
export async function startStandaloneTestApp(
  module: Type<unknown>,
  env: Record<string, string>,
): Promise<INestApplicationContext> {
  await testEnv(env);
  const app = await createStandaloneApp(module, { logger: false });
  await app.init();
  return app;
}

/** Requests to an app's management port (/health/*, /metrics). */
export function management(app: INestApplicationContext) {
  return request(app.get(ManagementServer).url);
}

import { Type } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp, HttpAppOptions } from '@app/http-kit';

/**
 * Builds an app exactly as main.ts does (same adapter, pipes, filters, hooks) with the environment
 * given, and readies it for supertest. `beforeInit` is for what main.ts adds before listening
 * (e.g. a Fastify plugin).
 */
export async function startTestApp(
  module: Type<unknown>,
  options: Omit<HttpAppOptions, 'keepAliveTimeoutMs' | 'trustedProxyHops'>,
  env: Record<string, string>,
  beforeInit?: (app: NestFastifyApplication) => Promise<void>,
): Promise<NestFastifyApplication> {
  Object.assign(process.env, { LOG_LEVEL: 'silent', NODE_ENV: 'test' }, env);
  const app = await createHttpApp(
    module,
    { ...options, keepAliveTimeoutMs: 65_000, trustedProxyHops: 1 },
    { logger: false },
  );
  await beforeInit?.(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

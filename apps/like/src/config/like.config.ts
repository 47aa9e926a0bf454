import type { ConfigType } from '@nestjs/config';
import { z } from 'zod';
import { authRpcClientEnv } from '@app/auth-rpc';
import { defineConfig, httpUrl, nodeEnv, port, positiveInt, secret } from '@app/config-kit';
import { httpServerEnv } from '@app/http-kit';
import { loggingEnv, managementEnv } from '@app/observability';
import { accessTokenEnv, jwksEnv } from '@app/token-verification';

export const likeConfig = defineConfig(
  'like',
  z.object({
    NODE_ENV: nodeEnv,
    PORT: port(3003),
    ...httpServerEnv.shape,
    ...loggingEnv.shape,
    ...managementEnv(9003).shape,
    ...accessTokenEnv.shape,
    ...jwksEnv.shape,
    /** Where this service trades its client secret for a service token. */
    ...authRpcClientEnv.shape,
    SERVICE_CLIENT_ID: z.string().min(1).default('like'),
    SERVICE_CLIENT_SECRET: secret,
    MONOLITH_URL: httpUrl,
    MONOLITH_CONNECT_TIMEOUT_MS: positiveInt(500),
    /** Per attempt: time allowed for the monolith's answer. */
    MONOLITH_REQUEST_TIMEOUT_MS: positiveInt(1_500),
    /** Attempts in all, the first included. */
    MONOLITH_MAX_ATTEMPTS: positiveInt(3).pipe(z.number().max(5)),
    /** Upper bound on one like request's wait for the monolith, retries and backoff included. */
    MONOLITH_TOTAL_BUDGET_MS: positiveInt(4_000),
    /** Likes in a row that fail (out of attempts or of budget) before likes fail fast. */
    MONOLITH_BREAKER_FAILURES: positiveInt(5),
    /** How long likes fail fast before one is let through to see whether the monolith is back. */
    MONOLITH_BREAKER_HALF_OPEN_AFTER_MS: positiveInt(5_000),
  }),
);

export type LikeConfig = ConfigType<typeof likeConfig>;

import type { ConfigType } from '@nestjs/config';
import { z } from 'zod';
import { defineConfig, httpUrl, nodeEnv, positiveInt, secret } from '@app/config-kit';

export const likeConfig = defineConfig(
  'like',
  z.object({
    NODE_ENV: nodeEnv,
    MONOLITH_URL: httpUrl,
    /** host:port of auth's gRPC server, where this service trades its client secret for a service token. */
    AUTH_GRPC_URL: z.string().regex(/^[\w.-]+:\d+$/, 'must be host:port'),
    SERVICE_CLIENT_ID: z.string().min(1).default('like'),
    SERVICE_CLIENT_SECRET: secret,
    MONOLITH_CONNECT_TIMEOUT_MS: positiveInt(500),
    /** Per attempt: time allowed for the monolith's answer. */
    MONOLITH_REQUEST_TIMEOUT_MS: positiveInt(1_500),
    /** Attempts in all, the first included. */
    MONOLITH_MAX_ATTEMPTS: positiveInt(3).pipe(z.number().max(5)),
    /** Upper bound on one like request's wait for the monolith, retries and backoff included. */
    MONOLITH_TOTAL_BUDGET_MS: positiveInt(4_000),
  }),
);

export type LikeConfig = ConfigType<typeof likeConfig>;

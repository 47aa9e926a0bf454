import type { ConfigType } from '@nestjs/config';
import { z } from 'zod';
import { authRpcClientEnv } from '@app/auth-rpc';
import { defineConfig, flag, httpUrl, nodeEnv, port, positiveInt } from '@app/config-kit';
import { postgresEnv } from '@app/database';
import { dynamoDbEnv } from '@app/dynamodb';
import { httpServerEnv } from '@app/http-kit';
import { loggingEnv, managementEnv } from '@app/observability';
import { tracingEnv } from '@app/tracing';
import { accessTokenEnv, jwksEnv } from '@app/token-verification';

/** The stores, all the migrate command needs. */
export const storesEnv = z.object({
  NODE_ENV: nodeEnv,
  ...postgresEnv.shape,
  ...dynamoDbEnv.shape,
  /** Lets `migrate` create the tables (local engines); in AWS Terraform owns them. */
  DYNAMODB_CREATE_TABLES: flag(false),
  MYSFITS_TABLE: z.string().min(3).default('Mysfits'),
  LIKES_TABLE: z.string().min(3).default('MysfitLikes'),
});

export type StoresConfig = z.output<typeof storesEnv>;

export const monolithConfig = defineConfig(
  'monolith',
  z.object({
    ...storesEnv.shape,
    PORT: port(3002),
    ...httpServerEnv.shape,
    ...loggingEnv.shape,
    ...tracingEnv.shape,
    ...managementEnv(9002).shape,
    ...accessTokenEnv.shape,
    ...jwksEnv.shape,
    ...authRpcClientEnv.shape,
    /**
     * The other apps' metrics the /status page reads, as `app=url` pairs separated by commas (the launcher
     * sets them to the management ports); the monolith reads its own. Unset, the page shows its hops only.
     */
    STATUS_METRICS_URLS: z
      .string()
      .default('')
      .transform((list) =>
        list
          .split(',')
          .map((pair) => pair.trim())
          .filter(Boolean)
          .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
      )
      .pipe(z.array(z.tuple([z.enum(['auth', 'like', 'gateway']), httpUrl])))
      .transform((pairs) => new Map(pairs)),
    /** How long a user's display name, once asked of auth, is shown without asking again. */
    DISPLAY_NAME_MAX_AGE_SECONDS: positiveInt(60),
  }),
);

export type MonolithConfig = ConfigType<typeof monolithConfig>;

import type { ConfigType } from '@nestjs/config';
import { z } from 'zod';
import { authRpcClientEnv } from '@app/auth-rpc';
import { defineConfig, flag, nodeEnv, port } from '@app/config-kit';
import { postgresEnv } from '@app/database';
import { dynamoDbEnv } from '@app/dynamodb';
import { httpServerEnv } from '@app/http-kit';
import { loggingEnv, managementEnv } from '@app/observability';
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
    ...managementEnv(9002).shape,
    ...accessTokenEnv.shape,
    ...jwksEnv.shape,
    ...authRpcClientEnv.shape,
  }),
);

export type MonolithConfig = ConfigType<typeof monolithConfig>;

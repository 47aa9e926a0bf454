import type { ConfigType } from '@nestjs/config';
import { z } from 'zod';
import { awsRegion, defineConfig, flag, httpUrl, nodeEnv } from '@app/config-kit';
import { databaseEnv } from '@app/database';

export const monolithConfig = defineConfig(
  'monolith',
  z.object({
    NODE_ENV: nodeEnv,
    ...databaseEnv,
    AWS_REGION: awsRegion,
    /** Only for DynamoDB Local; in AWS the SDK finds the regional endpoint and IRSA credentials itself. */
    DYNAMODB_ENDPOINT: httpUrl.optional(),
    /** Lets `migrate` create the tables (local engines); in AWS Terraform owns them. */
    DYNAMODB_CREATE_TABLES: flag(false),
    MYSFITS_TABLE: z.string().min(3).default('Mysfits'),
    LIKES_TABLE: z.string().min(3).default('MysfitLikes'),
    /** host:port of auth's gRPC server. */
    AUTH_GRPC_URL: z.string().regex(/^[\w.-]+:\d+$/, 'must be host:port'),
  }),
);

export type MonolithConfig = ConfigType<typeof monolithConfig>;

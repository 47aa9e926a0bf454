import type { ConfigType } from '@nestjs/config';
import { z } from 'zod';
import {
  defineConfig,
  isPlaceholderInProduction,
  nodeEnv,
  port,
  positiveInt,
  privateKeyPem,
  secret,
} from '@app/config-kit';
import { postgresEnv } from '@app/database';
import { httpServerEnv } from '@app/http-kit';
import { loggingEnv, managementEnv } from '@app/observability';
import { tracingEnv } from '@app/tracing';
import { accessTokenEnv } from '@app/token-verification';

export const authConfig = defineConfig(
  'auth',
  z.object({
    NODE_ENV: nodeEnv,
    PORT: port(3001),
    ...httpServerEnv.shape,
    ...loggingEnv.shape,
    ...tracingEnv.shape,
    ...managementEnv(9001).shape,
    ...postgresEnv.shape,
    GRPC_PORT: port(50051),
    /** PEM-encoded EC P-256 private key that signs access tokens (ES256). */
    JWT_PRIVATE_KEY: privateKeyPem.refine(
      (key) => key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1',
      { error: 'must be an EC P-256 private key (ES256)' },
    ),
    ...accessTokenEnv.shape,
    ACCESS_TOKEN_TTL_SECONDS: positiveInt(900).pipe(z.number().max(900, 'must be at most 900 (15 minutes)')),
    REFRESH_TOKEN_TTL_SECONDS: positiveInt(14 * 24 * 3600),
    /**
     * For this long after a refresh token is used, and until its successor is used, presenting it again
     * is taken for a client retrying a refresh whose answer it lost (a page reloaded mid-request) and
     * gets a new token, not a revoked session. 0 turns it off.
     */
    REFRESH_TOKEN_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(60).default(15),
    SERVICE_TOKEN_TTL_SECONDS: positiveInt(300).pipe(z.number().max(900)),
    /** Service clients allowed to obtain service tokens, as `id:secret` pairs separated by commas. */
    SERVICE_CLIENTS: secret.transform(parseServiceClients),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: positiveInt(5),
    LOGIN_MAX_FAILURES_PER_CLIENT: positiveInt(50),
    LOGIN_FAILURE_WINDOW_SECONDS: positiveInt(15 * 60),
  }),
);

export type AuthConfig = ConfigType<typeof authConfig>;

function parseServiceClients(value: string, context: z.RefinementCtx): Map<string, string> {
  const clients = new Map<string, string>();
  for (const pair of value.split(',')) {
    const [id, clientSecret] = pair.trim().split(/:(.*)/s);
    if (!id || !clientSecret) {
      context.addIssue({ code: 'custom', message: 'must be id:secret pairs separated by commas' });
      return clients;
    }
    if (isPlaceholderInProduction(clientSecret)) {
      context.addIssue({ code: 'custom', message: `holds a placeholder secret for ${id}; set a real secret` });
      return clients;
    }
    clients.set(id, clientSecret);
  }
  return clients;
}

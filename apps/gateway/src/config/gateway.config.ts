import type { ConfigType } from '@nestjs/config';
import { z } from 'zod';
import { defineConfig, httpUrl, nodeEnv, port, positiveInt } from '@app/config-kit';
import { httpServerEnv } from '@app/http-kit';
import { loggingEnv } from '@app/observability';

export const gatewayConfig = defineConfig(
  'gateway',
  z.object({
    NODE_ENV: nodeEnv,
    /** Where the routed traffic comes in (the proxy). */
    PORT: port(8080),
    /** The gateway's own health and metrics. */
    ADMIN_PORT: port(9901),
    ...httpServerEnv.shape,
    ...loggingEnv.shape,
    /** The Ingress whose rules the gateway applies, so local and AWS routing cannot drift. */
    INGRESS_MANIFEST: z.string().default('k8s/base/ingress.yaml'),
    AUTH_URL: httpUrl,
    MONOLITH_URL: httpUrl,
    LIKE_URL: httpUrl,
    /** As the ALB's idle timeout: an upstream silent for longer gets a 504. */
    UPSTREAM_TIMEOUT_MS: positiveInt(60_000),
    UPSTREAM_CONNECT_TIMEOUT_MS: positiveInt(2_000),
  }),
);

export type GatewayConfig = ConfigType<typeof gatewayConfig>;

/** Upstream URL per Ingress backend service name. */
export function upstreams(config: GatewayConfig): Map<string, string> {
  return new Map([
    ['auth', config.AUTH_URL],
    ['monolith', config.MONOLITH_URL],
    ['like', config.LIKE_URL],
  ]);
}

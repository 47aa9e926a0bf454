import type { ConfigType } from '@nestjs/config';
import { z } from 'zod';
import { defineConfig, httpUrl, nodeEnv, port, positiveInt } from '@app/config-kit';
import { httpServerEnv } from '@app/http-kit';
import { loggingEnv, managementEnv } from '@app/observability';

/** `<Ingress path>=<milliseconds>` pairs, comma-separated. */
const routeTimeouts = z
  .string()
  .default('/mysfits/*/like=8000')
  .transform((value, context) => {
    const timeouts = new Map<string, number>();
    for (const pair of value.split(',').filter((entry) => entry.trim())) {
      const [path, milliseconds] = pair.trim().split('=');
      const timeout = Number(milliseconds);
      if (!path.startsWith('/') || !Number.isInteger(timeout) || timeout <= 0) {
        context.addIssue({ code: 'custom', message: `"${pair.trim()}" is not <Ingress path>=<milliseconds>` });
        return z.NEVER;
      }
      timeouts.set(path, timeout);
    }
    return timeouts;
  });

export const gatewayConfig = defineConfig(
  'gateway',
  z.object({
    NODE_ENV: nodeEnv,
    /** Where the routed traffic comes in (the proxy). */
    PORT: port(8080),
    ...httpServerEnv.shape,
    ...loggingEnv.shape,
    ...managementEnv(9901).shape,
    /** The Ingress whose rules the gateway applies, so local and AWS routing cannot drift. */
    INGRESS_MANIFEST: z.string().default('k8s/base/ingress.yaml'),
    AUTH_URL: httpUrl,
    MONOLITH_URL: httpUrl,
    LIKE_URL: httpUrl,
    /** An upstream silent for longer gets a 504; well under the ALB's 60 s idle timeout. */
    UPSTREAM_TIMEOUT_MS: positiveInt(10_000),
    /**
     * Routes that need another timeout: like answers within its own 4 s budget for the monolith, plus the
     * checks of the token before it.
     */
    UPSTREAM_ROUTE_TIMEOUTS_MS: routeTimeouts,
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

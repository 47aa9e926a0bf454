import { z } from 'zod';
import { positiveInt } from '@app/config-kit';

/** The variables of an HTTP server, for an app's config schema to take in. */
export const httpServerEnv = z.object({
  HOST: z.string().default('0.0.0.0'),
  // Above the ALB's 60 s idle timeout, so the load balancer, not the app, closes idle connections.
  HTTP_KEEP_ALIVE_TIMEOUT_MS: positiveInt(65_000),
  /** Proxies in front of the service (the ALB, or the gateway locally) whose X-Forwarded-For is trusted. */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).default(1),
});

export type HttpServerEnv = z.output<typeof httpServerEnv>;

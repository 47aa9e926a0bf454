import { z } from 'zod';
import { port } from '@app/config-kit';

/**
 * The port of an app's management server (/health/live, /health/ready, /metrics), for its config schema.
 * No Ingress-facing Service exposes it: the kubelet, the ALB's health check and Prometheus reach it
 * on the pod directly.
 */
export const managementEnv = (defaultPort: number) => z.object({ ADMIN_PORT: port(defaultPort) });

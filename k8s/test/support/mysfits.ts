/** What this project's manifests must provide; the rules read their expectations from here. */

export const NAMESPACE = 'mysfits';
export const APPS = ['auth', 'monolith', 'like'] as const;
/** Apps with a database whose migrations must run before a new version serves. */
export const MIGRATING_APPS = ['auth', 'monolith'];
/** Apps whose replica count a CPU HorizontalPodAutoscaler owns (eks). */
export const AUTOSCALED_APPS = ['like', 'monolith'];
/** Apps that reach AWS APIs (DynamoDB; RDS IAM authentication), with credentials from IRSA only (eks). */
export const IRSA_APPS = ['auth', 'monolith'];

export const MIN_UID = 10000;
/** Process only: liveness and startup probes. */
export const LIVE_PATH = '/health/live';
/** Checks the app's dependencies: readiness probe and ALB health check. */
export const READY_PATH = '/health/ready';

/** After SIGTERM the apps stop accepting and drain in-flight requests for up to this long. */
export const DRAIN_SECONDS = 10;
/** No request the apps serve runs longer than this. */
export const LONGEST_REQUEST_SECONDS = 10;
/** The ALB's idle timeout when the Ingress does not set one. */
export const DEFAULT_ALB_IDLE_TIMEOUT_SECONDS = 60;

/** Request paths and where the ALB must send them: a Service, or `action:<name>` for an annotation action. */
export const ROUTES: ReadonlyArray<readonly [path: string, target: string]> = [
  ['/auth', 'auth'],
  ['/auth/login', 'auth'],
  ['/auth/.well-known/jwks.json', 'auth'],
  ['/authors', 'monolith'],
  ['/mysfits/4e53920c/like', 'like'],
  ['/mysfits/4e53920c/fulfill-like', 'action:internal-only'],
  ['/mysfits/4e53920c/likes', 'monolith'],
  ['/mysfits/4e53920c', 'monolith'],
  ['/mysfits', 'monolith'],
  ['/', 'monolith'],
];

/** The VPC's CIDR block of the sample environment (tools/deploy/test): the ALB's interfaces and RDS have addresses in it. */
export const VPC_CIDR = '10.42.0.0/16';

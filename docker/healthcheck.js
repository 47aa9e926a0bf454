// The image's HEALTHCHECK: asks the app's liveness endpoint on its management port (ADMIN_PORT), the
// only port that serves /health and /metrics.
fetch(`http://127.0.0.1:${process.env.ADMIN_PORT}/health/live`, { signal: AbortSignal.timeout(2_000) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  () => process.exit(1),
);

// The image's HEALTHCHECK: asks the service's liveness endpoint, on the port that serves it (the gateway
// keeps its own health apart from the routed traffic, on ADMIN_PORT).
const port = process.env.ADMIN_PORT ?? process.env.PORT;

fetch(`http://127.0.0.1:${port}/health/live`, { signal: AbortSignal.timeout(2_000) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  () => process.exit(1),
);

import { join } from 'node:path';
import { APPS } from '../apps';
import { MANAGEMENT_PORT, portsFromEnv, SystemPorts } from './ports';
import { localDataDir } from './repo';
import { startSystem } from './system';

/**
 * Runs the system for `npm start` (tools/launcher/main.ts), in a process group of its own, and stops
 * it in order (gateway first, databases last) when asked to, or when the launcher goes away.
 */
async function supervise(): Promise<void> {
  const dataDir = localDataDir();
  let ports: SystemPorts;
  try {
    ports = portsFromEnv();
  } catch (error) {
    process.stderr.write(`Could not start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const starting = startSystem({
    dataDir,
    ports,
    // OpenTelemetry's standard variables given to `npm start` reach every app: traces go to any OTLP backend.
    appEnv: Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('OTEL_'))),
    ingressManifest: process.env.INGRESS_MANIFEST,
    report: (line) => process.stdout.write(`${line}...\n`),
    events: (line) => process.stdout.write(`${new Date().toLocaleTimeString()}  ${line}\n`),
  });
  let stopping: Promise<void> | undefined;
  const shutdown = () =>
    (stopping ??= (async () => {
      // A stop asked for while starting waits for the start, so that nothing is left running.
      const system = await starting.catch(() => undefined);
      await system?.stop();
      process.stdout.write('Stopped.\n');
      process.exit(0);
    })());
  process.on('message', (message) => message === 'stop' && void shutdown());
  process.on('disconnect', () => void shutdown());
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown());

  try {
    await starting;
  } catch (error) {
    process.stderr.write(`\nCould not start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  if (stopping) return;
  process.stdout.write(summary(ports, dataDir));
}

function summary(ports: SystemPorts, dataDir: string): string {
  return `
Mythical Mysfits is running.

  gateway    http://localhost:${ports.gateway}        the web page and the API, routed as k8s/base/ingress.yaml
  auth       http://localhost:${ports.auth}        gRPC on localhost:${ports.authGrpc}; OpenAPI at /auth/openapi.json
  monolith   http://localhost:${ports.monolith}        OpenAPI at /openapi.json
  like       http://localhost:${ports.like}
  postgres   127.0.0.1:${ports.postgres}       databases auth and app (user mysfits, password in .data/secrets.json)
  dynamodb   http://localhost:${ports.dynamodb}        DynamoDB Local, tables Mysfits and MysfitLikes
  data       ${dataDir}    (delete it to start afresh)
  logs       ${join(dataDir, 'logs')}/<app>.log
  health     ${APPS.map((app) => `http://localhost:${ports[MANAGEMENT_PORT[app]]}`).join(' ')}
             (auth, monolith, like, gateway): /health/live, /health/ready and /metrics, on each app's
             management port only; npm run observe starts Prometheus on them with the alerts
  status     http://localhost:${ports.gateway}/status.html   each hop's recent latency and error rate, from those metrics

Press Ctrl-C to stop.
`;
}

void supervise();

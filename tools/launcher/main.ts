import { fork } from 'node:child_process';
import { join } from 'node:path';
import { PortInUseError } from '../engines/ports';
import { repoRoot } from './repo';
import { DEFAULT_PORTS, RunningSystem, startSystem, SystemPorts } from './system';

/**
 * `npm start`. The system runs in a supervisor process of its own process group, so Ctrl-C reaches
 * only this process, which asks the supervisor to stop everything in order (gateway first, databases
 * last). If this process dies, the supervisor notices the lost channel and stops everything too.
 */
const SUPERVISOR = 'MYSFITS_SUPERVISOR';

if (process.env[SUPERVISOR]) {
  void supervise();
} else {
  launch();
}

function launch(): void {
  const supervisor = fork(__filename, process.argv.slice(2), {
    detached: true,
    env: { ...process.env, [SUPERVISOR]: '1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nStopping...\n');
    supervisor.send('stop');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  supervisor.on('exit', (code) => process.exit(code ?? 1));
}

async function supervise(): Promise<void> {
  const dataDir = join(repoRoot(), '.data');
  const ports = portsFromEnv();
  let system: RunningSystem | undefined;
  let stopping: Promise<void> | undefined;
  const shutdown = () =>
    (stopping ??= (async () => {
      await system?.stop();
      process.stdout.write('Stopped.\n');
      process.exit(0);
    })());
  process.on('message', (message) => message === 'stop' && void shutdown());
  process.on('disconnect', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());

  try {
    system = await startSystem({ dataDir, ports, report: (line) => process.stdout.write(`${line}...\n`) });
  } catch (error) {
    const message = error instanceof PortInUseError ? error.message : (error as Error).message;
    process.stderr.write(`\nCould not start: ${message}\n`);
    process.exit(1);
  }
  if (stopping) return;
  process.stdout.write(summary(ports, dataDir));
}

function portsFromEnv(): SystemPorts {
  const ports = { ...DEFAULT_PORTS };
  for (const key of Object.keys(ports) as (keyof SystemPorts)[]) {
    const variable = `${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_PORT`;
    const value = process.env[variable];
    if (value !== undefined) {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        process.stderr.write(`Could not start: ${variable}=${value} is not a port number\n`);
        process.exit(1);
      }
      ports[key] = port;
    }
  }
  return ports;
}

function summary(ports: SystemPorts, dataDir: string): string {
  return `
Mythical Mysfits is running.

  gateway    http://localhost:${ports.gateway}        routes as k8s/base/ingress.yaml (try /mysfits)
  auth       http://localhost:${ports.auth}        gRPC on localhost:${ports.authGrpc}; OpenAPI at /auth/openapi.json
  monolith   http://localhost:${ports.monolith}        OpenAPI at /openapi.json
  like       http://localhost:${ports.like}
  gateway    http://localhost:${ports.gatewayAdmin}        its own /health/ready and /metrics
  postgres   127.0.0.1:${ports.postgres}       databases auth and app (user mysfits, password in .data/secrets.json)
  dynamodb   http://localhost:${ports.dynamodb}        DynamoDB Local, tables Mysfits and MysfitLikes
  data       ${dataDir}    (delete it to start afresh)
  logs       ${join(dataDir, 'logs')}/<app>.log

Press Ctrl-C to stop.
`;
}

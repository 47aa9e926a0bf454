import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { ruleFilePaths } from '../../observability/prometheus/rule-files';
import { findExecutable } from '../engines/executables';
import { assertPortFree, waitFor } from '../engines/ports';
import { portsFromEnv } from '../launcher/ports';
import { repoRoot } from '../launcher/repo';
import { prometheusConfig, scrapeTargets } from './targets';

const DEFAULT_PROMETHEUS_PORT = 9090;

/**
 * `npm run observe`: Prometheus, with the project's recording and alerting rules, scraping the apps that
 * `npm start` runs (same port variables). Runs until Ctrl-C.
 */
async function observe(): Promise<void> {
  const prometheus = findExecutable('prometheus');
  if (!prometheus) {
    fail(
      "npm run observe needs Prometheus: install Debian's package (apt-get install prometheus) or put prometheus on PATH",
    );
  }
  const ports = portsFromEnv();
  const port = Number(process.env.PROMETHEUS_PORT ?? DEFAULT_PROMETHEUS_PORT);
  await assertPortFree(port, 'prometheus');

  const dataDir = join(resolve(process.env.MYSFITS_DATA_DIR ?? join(repoRoot(), '.data')), 'prometheus');
  mkdirSync(join(dataDir, 'tsdb'), { recursive: true });
  const configFile = join(dataDir, 'prometheus.yml');
  const targets = scrapeTargets(ports);
  writeFileSync(configFile, stringify(prometheusConfig(targets, ruleFilePaths())));

  const logFile = join(dataDir, 'prometheus.log');
  const log = openSync(logFile, 'a');
  const child = spawn(
    prometheus,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${join(dataDir, 'tsdb')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: ['ignore', log, log] },
  );
  closeSync(log);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const died = new AbortController();
  void exited.then(() => died.abort());
  const url = `http://localhost:${port}`;
  try {
    await waitFor('Prometheus', async () => (await fetch(`${url}/-/ready`)).ok, 30_000, died.signal);
  } catch (error) {
    stop();
    fail(`${(error as Error).message}; see ${logFile}`);
  }
  process.stdout.write(
    `Prometheus is running on ${url} (alerts: ${url}/alerts, targets: ${url}/targets)\n` +
      `  scraping ${targets.map((t) => `${t.job} ${t.address}`).join(', ')}\n` +
      `  rules    ${ruleFilePaths().length} files from observability/prometheus/rules; data and log in ${dataDir}\n` +
      'Press Ctrl-C to stop.\n',
  );
  process.exit((await exited) ?? 0);
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

void observe().catch((error: unknown) => fail(`Could not start Prometheus: ${(error as Error).message}`));

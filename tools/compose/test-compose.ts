import { execFile, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { APPS } from '../apps';
import { scratchFolder } from '../engines/scratch-folder';
import { repoRoot } from '../launcher/repo';
import { ComposeProject } from './compose-project';
import { composeEnvFile } from './env-file';

/**
 * `npm run test:compose`: builds the images, brings compose.yaml up with throwaway secrets and volumes,
 * runs the system test suite (test/system, test/browser) against it through the gateway, and tears it
 * all down again. Everything it prints also goes to test-results/compose.log.
 */
const PROJECT = 'mysfits-compose-test';
const BASE_IMAGE = 'node:24-bookworm-slim';
const root = repoRoot();
mkdirSync(join(root, 'test-results'), { recursive: true });
const logFile = join(root, 'test-results', 'compose.log');
const log = createWriteStream(logFile);
const say = (text: string) => {
  process.stdout.write(text);
  log.write(text);
};

async function main(): Promise<number> {
  const secrets = scratchFolder('compose');
  const envFile = join(secrets, '.env');
  writeFileSync(envFile, composeEnvFile(), { mode: 0o600 });
  const compose = await ComposeProject.open(PROJECT, envFile);
  try {
    say('Building the images\n');
    say(await compose.run(['build']));
    say(await imageSizes());
    say('Starting the system\n');
    say(await compose.run(['up', '--detach']));
    await compose.untilHealthy();
    say('Running the system tests against the gateway\n');
    return await runSystemTests({ COMPOSE_TEST_PROJECT: PROJECT, COMPOSE_TEST_ENV_FILE: envFile });
  } finally {
    say('\nContainer logs\n');
    say(await compose.run(['logs', '--no-color']).catch(messageOf));
    say(await compose.run(['down', '--volumes', '--remove-orphans']).catch(messageOf));
    rmSync(secrets, { recursive: true, force: true });
  }
}

/** Each image's size, and how much of it the app adds to the Node.js base image. */
async function imageSizes(): Promise<string> {
  const size = async (image: string) =>
    Number((await promisify(execFile)('docker', ['image', 'inspect', '--format', '{{.Size}}', image])).stdout);
  const base = await size(BASE_IMAGE);
  const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`.padStart(7);
  const lines = await Promise.all(
    APPS.map(async (app) => {
      const total = await size(`mysfits/${app}`);
      return `  mysfits/${app.padEnd(9)} ${megabytes(total)}  (${megabytes(total - base)} over ${BASE_IMAGE})\n`;
    }),
  );
  return `Image sizes\n${lines.join('')}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The same Jest project `npm test` runs, one file at a time since they share the one system. Arguments
 * after `--` go to Jest, e.g. `npm run test:compose -- --testPathPatterns hostile-requests`.
 */
function runSystemTests(env: Record<string, string>): Promise<number> {
  const jest = require.resolve('jest/bin/jest');
  const child = spawn(process.execPath, [jest, '--selectProjects', 'system', '--runInBand', ...process.argv.slice(2)], {
    cwd: root,
    env: { ...process.env, ...env, SYSTEM_UNDER_TEST: 'compose' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => say(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => say(chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
}

main().then(
  (code) => {
    say(`\n${code === 0 ? 'Passed' : 'Failed'}; the log is in ${logFile}\n`);
    log.end(() => process.exit(code));
  },
  (error: unknown) => {
    say(`\n${messageOf(error)}\nThe log is in ${logFile}\n`);
    log.end(() => process.exit(1));
  },
);

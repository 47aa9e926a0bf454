import { spawn } from 'node:child_process';
import { assertPortFree, waitFor } from '../engines/ports';
import { portEnv, SystemPorts } from '../launcher/ports';
import { repoRoot } from '../launcher/repo';

const RUNNING = 'Press Ctrl-C to stop.';

/**
 * Runs `npm start` as a person would, in `dataDir`, and returns the seconds until it says every app is
 * ready (the launcher prints RUNNING only once each app's /health/ready answered 200). Then presses
 * Ctrl-C, as a terminal does, on its whole process group, and waits until nothing listens any more.
 */
export async function timeNpmStart(dataDir: string, ports: SystemPorts): Promise<number> {
  // `npm run bench` tells which npm runs it; elsewhere the one on PATH.
  const npm = process.env.npm_execpath;
  const [command, args] = npm ? [process.execPath, [npm, 'start']] : ['npm', ['start']];
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: repoRoot(),
    env: { ...process.env, ...portEnv(ports), MYSFITS_DATA_DIR: dataDir },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (!child.pid) throw new Error(`Could not run ${command} start`);
  const group = -child.pid;
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const gone = new AbortController();
  void exited.then(() => gone.abort());

  try {
    await waitFor('npm start', async () => output.includes(RUNNING), 300_000, gone.signal);
  } catch (error) {
    if (!gone.signal.aborted) process.kill(group, 'SIGINT');
    throw new Error(`${(error as Error).message}:\n${output}`);
  }
  const seconds = (performance.now() - started) / 1000;

  process.kill(group, 'SIGINT');
  const code = await exited;
  if (code !== 0) throw new Error(`npm start exited ${code} on Ctrl-C:\n${output}`);
  const allClosed = async () => {
    for (const [owner, port] of Object.entries(ports)) await assertPortFree(port, owner);
    return true;
  };
  await waitFor('everything npm start ran to stop', allClosed, 60_000);
  return seconds;
}

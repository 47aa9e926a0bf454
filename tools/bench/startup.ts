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
  let runningAt: number | undefined;
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (runningAt === undefined && output.includes(RUNNING)) runningAt = performance.now();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? `code ${code}`)),
  );
  const gone = new AbortController();
  void exited.then(() => gone.abort());

  try {
    await waitFor('npm start', async () => runningAt !== undefined, 300_000, gone.signal);
  } catch (error) {
    if (!gone.signal.aborted) process.kill(group, 'SIGINT');
    throw new Error(`${(error as Error).message}:\n${output}`, { cause: error });
  }
  const seconds = ((runningAt ?? 0) - started) / 1000;

  process.kill(group, 'SIGINT');
  // npm ends as a shell's foreground job does on Ctrl-C: by the signal, once its script has stopped.
  const ending = await exited;
  if (!['SIGINT', 'code 0'].includes(ending)) throw new Error(`npm start ended with ${ending} on Ctrl-C:\n${output}`);
  const allClosed = async () => {
    for (const owner of Object.keys(ports) as (keyof SystemPorts)[]) await assertPortFree(ports[owner], owner);
    return true;
  };
  await waitFor('everything npm start ran to stop', allClosed, 60_000);
  return seconds;
}

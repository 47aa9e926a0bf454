import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { waitFor } from '../engines/ports';

export interface AppProcess {
  name: string;
  pid: number;
  /** Sends SIGTERM (SIGKILL after a grace period) and resolves with the exit code, null if killed. */
  stop(): Promise<number | null>;
}

export interface AppSpec {
  name: string;
  entry: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** Polled until it answers 200. */
  readyUrl: string;
}

const STOP_GRACE_MS = 15_000;

/** Runs one app as its own Node.js process, logging to a file, and resolves once it is ready. */
export async function startApp(spec: AppSpec): Promise<AppProcess> {
  const log = openSync(spec.logFile, 'a');
  const child = spawn(process.execPath, ['--enable-source-maps', spec.entry], {
    env: spec.env,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const app = { name: spec.name, pid: child.pid ?? 0, stop: () => stopChild(child, exited) };

  const died = new AbortController();
  void exited.then(() => died.abort());
  try {
    const probe = async () => (await fetch(spec.readyUrl, { signal: AbortSignal.timeout(1_000) })).ok;
    await waitFor(spec.name, probe, 60_000, died.signal);
  } catch {
    await app.stop();
    throw new Error(`${spec.name} failed to start. Last lines of ${spec.logFile}:\n${tail(spec.logFile, 15)}`);
  }
  return app;
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  const code = await exited;
  clearTimeout(timer);
  return code;
}

function tail(file: string, lines: number): string {
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

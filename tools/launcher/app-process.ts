import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, closeSync, openSync, readFileSync } from 'node:fs';
import { waitFor } from '../engines/ports';

export interface AppProcess {
  name: string;
  /** The process serving now: a restarted app has a new one. */
  readonly pid: number;
  /** Stops it for good (SIGTERM, SIGKILL after a grace period): no restart follows. Resolves with its exit code. */
  stop(): Promise<number | null>;
}

export interface AppSpec {
  name: string;
  entry: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** Polled until it answers 200. */
  readyUrl: string;
  /**
   * Restart the app whenever it exits without being asked to stop, with growing pauses between attempts
   * (as Kubernetes restarts a container), saying so on `report`.
   */
  restart?: { report: (line: string) => void };
}

const STOP_GRACE_MS = 15_000;
const READY_WITHIN_MS = 60_000;
/** Pauses before a restart: 1 s, doubled after each restart that did not last, up to 30 s. */
const FIRST_RESTART_DELAY_MS = 1_000;
const MAX_RESTART_DELAY_MS = 30_000;
/** A run that lasts this long starts the pauses over. */
const STABLE_AFTER_MS = 60_000;

/** Runs one app as its own Node.js process, logging to a file, and resolves once it is ready. */
export async function startApp(spec: AppSpec): Promise<AppProcess> {
  return new SupervisedApp(spec, await runUntilReady(spec));
}

interface Running {
  child: ChildProcess;
  exited: Promise<number | null>;
  readyAt: number;
}

class SupervisedApp implements AppProcess {
  readonly name: string;
  private stopping = new AbortController();
  private restarts = 0;
  private delayMs = FIRST_RESTART_DELAY_MS;
  private pending?: NodeJS.Timeout;
  private restarting?: Promise<void>;

  constructor(
    private readonly spec: AppSpec,
    private current: Running,
  ) {
    this.name = spec.name;
    this.watch(current);
  }

  get pid(): number {
    return this.current.child.pid ?? 0;
  }

  async stop(): Promise<number | null> {
    this.stopping.abort();
    clearTimeout(this.pending);
    await this.restarting;
    return stopChild(this.current);
  }

  private watch(running: Running): void {
    const report = this.spec.restart?.report;
    if (!report) return;
    void running.exited.then((code) => {
      if (this.stopping.signal.aborted) return;
      if (Date.now() - running.readyAt >= STABLE_AFTER_MS) this.delayMs = FIRST_RESTART_DELAY_MS;
      const how = code === null ? `signal ${running.child.signalCode ?? '?'}` : `code ${code}`;
      report(`${this.name} exited unexpectedly (${how}); restarting it in ${this.delayMs / 1000} s`);
      this.restartLater(report);
    });
  }

  private restartLater(report: (line: string) => void): void {
    const delay = this.delayMs;
    this.delayMs = Math.min(delay * 2, MAX_RESTART_DELAY_MS);
    this.pending = setTimeout(() => {
      this.restarting = runUntilReady(this.spec, this.stopping.signal).then(
        (next) => {
          this.current = next;
          this.restarts++;
          report(`${this.name} is back (restart ${this.restarts})`);
          this.watch(next);
        },
        () => {
          if (this.stopping.signal.aborted) return;
          report(`${this.name} did not come back; trying again in ${this.delayMs / 1000} s (see ${this.spec.logFile})`);
          this.restartLater(report);
        },
      );
    }, delay);
  }
}

/**
 * Starts the app and waits until it is ready. A process that exits first or is not ready in time (or
 * `cancel` fires meanwhile) is stopped, and this throws.
 */
async function runUntilReady(spec: AppSpec, cancel?: AbortSignal): Promise<Running> {
  // Logs may hold personal data: readable by their owner only.
  const log = openSync(spec.logFile, 'a', 0o600);
  chmodSync(spec.logFile, 0o600);
  const child = spawn(process.execPath, ['--enable-source-maps', spec.entry], {
    env: spec.env,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const running: Running = { child, exited, readyAt: 0 };

  const died = new AbortController();
  void exited.then(() => died.abort());
  try {
    const probe = async () => (await fetch(spec.readyUrl, { signal: AbortSignal.timeout(1_000) })).ok;
    await waitFor(spec.name, probe, READY_WITHIN_MS, cancel ? AbortSignal.any([died.signal, cancel]) : died.signal);
  } catch {
    await stopChild(running);
    throw new Error(`${spec.name} failed to start. Last lines of ${spec.logFile}:\n${tail(spec.logFile, 15)}`);
  }
  running.readyAt = Date.now();
  return running;
}

async function stopChild({ child, exited }: Running): Promise<number | null> {
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

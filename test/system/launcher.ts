import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { waitFor } from '../../tools/engines/ports';
import { repoRoot } from '../../tools/launcher/repo';
import { portEnv, SystemPorts } from '../../tools/launcher/ports';

export interface Launched {
  ports: SystemPorts;
  /** The launcher's process: every part of the system runs below it. */
  pid: number;
  output(): string;
  /** Sends Ctrl-C (SIGINT) and resolves with the exit code. */
  interrupt(): Promise<number | null>;
  exited: Promise<number | null>;
}

/** Runs `npm start`'s launcher (the built one) as a user would, in its own data folder. */
export function launch(dataDir: string, ports: SystemPorts): Launched {
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot(), 'dist', 'tools', 'launcher', 'main.js')], {
    env: { ...process.env, ...portEnv(ports), MYSFITS_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    ports,
    pid: child.pid ?? 0,
    output: () => output,
    exited,
    interrupt: async () => {
      child.kill('SIGINT');
      return exited;
    },
  };
}

/** Resolves once the launcher says the system is up; rejects with its output if it exits first. */
export async function untilRunning(launched: Launched, timeoutMs = 150_000): Promise<void> {
  const exited = new AbortController();
  void launched.exited.then(() => exited.abort());
  const running = async () => launched.output().includes('Press Ctrl-C to stop.');
  try {
    await waitFor('the launcher', running, timeoutMs, exited.signal);
  } catch {
    throw new Error(`The launcher did not start:\n${launched.output()}`);
  }
}

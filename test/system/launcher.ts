import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { waitFor } from '../../tools/engines/ports';
import { repoRoot } from '../../tools/launcher/repo';
import { portEnv, SystemPorts } from '../../tools/launcher/ports';
import type { AppName } from '../../tools/apps';
import { descendants, ProcessInfo } from './processes';

export interface Launched {
  ports: SystemPorts;
  /** The launcher's process (`npm start`'s node): the supervisor is its child, and the system below that. */
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

/** The supervisor process of a launch (tools/launcher/supervisor.ts), the leader of the system's process group. */
export function supervisorOf(launched: Launched): ProcessInfo {
  const supervisor = descendants(launched.pid).find((process) => process.commandLine.includes('supervisor.js'));
  if (!supervisor) throw new Error('The launcher has no supervisor process');
  return supervisor;
}

/** The process of one app of a launch, as it runs now. */
export function appProcessOf(launched: Launched, app: AppName): ProcessInfo {
  const found = descendants(launched.pid).find((process) => process.commandLine.includes(`apps/${app}/src/main.js`));
  if (!found) throw new Error(`The launcher runs no ${app} process`);
  return found;
}

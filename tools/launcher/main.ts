import { fork } from 'node:child_process';
import { join } from 'node:path';
import { nodeVersionWarning } from './node-version';

/**
 * `npm start`. The system runs in a supervisor process (supervisor.ts) with a process group of its
 * own, so Ctrl-C reaches only this process, which asks the supervisor to stop everything in order.
 * If this process dies, the supervisor notices the lost channel and stops everything too. If the
 * supervisor dies without stopping what it started (SIGKILL), this process stops its whole group.
 */
const warning = nodeVersionWarning(process.version);
if (warning) process.stderr.write(`${warning}\n`);

const supervisor = fork(join(__dirname, 'supervisor.js'), process.argv.slice(2), {
  detached: true,
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  process.stdout.write('\nStopping...\n');
  supervisor.send('stop');
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
supervisor.on('exit', (code, signal) => {
  void stopGroup(supervisor.pid ?? 0, signal).then(() => process.exit(code ?? 1));
});

const GROUP_GRACE_MS = 15_000;

/** Stops whatever is left in the supervisor's process group (nothing, once it has stopped in order). */
async function stopGroup(group: number, supervisorSignal: NodeJS.Signals | null): Promise<void> {
  if (!signalGroup(group, 'SIGTERM')) return;
  process.stdout.write(
    `The supervisor ended${supervisorSignal ? ` by ${supervisorSignal}` : ''} and left processes running; stopping them...\n`,
  );
  const deadline = Date.now() + GROUP_GRACE_MS;
  while (signalGroup(group, 0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  signalGroup(group, 'SIGKILL');
}

/** Sends a signal to every process of a group; false once the group has no process left. */
function signalGroup(group: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-group, signal);
    return true;
  } catch {
    return false;
  }
}

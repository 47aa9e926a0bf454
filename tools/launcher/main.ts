import { fork } from 'node:child_process';
import { join } from 'node:path';
import { nodeVersionWarning } from './node-version';

/**
 * `npm start`. The system runs in a supervisor process (supervisor.ts) with a process group of its
 * own, so Ctrl-C reaches only this process, which asks the supervisor to stop everything in order.
 * If this process dies, the supervisor notices the lost channel and stops everything too.
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
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
supervisor.on('exit', (code) => process.exit(code ?? 1));

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { findExecutable } from '../../tools/engines/executables';

/** promtool from Debian's `prometheus` package, or undefined where it is missing. */
export const PROMTOOL = findExecutable('promtool');

/** Runs promtool; resolves with what it printed, whether it succeeded or not. */
export async function promtool(args: string[], cwd?: string): Promise<{ ok: boolean; output: string }> {
  if (!PROMTOOL) throw new Error('promtool is not installed');
  try {
    const { stdout, stderr } = await promisify(execFile)(PROMTOOL, args, { cwd });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? failed.message}` };
  }
}

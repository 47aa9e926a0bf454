import { spawn } from 'node:child_process';
import { DeployError } from './deploy-error';

export interface CommandOptions {
  /** Written to the command's standard input. */
  input?: string;
  /** Reads only local files or state, so it runs under --dry-run too. */
  offline?: boolean;
  /** Shows the command's own output as it runs (builds, pushes, rollouts) instead of capturing it. */
  stream?: boolean;
}

/** Runs the real CLIs (aws, docker, kubectl, terraform, git). Tests give the deploy a recording one instead. */
export interface CommandRunner {
  /** The command's standard output (empty when streamed or not run). */
  run(command: readonly string[], options?: CommandOptions): Promise<string>;
}

/** How a command line is shown: what a person could paste into a shell. */
export function commandLine(command: readonly string[]): string {
  return command.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`)).join(' ');
}

export class ProcessRunner implements CommandRunner {
  constructor(
    private readonly cwd: string,
    private readonly print: (line: string) => void,
  ) {}

  run(command: readonly string[], options: CommandOptions = {}): Promise<string> {
    if (options.stream) this.print(`$ ${commandLine(command)}`);
    const [file, ...args] = command;
    return new Promise((resolve, reject) => {
      const child = spawn(file, args, {
        cwd: this.cwd,
        stdio: [
          options.input === undefined ? 'ignore' : 'pipe',
          options.stream ? 'inherit' : 'pipe',
          options.stream ? 'inherit' : 'pipe',
        ],
      });
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdin?.end(options.input);
      child.on('error', (error: NodeJS.ErrnoException) =>
        reject(
          new DeployError(
            error.code === 'ENOENT' ? `${file} is not installed (or not on PATH)` : `${file}: ${error.message}`,
          ),
        ),
      );
      child.on('close', (code) => {
        if (code === 0) {
          resolve(stdout);
          return;
        }
        const reason = stderr.trim().split('\n').pop() ?? '';
        reject(new CommandFailed(command, code, reason));
      });
    });
  }
}

export class CommandFailed extends DeployError {
  constructor(
    readonly command: readonly string[],
    readonly exitCode: number | null,
    readonly reason: string,
  ) {
    super(`${commandLine(command.slice(0, 3))} failed (exit ${exitCode})${reason ? `: ${reason}` : ''}`);
  }
}

/**
 * --dry-run: commands that only read local files run as usual (the plan needs their answers); every
 * other one is printed instead of run and answers nothing.
 */
export class DryRunRunner implements CommandRunner {
  constructor(
    private readonly runner: CommandRunner,
    private readonly print: (line: string) => void,
  ) {}

  async run(command: readonly string[], options: CommandOptions = {}): Promise<string> {
    if (options.offline) return this.runner.run(command, options);
    this.print(`would run: ${commandLine(command)}${options.input === undefined ? '' : ' (with input)'}`);
    return '';
  }
}

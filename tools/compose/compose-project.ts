import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../launcher/repo';

const run = promisify(execFile);
const LARGE_OUTPUT = 64 * 1024 * 1024;

export interface ContainerState {
  service: string;
  status: string;
  exitCode: number;
  /** healthy, unhealthy or starting; undefined for a container without a healthcheck. */
  health?: string;
}

interface InspectedContainer {
  State: { Status: string; ExitCode: number; Health?: { Status: string } };
  Config: { Labels: Record<string, string> };
}

/**
 * One compose.yaml project driven through the Compose CLI: v2 (`docker compose`) where the machine has
 * it, else v1 (`docker-compose`). Both take the same file and the same commands used here.
 */
export class ComposeProject {
  private constructor(
    private readonly command: string[],
    readonly name: string,
    private readonly envFile: string,
  ) {}

  static async open(name: string, envFile: string): Promise<ComposeProject> {
    return new ComposeProject(await composeCommand(), name, envFile);
  }

  /** Runs a compose command and returns its output; rejects with the output if it fails. */
  async run(args: string[]): Promise<string> {
    const [file, ...prefix] = this.command;
    const global = [
      '--env-file',
      this.envFile,
      '--project-name',
      this.name,
      '--file',
      join(repoRoot(), 'compose.yaml'),
    ];
    try {
      const { stdout, stderr } = await run(file, [...prefix, ...global, ...args], {
        cwd: repoRoot(),
        maxBuffer: LARGE_OUTPUT,
      });
      return stdout + stderr;
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      throw new Error(`${this.command.join(' ')} ${args.join(' ')} failed:\n${stdout}${stderr}`, { cause: error });
    }
  }

  /** What one service has written to stdout and stderr so far. */
  logs(service: string): Promise<string> {
    return this.run(['logs', '--no-color', service]);
  }

  async containers(): Promise<ContainerState[]> {
    const ids = (await this.run(['ps', '--all', '-q'])).split('\n').filter((id) => /^[0-9a-f]{12,}$/.test(id));
    if (ids.length === 0) return [];
    const { stdout } = await run('docker', ['inspect', ...ids], { maxBuffer: LARGE_OUTPUT });
    return (JSON.parse(stdout) as InspectedContainer[]).map((container) => ({
      service: container.Config.Labels['com.docker.compose.service'],
      status: container.State.Status,
      exitCode: container.State.ExitCode,
      health: container.State.Health?.Status || undefined,
    }));
  }

  /**
   * Resolves once every service with a healthcheck is healthy and every one-shot job has exited 0;
   * rejects as soon as a job fails or a service turns unhealthy, or at the deadline.
   */
  async untilHealthy(timeoutMs = 180_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const containers = await this.containers();
      const failed = containers.filter((c) =>
        c.health ? c.health === 'unhealthy' : c.status === 'exited' && c.exitCode !== 0,
      );
      if (failed.length > 0) {
        const logs = await Promise.all(failed.map((c) => this.logs(c.service)));
        throw new Error(`Failed: ${failed.map((c) => c.service).join(', ')}\n${logs.join('\n')}`);
      }
      const waiting = containers.filter((c) => (c.health ? c.health !== 'healthy' : c.status !== 'exited'));
      if (containers.length > 0 && waiting.length === 0) return;
      if (Date.now() > deadline) {
        throw new Error(`Not healthy after ${timeoutMs / 1000} s: ${waiting.map((c) => c.service).join(', ')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

async function composeCommand(): Promise<string[]> {
  try {
    await run('docker', ['compose', 'version']);
    return ['docker', 'compose'];
  } catch {
    await run('docker-compose', ['version']).catch(() => {
      throw new Error('Neither `docker compose` (v2) nor `docker-compose` (v1) is installed');
    });
    return ['docker-compose'];
  }
}

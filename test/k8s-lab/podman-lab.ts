import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The Docker API of the container lab (Podman), as .ci/run and test:compose use it. */
export const LAB_SOCKET = '/run/podman/podman.sock';

/**
 * Podman on the machine, driven through its own CLI (the Docker API has no `kube play`). Everything this
 * creates carries the prefix, so that tests sharing the lab never meet, and `removeAll` takes it away.
 */
export class PodmanLab {
  private readonly created: { kind: 'pod' | 'container' | 'network' | 'secret' | 'image'; name: string }[] = [];

  constructor(readonly prefix: string) {}

  async podman(args: string[]): Promise<string> {
    return (await run('podman', args, { maxBuffer: 64 * 2 ** 20 })).stdout;
  }

  async docker(args: string[]): Promise<string> {
    return (
      await run('docker', args, {
        maxBuffer: 64 * 2 ** 20,
        env: { ...process.env, DOCKER_HOST: `unix://${LAB_SOCKET}` },
      })
    ).stdout;
  }

  track(kind: 'pod' | 'container' | 'network' | 'secret' | 'image', name: string): string {
    this.created.push({ kind, name });
    return name;
  }

  /** Removes what this lab created, newest first; keeps going past what is already gone. */
  async removeAll(): Promise<void> {
    const remove: Record<string, string[]> = {
      pod: ['pod', 'rm', '--force'],
      container: ['rm', '--force'],
      network: ['network', 'rm', '--force'],
      secret: ['secret', 'rm'],
      image: ['rmi', '--force'],
    };
    for (const { kind, name } of [...this.created].reverse()) {
      await this.podman([...remove[kind], name]).catch(() => undefined);
    }
  }
}

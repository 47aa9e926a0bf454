import type { CommandRunner } from './command-runner';
import type { DeployOutputs } from './terraform-outputs';
import type { Clock } from './wait';

/** What every step of one deploy shares. */
export interface Deployment {
  env: string;
  repoRoot: string;
  outputs: DeployOutputs;
  /** The image tag: the git commit, unless given. */
  tag: string;
  /** Where the environment's kustomization is written and applied from. */
  overlayDir: string;
  runner: CommandRunner;
  dryRun: boolean;
  clock: Clock;
  print(line: string): void;
  /** The site's smoke test; the real one sends HTTP requests to the ALB. */
  smokeTest(target: SmokeTarget): Promise<string>;
}

/** Where the smoke test sends its requests. */
export interface SmokeTarget {
  /** The ALB's DNS name. */
  albHostname: string;
  /** The site's host name when it has one (HTTPS); null for plain HTTP on the ALB's name. */
  domain: string | null;
}

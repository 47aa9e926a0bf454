import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../launcher/repo';
import { type CommandRunner, DryRunRunner, ProcessRunner } from './command-runner';
import { DeployError } from './deploy-error';
import type { Deployment } from './deployment';
import { smokeTestSite } from './smoke-test';
import { runSteps, type Step, STEPS } from './steps';
import { parseTerraformOutputs } from './terraform-outputs';
import { realClock } from './wait';

const USAGE = `npm run deploy -- --env <env> [options]

From the outputs of terraform/envs/<env> to a working site: builds and pushes the images, writes
k8s/overlays/eks-<env>, creates the database roles, applies, waits for the rollouts and the ALB, and
smoke-tests the site.

  --env <env>            terraform/envs/<env> (required)
  --step <step>          only these steps, in this order: ${STEPS.join(', ')} (repeatable, or comma-separated)
  --dry-run              print what would happen; touch neither AWS nor the cluster
  --tag <tag>            image tag (default: the git commit, which must have no uncommitted changes)
  --outputs <file>       a saved \`terraform output -json\` instead of running terraform
  --outputs-env <name>   the same document, from this environment variable (CI)
  --overlay-dir <dir>    where the overlay goes (default: k8s/overlays/eks-<env>)
  --update-kubeconfig    point kubectl at the environment's cluster first (aws eks update-kubeconfig)`;

export interface CliOptions {
  env: string;
  steps: Step[];
  dryRun: boolean;
  tag?: string;
  outputsFile?: string;
  outputsEnv?: string;
  overlayDir?: string;
  updateKubeconfig: boolean;
}

export function parseCli(args: string[]): CliOptions | 'help' {
  const { values } = parseArgs({
    args,
    options: {
      env: { type: 'string' },
      step: { type: 'string', multiple: true },
      'dry-run': { type: 'boolean', default: false },
      tag: { type: 'string' },
      outputs: { type: 'string' },
      'outputs-env': { type: 'string' },
      'overlay-dir': { type: 'string' },
      'update-kubeconfig': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return 'help';
  if (!values.env) throw new DeployError('--env is required (e.g. --env dev)');
  if (values.outputs && values['outputs-env']) throw new DeployError('give --outputs or --outputs-env, not both');
  const steps = (values.step ?? [...STEPS]).flatMap((step) => step.split(',')).map((step) => step.trim());
  const unknown = steps.filter((step) => !(STEPS as readonly string[]).includes(step));
  if (unknown.length > 0)
    throw new DeployError(`unknown step ${unknown.join(', ')}: the steps are ${STEPS.join(', ')}`);
  return {
    env: values.env,
    steps: steps as Step[],
    dryRun: values['dry-run'],
    tag: values.tag,
    outputsFile: values.outputs,
    outputsEnv: values['outputs-env'],
    overlayDir: values['overlay-dir'],
    updateKubeconfig: values['update-kubeconfig'],
  };
}

/** Everything one run needs, read before any step: outputs and tag. */
export async function prepareDeployment(
  options: CliOptions,
  root: string,
  runner: CommandRunner,
  print: (line: string) => void,
  environment: NodeJS.ProcessEnv = process.env,
): Promise<Deployment> {
  const terraformDir = join(root, 'terraform', 'envs', options.env);
  if (!existsSync(terraformDir)) throw new DeployError(`there is no terraform/envs/${options.env}`);
  const dryRun = options.dryRun;
  const effective = dryRun ? new DryRunRunner(runner, print) : runner;
  return {
    env: options.env,
    repoRoot: root,
    outputs: await readOutputs(options, terraformDir, runner, environment),
    tag: options.tag ?? (await commitTag(runner, options.steps)),
    overlayDir: options.overlayDir ?? join(root, 'k8s', 'overlays', `eks-${options.env}`),
    runner: effective,
    dryRun,
    clock: realClock,
    print,
    smokeTest: (target) => smokeTestSite(target, realClock),
  };
}

async function readOutputs(
  options: CliOptions,
  terraformDir: string,
  runner: CommandRunner,
  environment: NodeJS.ProcessEnv,
) {
  if (options.outputsEnv) {
    const json = environment[options.outputsEnv];
    if (!json) throw new DeployError(`the environment variable ${options.outputsEnv} is not set`);
    return parseTerraformOutputs(json, `$${options.outputsEnv}`);
  }
  if (options.outputsFile) {
    if (!existsSync(options.outputsFile)) throw new DeployError(`there is no ${options.outputsFile}`);
    return parseTerraformOutputs(readFileSync(options.outputsFile, 'utf8'), options.outputsFile);
  }
  const json = await runner.run(['terraform', `-chdir=${terraformDir}`, 'output', '-json'], { offline: true });
  return parseTerraformOutputs(json, `terraform output in terraform/envs/${options.env}`);
}

/** The commit, as the image tag; building images from uncommitted changes would give the tag other content. */
async function commitTag(runner: CommandRunner, steps: readonly Step[]): Promise<string> {
  if (steps.includes('images')) {
    const changes = await runner.run(['git', 'status', '--porcelain'], { offline: true });
    if (changes.trim()) {
      throw new DeployError(
        'the work tree has uncommitted changes, so the images would not match the commit: commit them, or pass --tag',
      );
    }
  }
  return (await runner.run(['git', 'rev-parse', 'HEAD'], { offline: true })).trim();
}

async function main(): Promise<number> {
  const print = (line: string) => process.stdout.write(`${line}\n`);
  try {
    const options = parseCli(process.argv.slice(2));
    if (options === 'help') {
      print(USAGE);
      return 0;
    }
    const root = repoRoot();
    const deployment = await prepareDeployment(options, root, new ProcessRunner(root, print), print);
    const { outputs } = deployment;
    print(
      `${options.dryRun ? 'Dry run: ' : ''}${options.steps.join(', ')} for ${outputs.cluster_name} (${outputs.region}), images tagged ${deployment.tag}`,
    );
    await runSteps(deployment, options.steps, { updateKubeconfig: options.updateKubeconfig });
    print(options.dryRun ? 'Dry run done: nothing was changed.' : 'Done.');
    return 0;
  } catch (error) {
    // One line: what is wrong and, where it helps, what to do (DeployError); a bad option (parseArgs).
    process.stderr.write(`deploy: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main().then((code) => process.exit(code));
}

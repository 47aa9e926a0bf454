import { CommandFailed } from './command-runner';
import { DeployError } from './deploy-error';
import type { Deployment } from './deployment';
import { EKS_APPS } from './overlay';
import { entryOf } from './terraform-outputs';
import { waitFor } from './wait';

export const INGRESS = 'mysfits';
export const DATABASE_ROLES_JOB = 'database-roles';
/** Labels the objects of the database-roles step, which is applied (and waited for) before the rest. */
const DATABASE_ROLES_LABEL = 'app.kubernetes.io/component';
const ROLLOUT_TIMEOUT = '10m';
const ALB_TIMEOUT_MS = 10 * 60_000;
const JOB_TIMEOUT_MS = 10 * 60_000;
const POLL_MS = 5_000;

function kubectl(deployment: Deployment, ...args: string[]): string[] {
  return ['kubectl', '--namespace', deployment.outputs.k8s_namespace, ...args];
}

/** Points kubectl at the environment's cluster (aws eks update-kubeconfig), for --update-kubeconfig. */
export async function updateKubeconfig(deployment: Deployment): Promise<void> {
  const { region, cluster_name } = deployment.outputs;
  await deployment.runner.run(['aws', 'eks', 'update-kubeconfig', '--region', region, '--name', cluster_name]);
}

/** Refuses to go on when kubectl's current context points at another cluster than the environment's. */
export async function checkKubeContext(deployment: Deployment): Promise<void> {
  const { cluster_endpoint, cluster_name, region } = deployment.outputs;
  if (deployment.dryRun) {
    deployment.print(`would check that the kube context points at ${cluster_endpoint}`);
    return;
  }
  const fix = `run aws eks update-kubeconfig --region ${region} --name ${cluster_name}, or pass --update-kubeconfig`;
  const context = await deployment.runner.run(['kubectl', 'config', 'current-context'], { offline: true }).catch(() => {
    throw new DeployError(`kubectl has no current context: ${fix}`);
  });
  const server = await deployment.runner.run(
    ['kubectl', 'config', 'view', '--minify', '--output', 'jsonpath={.clusters[0].cluster.server}'],
    { offline: true },
  );
  if (normalized(server) !== normalized(cluster_endpoint)) {
    throw new DeployError(
      `the kube context "${context.trim()}" points at ${server.trim() || 'no server'}, not at cluster ${cluster_name} (${cluster_endpoint}): ${fix}`,
    );
  }
}

function normalized(url: string): string {
  return url.trim().replace(/\/+$/, '').toLowerCase();
}

/** The repository name in ECR, from its URL: 1234.dkr.ecr.<region>.amazonaws.com/<name>. */
export function repositoryName(url: string): string {
  return url.slice(url.indexOf('/') + 1);
}

/** Whether the image is in ECR; undefined under --dry-run, which does not ask AWS. */
export async function imageInRegistry(deployment: Deployment, app: string): Promise<boolean | undefined> {
  const url = entryOf(deployment.outputs, 'ecr_repository_urls', app);
  const command = [
    'aws',
    'ecr',
    'describe-images',
    '--region',
    deployment.outputs.region,
    '--repository-name',
    repositoryName(url),
    '--image-ids',
    `imageTag=${deployment.tag}`,
  ];
  try {
    await deployment.runner.run(command);
    return deployment.dryRun ? undefined : true;
  } catch (error) {
    if (error instanceof CommandFailed && /ImageNotFoundException/.test(error.reason)) return false;
    throw error;
  }
}

/** Refuses to deploy a tag that is missing from any of the given apps' repositories. */
export async function checkImagesPushed(deployment: Deployment, apps: readonly string[] = EKS_APPS): Promise<void> {
  for (const app of apps) {
    if ((await imageInRegistry(deployment, app)) === false) {
      const url = entryOf(deployment.outputs, 'ecr_repository_urls', app);
      throw new DeployError(
        `the image ${url}:${deployment.tag} is not in ECR: run the images step first (--step images)`,
      );
    }
  }
}

/** `kubectl apply` of the environment's overlay, limited to the objects the label selector picks. */
function applyOverlay(deployment: Deployment, selector: string): Promise<string> {
  return deployment.runner.run(['kubectl', 'apply', '--kustomize', deployment.overlayDir, '--selector', selector], {
    stream: true,
  });
}

/** Creates the services' database roles with the database-roles Job, and waits until it has succeeded. */
export async function runDatabaseRolesJob(deployment: Deployment): Promise<void> {
  const { runner } = deployment;
  // A Job's pod template cannot change: the previous run (with the previous images) goes first.
  await runner.run(kubectl(deployment, 'delete', 'job', DATABASE_ROLES_JOB, '--ignore-not-found', '--wait=true'));
  await applyOverlay(deployment, `${DATABASE_ROLES_LABEL}=${DATABASE_ROLES_JOB}`);
  if (deployment.dryRun) return;
  const outcome = await waitFor(deployment.clock, () => jobOutcome(deployment), {
    timeoutMs: JOB_TIMEOUT_MS,
    intervalMs: POLL_MS,
    timeoutMessage: () =>
      `the ${DATABASE_ROLES_JOB} Job did not finish in ${JOB_TIMEOUT_MS / 60_000} minutes: kubectl -n ${deployment.outputs.k8s_namespace} logs job/${DATABASE_ROLES_JOB} --all-containers`,
  });
  if (outcome === 'Failed') {
    const logs = await runner.run(
      kubectl(deployment, 'logs', `job/${DATABASE_ROLES_JOB}`, '--all-containers', '--tail=5'),
    );
    const last = logs.trim().split('\n').pop() ?? '';
    throw new DeployError(`the ${DATABASE_ROLES_JOB} Job failed${last ? `: ${last}` : ''}`);
  }
  deployment.print('database roles are in place');
}

async function jobOutcome(deployment: Deployment): Promise<'Complete' | 'Failed' | undefined> {
  const status = JSON.parse(
    (await deployment.runner.run(
      kubectl(deployment, 'get', 'job', DATABASE_ROLES_JOB, '--output', 'jsonpath={.status}'),
    )) || '{}',
  ) as { conditions?: { type: string; status: string }[] };
  const done = status.conditions?.find(
    (condition) => ['Complete', 'Failed'].includes(condition.type) && condition.status === 'True',
  );
  return done?.type as 'Complete' | 'Failed' | undefined;
}

/** Applies everything but the database-roles step, then waits for each rollout. */
export async function applyAndRollOut(deployment: Deployment): Promise<void> {
  const { runner } = deployment;
  await applyOverlay(deployment, `${DATABASE_ROLES_LABEL}!=${DATABASE_ROLES_JOB}`);
  for (const app of EKS_APPS) {
    await runner.run(kubectl(deployment, 'rollout', 'status', `deployment/${app}`, `--timeout=${ROLLOUT_TIMEOUT}`), {
      stream: true,
    });
  }
}

/** The ALB's DNS name, once the AWS Load Balancer Controller has created it for the Ingress. */
export async function albHostname(deployment: Deployment): Promise<string> {
  const read = () =>
    deployment.runner.run(
      kubectl(deployment, 'get', 'ingress', INGRESS, '--output', 'jsonpath={.status.loadBalancer.ingress[0].hostname}'),
    );
  if (deployment.dryRun) {
    await read();
    return `<the ALB of ingress/${INGRESS}>`;
  }
  return waitFor(deployment.clock, async () => (await read()).trim() || undefined, {
    timeoutMs: ALB_TIMEOUT_MS,
    intervalMs: POLL_MS,
    timeoutMessage: () =>
      `ingress/${INGRESS} has no ALB address after ${ALB_TIMEOUT_MS / 60_000} minutes: see kubectl -n kube-system logs deployment/aws-load-balancer-controller`,
  });
}

import {
  albHostname,
  applyAndRollOut,
  checkImagesPushed,
  checkKubeContext,
  runDatabaseRolesJob,
  updateKubeconfig,
} from './cluster';
import { DeployError } from './deploy-error';
import type { Deployment } from './deployment';
import { createMissingSecrets } from './app-secrets';
import { buildAndPushImages } from './images';
import { environmentKustomization, writeOverlay } from './overlay';

/** The deploy's steps, in the order a full deploy runs them. Each can also run on its own (--step). */
export const STEPS = ['images', 'overlay', 'secrets', 'database-roles', 'apply', 'smoke'] as const;
export type Step = (typeof STEPS)[number];

const CLUSTER_STEPS: readonly Step[] = ['secrets', 'database-roles', 'apply', 'smoke'];

export interface RunOptions {
  /** Runs aws eks update-kubeconfig first (CI), instead of trusting the current context. */
  updateKubeconfig?: boolean;
}

/**
 * Runs the steps in order. Everything that can fail without changing anything (the kube context, the
 * images in ECR, the overlay rendering) is checked before the first change to the cluster.
 */
export async function runSteps(
  deployment: Deployment,
  steps: readonly Step[],
  options: RunOptions = {},
): Promise<void> {
  const ordered = STEPS.filter((step) => steps.includes(step));
  if (ordered.some((step) => CLUSTER_STEPS.includes(step))) {
    if (options.updateKubeconfig) await updateKubeconfig(deployment);
    await checkKubeContext(deployment);
  }
  const applies = ordered.includes('database-roles') || ordered.includes('apply');
  if (applies && !ordered.includes('images')) await checkImagesPushed(deployment);
  if (applies || ordered.includes('overlay')) await writeAndRenderOverlay(deployment);
  for (const step of ordered) {
    deployment.print(`== ${step}`);
    await STEP_ACTIONS[step](deployment);
  }
}

const STEP_ACTIONS: Record<Step, (deployment: Deployment) => Promise<void>> = {
  images: buildAndPushImages,
  // Written (and checked) before any step runs; printed here.
  overlay: async (deployment) => deployment.print(`overlay: ${deployment.overlayDir}/kustomization.yaml`),
  secrets: createMissingSecrets,
  'database-roles': runDatabaseRolesJob,
  apply: async (deployment) => {
    await applyAndRollOut(deployment);
    deployment.print(`ALB: ${await albHostname(deployment)}`);
  },
  smoke: async (deployment) => {
    const target = { albHostname: await albHostname(deployment), domain: deployment.outputs.domain_name };
    if (deployment.dryRun) {
      const site = target.domain === null ? `http://${target.albHostname}` : `https://${target.domain}`;
      deployment.print(`would check ${site}/mysfits (the mysfits as JSON) and ${site}/health/ready (404)`);
      return;
    }
    deployment.print(`smoke test passed: ${await deployment.smokeTest(target)}`);
  },
};

/** Writes the environment's overlay and renders it offline, so that a broken one stops the deploy before it applies. */
async function writeAndRenderOverlay(deployment: Deployment): Promise<void> {
  const { overlayDir, outputs, tag, repoRoot, env } = deployment;
  writeOverlay(
    overlayDir,
    environmentKustomization({ outputs, tag, overlayDir, repoRoot }),
    `npm run deploy -- --env ${env}`,
  );
  await deployment.runner.run(['kubectl', 'kustomize', overlayDir], { offline: true }).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DeployError(`the overlay ${overlayDir} does not render: ${reason}`);
  });
}

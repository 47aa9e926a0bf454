import { repositoryName, imageInRegistry } from './cluster';
import type { Deployment } from './deployment';
import { EKS_APPS } from './overlay';
import { entryOf } from './terraform-outputs';

/** The EKS nodes (AL2023_x86_64_STANDARD) run amd64, whatever machine builds the images. */
const PLATFORM = 'linux/amd64';

/**
 * Builds each app's image from docker/Dockerfile and pushes it to its ECR repository under the deploy's
 * tag. Tags are immutable: an image already pushed under this tag is left as it is.
 */
export async function buildAndPushImages(deployment: Deployment): Promise<void> {
  const { runner, outputs } = deployment;
  const password = await runner.run(['aws', 'ecr', 'get-login-password', '--region', outputs.region]);
  await runner.run(['docker', 'login', '--username', 'AWS', '--password-stdin', outputs.ecr_registry], {
    input: password,
  });
  for (const app of EKS_APPS) {
    const image = `${entryOf(outputs, 'ecr_repository_urls', app)}:${deployment.tag}`;
    if (await imageInRegistry(deployment, app)) {
      deployment.print(`${image} is already in ECR (${repositoryName(image)})`);
      continue;
    }
    await runner.run(
      ['docker', 'build', '--platform', PLATFORM, '--file', 'docker/Dockerfile', '--target', app, '--tag', image, '.'],
      {
        stream: true,
      },
    );
    await runner.run(['docker', 'push', image], { stream: true });
  }
}

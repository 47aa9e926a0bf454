import { stringify } from 'yaml';
import { newJwtPrivateKey, randomSecret } from '../secrets/generate';
import { DeployError } from './deploy-error';
import type { Deployment } from './deployment';

/**
 * The Secrets the pods read on EKS, none of them an AWS or database credential: auth's signing key, and the
 * secret the like service signs in to auth with (the same value in both Secrets). The deploy creates them
 * once, when missing, and never replaces them: a new signing key would log every user out.
 */
export function appSecrets(): Record<string, Record<string, string>> {
  const likeSecret = randomSecret();
  return {
    'auth-jwt-key': { JWT_PRIVATE_KEY: newJwtPrivateKey() },
    'auth-secrets': { SERVICE_CLIENTS: `like:${likeSecret}` },
    'like-secrets': { SERVICE_CLIENT_SECRET: likeSecret },
  };
}

/** Secrets that only work together: both are made from one value, or neither exists. */
const SHARED_VALUE = ['auth-secrets', 'like-secrets'];

/** Creates the Secrets that are missing; their values go to kubectl on standard input, never on a command line. */
export async function createMissingSecrets(deployment: Deployment): Promise<void> {
  const namespace = deployment.outputs.k8s_namespace;
  const secrets = appSecrets();
  const missing: string[] = [];
  for (const name of Object.keys(secrets)) {
    const found = await deployment.runner.run([
      'kubectl',
      '--namespace',
      namespace,
      'get',
      'secret',
      name,
      '--ignore-not-found',
      '--output',
      'name',
    ]);
    if (!found.trim()) missing.push(name);
  }
  const shared = SHARED_VALUE.filter((name) => missing.includes(name));
  if (shared.length === 1) {
    const [absent] = shared;
    const present = SHARED_VALUE.find((name) => name !== absent);
    throw new DeployError(
      `Secret ${absent} is missing but ${present} exists, and they must share a value: delete ${present} to have both made afresh`,
    );
  }
  for (const name of missing) {
    const manifest = {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'Opaque',
      metadata: { name, namespace },
      stringData: secrets[name],
    };
    await deployment.runner.run(['kubectl', 'create', '--filename', '-'], { input: stringify(manifest) });
  }
  if (!deployment.dryRun)
    deployment.print(missing.length === 0 ? 'the Secrets exist already' : `created the Secrets ${missing.join(', ')}`);
}

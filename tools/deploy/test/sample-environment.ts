import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../launcher/repo';
import { environmentKustomization, writeOverlay } from '../overlay';
import { parseTerraformOutputs, type DeployOutputs } from '../terraform-outputs';

/** A `terraform output -json` document of an environment with a domain, as terraform/envs/dev prints it. */
export const SAMPLE_OUTPUTS_FILE = join(__dirname, 'terraform-outputs.json');
export const SAMPLE_TAG = '3f9c2d41b7e05a6c8d1e2f3a4b5c6d7e8f901234';

export function sampleOutputsDocument(
  change: (document: Record<string, { value: unknown }>) => void = () => {},
): string {
  const document = JSON.parse(readFileSync(SAMPLE_OUTPUTS_FILE, 'utf8')) as Record<string, { value: unknown }>;
  change(document);
  return JSON.stringify(document);
}

/** The sample environment without a domain: Terraform leaves the null outputs out. */
export function withoutDomain(document: Record<string, { value: unknown }>): void {
  delete document.domain_name;
  delete document.certificate_arn;
}

/** The sample environment with observability_enabled: envs/dev/observability.tf's outputs are set. */
export function withObservability(document: Record<string, { value: unknown }>): void {
  const output = (value: string) => ({ sensitive: false, type: 'string', value });
  document.collector_role_arn = output('arn:aws:iam::210987654321:role/mysfits-dev-otel-collector');
  document.prometheus_remote_write_url = output(
    'https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-5c1d2e3f-4a5b-4c7d-8e9f-1a2b3c4d5e6f/api/v1/remote_write',
  );
  document.grafana_url = output('https://g-7a8b9c0d1e.grafana-workspace.eu-west-1.amazonaws.com');
}

export function sampleOutputs(change?: (document: Record<string, { value: unknown }>) => void): DeployOutputs {
  return parseTerraformOutputs(sampleOutputsDocument(change), 'the sample outputs');
}

/** `kubectl kustomize` of the overlay the deploy writes for these outputs, in a throwaway folder. */
export function renderEnvironment(outputs: DeployOutputs, tag = SAMPLE_TAG): string {
  const overlayDir = mkdtempSync(join(tmpdir(), 'mysfits-overlay-'));
  try {
    writeOverlay(overlayDir, environmentKustomization({ outputs, tag, overlayDir, repoRoot: repoRoot() }), 'a test');
    return execFileSync('kubectl', ['kustomize', overlayDir], { encoding: 'utf8' });
  } finally {
    rmSync(overlayDir, { recursive: true, force: true });
  }
}

/**
 * `kubectl kustomize` of a kustomization of k8s/ that builds on the overlay `npm run deploy -- --env <env>`
 * writes (k8s/overlays/eks-<env>), with that overlay written for these outputs. It all happens in a copy of
 * k8s/ in a throwaway folder (base and components linked), so that no real overlay is touched.
 */
export function renderOnEnvironment(path: string, outputs: DeployOutputs, env = 'dev', tag = SAMPLE_TAG): string {
  const root = mkdtempSync(join(tmpdir(), 'mysfits-k8s-'));
  const k8s = join(root, 'k8s');
  try {
    mkdirSync(k8s);
    for (const linked of ['base', 'components']) symlinkSync(join(repoRoot(), 'k8s', linked), join(k8s, linked));
    const [top] = path.split('/');
    cpSync(join(repoRoot(), 'k8s', top), join(k8s, top), { recursive: true });
    const overlayDir = join(k8s, 'overlays', `eks-${env}`);
    writeOverlay(overlayDir, environmentKustomization({ outputs, tag, overlayDir, repoRoot: root }), 'a test');
    return execFileSync('kubectl', ['kustomize', join(k8s, path)], { encoding: 'utf8' });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

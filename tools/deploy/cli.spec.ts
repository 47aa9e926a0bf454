import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../launcher/repo';
import { SAMPLE_OUTPUTS_FILE, SAMPLE_TAG, sampleOutputsDocument, withoutDomain } from './test/sample-environment';

const CLI = join(repoRoot(), 'dist', 'tools', 'deploy', 'main.js');

/** The compiled command, as `npm run deploy` runs it (npm test builds first). */
function deploy(args: string[], env: NodeJS.ProcessEnv = {}) {
  // No kubeconfig, no AWS credentials: a dry run must not need them.
  const result = spawnSync('node', [CLI, '--env', 'dev', ...args], {
    cwd: repoRoot(),
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: tmpdir(), KUBECONFIG: '/nonexistent', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run deploy -- --dry-run', () => {
  let overlayDir: string;

  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error('npm run build first: this test runs the compiled deploy command');
  });
  beforeEach(() => (overlayDir = mkdtempSync(join(tmpdir(), 'mysfits-dry-run-'))));
  afterEach(() => rmSync(overlayDir, { recursive: true, force: true }));
  const sample = () => ['--outputs', SAMPLE_OUTPUTS_FILE, '--tag', SAMPLE_TAG, '--overlay-dir', overlayDir];

  it('prints every step it would take, offline, and writes and renders the overlay', () => {
    const { code, stdout, stderr } = deploy(['--dry-run', ...sample()]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe(
      `Dry run: images, overlay, secrets, database-roles, apply, smoke for mysfits-dev (eu-west-1), images tagged ${SAMPLE_TAG}`,
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        'would check that the kube context points at https://4C1D7E0B9A2F3E5D6C8B7A9F0E1D2C3B.gr7.eu-west-1.eks.amazonaws.com',
        `would run: docker build --platform linux/amd64 --file docker/Dockerfile --target monolith --tag 210987654321.dkr.ecr.eu-west-1.amazonaws.com/mysfits/monolith:${SAMPLE_TAG} .`,
        'would run: kubectl create --filename - (with input)',
        `would run: kubectl apply --kustomize ${overlayDir} --selector app.kubernetes.io/component=database-roles`,
        'would check https://mysfits.test-domain.net/mysfits (the mysfits as JSON) and https://mysfits.test-domain.net/health/ready (404)',
        'Dry run done: nothing was changed.',
      ]),
    );
    expect(stdout).not.toMatch(/BEGIN PRIVATE KEY|SERVICE_CLIENT_SECRET/);
    expect(readFileSync(join(overlayDir, 'kustomization.yaml'), 'utf8')).toContain(
      'newName: 210987654321.dkr.ecr.eu-west-1.amazonaws.com/mysfits/auth',
    );
  });

  it('reads the outputs from an environment variable, as the deploy workflow passes them', () => {
    const { code, stdout } = deploy(
      [
        '--dry-run',
        '--outputs-env',
        'TERRAFORM_OUTPUTS',
        '--tag',
        SAMPLE_TAG,
        '--overlay-dir',
        overlayDir,
        '--step',
        'smoke',
      ],
      {
        TERRAFORM_OUTPUTS: sampleOutputsDocument(withoutDomain),
      },
    );
    expect(code).toBe(0);
    expect(stdout).toContain('would check http://<the ALB of ingress/mysfits>/mysfits');
  });

  it('stops with one line naming a missing output, having done nothing', () => {
    const outputs = join(overlayDir, 'outputs.json');
    writeFileSync(
      outputs,
      sampleOutputsDocument((document) => delete document.cluster_endpoint),
    );
    const { code, stdout, stderr } = deploy(['--outputs', outputs, '--tag', SAMPLE_TAG, '--overlay-dir', overlayDir]);
    expect(code).toBe(1);
    expect(stderr).toBe(`deploy: ${outputs} lacks the output cluster_endpoint: run terraform apply first\n`);
    expect(stdout).toBe('');
    expect(existsSync(join(overlayDir, 'kustomization.yaml'))).toBe(false);
  });

  it('stops with one line when kubectl has no context, before building anything', () => {
    const { code, stdout, stderr } = deploy(sample());
    expect(code).toBe(1);
    expect(stderr).toBe(
      'deploy: kubectl has no current context: run aws eks update-kubeconfig --region eu-west-1 --name mysfits-dev, or pass --update-kubeconfig\n',
    );
    expect(stdout).not.toContain('docker');
  });
});

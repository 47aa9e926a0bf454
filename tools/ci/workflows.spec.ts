import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';
import { repoRoot } from '../launcher/repo';
import { sampleOutputsDocument, SAMPLE_TAG } from '../deploy/test/sample-environment';

const WORKFLOWS = join(repoRoot(), '.github', 'workflows');
const files = readdirSync(WORKFLOWS).filter((file) => file.endsWith('.yml'));
const text = (file: string) => readFileSync(join(WORKFLOWS, file), 'utf8');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Job {
  uses?: string;
  needs?: string;
  environment?: string;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  on: Record<string, { branches?: string[] } | null>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}
const workflow = (file: string) => parse(text(file)) as Workflow;
const steps = (file: string) => Object.values(workflow(file).jobs).flatMap((job) => job.steps ?? []);

/** The commands the workflows may run: the project's own, each exercised by a test. */
const PROJECT_COMMANDS = [
  '.ci/run', // what CI runs everywhere; it runs npm test
  'npm ci --no-audit --no-fund',
  'npm run deploy -- --env dev --outputs-env TERRAFORM_OUTPUTS --update-kubeconfig', // run below, dry
];

describe('.github/workflows', () => {
  it.each(files)('%s is a valid GitHub Actions workflow (action-validator)', (file) => {
    expect(validateWorkflow(text(file)).errors).toEqual([]);
  });

  it('run only project commands', () => {
    const runs = files.flatMap(steps).flatMap((step) => (step.run ? [step.run.trim()] : []));
    expect(runs.filter((run) => !PROJECT_COMMANDS.includes(run))).toEqual([]);
    expect(new Set(runs)).toEqual(new Set(PROJECT_COMMANDS));
  });

  it('check pull requests with .ci/run, which runs the test suite', () => {
    expect(Object.keys(workflow('ci.yml').on)).toEqual(['pull_request', 'workflow_call']);
    expect(
      steps('ci.yml')
        .map((step) => step.run)
        .filter(Boolean),
    ).toEqual(['.ci/run']);
    expect(readFileSync(join(repoRoot(), '.ci', 'run'), 'utf8')).toMatch(/^npm test$/m);
  });

  it('deploy from main only, after the checks, with a role from GitHub OIDC and no stored AWS key', () => {
    const deploy = workflow('deploy.yml');
    expect(deploy.on).toEqual({ push: { branches: ['main'] } });
    expect(deploy.jobs.checks.uses).toBe('./.github/workflows/ci.yml');
    expect(deploy.jobs.deploy.needs).toBe('checks');
    // The role trusts `repo:<repository>:ref:refs/heads/main`; an environment would change that subject.
    expect(deploy.jobs.deploy.environment).toBeUndefined();
    expect(deploy.jobs.deploy.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    const credentials = deploy.jobs.deploy.steps?.find((step) =>
      step.uses?.startsWith('aws-actions/configure-aws-credentials'),
    );
    expect(Object.keys(credentials?.with ?? {}).sort()).toEqual(['aws-region', 'role-to-assume']);
    for (const file of files) {
      expect(workflow(file).permissions).toEqual({ contents: 'read' });
      expect(text(file)).not.toMatch(
        /aws-access-key-id|aws-secret-access-key|AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|secrets\.AWS/i,
      );
    }
  });

  it('read from the terraform outputs only outputs that terraform/envs/dev declares', () => {
    const outputsTf = readFileSync(join(repoRoot(), 'terraform', 'envs', 'dev', 'outputs.tf'), 'utf8');
    const read = [...text('deploy.yml').matchAll(/fromJSON\(vars\.TERRAFORM_OUTPUTS_DEV\)\.(\w+)\.value/g)].map(
      (match) => match[1],
    );
    expect(read.sort()).toEqual(['ci_role_arn', 'region']);
    for (const output of read) expect(outputsTf).toContain(`output "${output}" {`);
  });

  it('run a deploy command that works, as the dry run shows with the outputs in TERRAFORM_OUTPUTS', () => {
    const deploy = steps('deploy.yml').find((step) => step.run?.startsWith('npm run deploy'))?.run ?? '';
    expect(deploy).not.toBe('');
    const args = deploy.slice('npm run deploy -- '.length).split(' ');
    const overlayDir = mkdtempSync(join(tmpdir(), 'mysfits-workflow-'));
    const result = spawnSync(
      'node',
      [
        join(repoRoot(), 'dist', 'tools', 'deploy', 'main.js'),
        ...args,
        '--dry-run',
        '--tag',
        SAMPLE_TAG,
        '--overlay-dir',
        overlayDir,
      ],
      {
        cwd: repoRoot(),
        encoding: 'utf8',
        env: { PATH: process.env.PATH, TERRAFORM_OUTPUTS: sampleOutputsDocument() },
      },
    );
    rmSync(overlayDir, { recursive: true, force: true });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('would run: aws eks update-kubeconfig --region eu-west-1 --name mysfits-dev');
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ignore from '@balena/dockerignore';
import { DockerfileParser, Instruction } from 'dockerfile-ast';
import { APPS } from '../tools/apps';
import { repoRoot } from '../tools/launcher/repo';

const root = repoRoot();
const dockerfile = DockerfileParser.parse(readFileSync(join(root, 'docker', 'Dockerfile'), 'utf8'));

/** The instructions of one build stage, from its FROM up to the next. */
function stage(name: string): Instruction[] {
  const instructions = dockerfile.getInstructions();
  const start = instructions.findIndex(
    (i) => i.getKeyword() === 'FROM' && i.getArgumentsContent()?.endsWith(` AS ${name}`),
  );
  if (start < 0) throw new Error(`no stage ${name}`);
  const next = instructions.findIndex((i, index) => index > start && i.getKeyword() === 'FROM');
  return instructions.slice(start, next < 0 ? undefined : next);
}

const argument = (instructions: Instruction[], keyword: string) =>
  instructions.find((i) => i.getKeyword() === keyword)?.getArgumentsContent() ?? undefined;

describe('docker/Dockerfile', () => {
  it('builds on a version-tagged node:24-bookworm-slim', () => {
    expect(dockerfile.getARGs()[0].getArgumentsContent()).toBe('NODE_IMAGE=node:24-bookworm-slim');
    expect(dockerfile.getFROMs().map((from) => from.getArgumentsContent()?.split(' ')[0])).toEqual([
      '${NODE_IMAGE}',
      '${NODE_IMAGE}',
      ...APPS.map(() => 'runtime'),
      'runtime', // split, the tool that moves a monolith's data (tools/split/cutover.spec.ts checks it)
    ]);
  });

  it('runs as a numeric non-root user, in production mode, with a healthcheck', () => {
    const runtime = stage('runtime');
    const [uid] = (argument(runtime, 'USER') ?? '').split(':');
    expect(Number(uid)).toBeGreaterThanOrEqual(10_000);
    expect(argument(runtime, 'ENV')).toMatch(/\bNODE_ENV=production\b/);
    expect(JSON.parse((argument(runtime, 'HEALTHCHECK') ?? '').replace(/^CMD /, ''))).toEqual([
      'node',
      'healthcheck.js',
    ]);
  });

  it.each(APPS)('starts %s with node itself, in exec form, so that it receives SIGTERM', (app) => {
    const cmd = JSON.parse(argument(stage(app), 'CMD') ?? 'null') as string[];
    expect(cmd).toEqual(['node', `dist/apps/${app}/src/main.js`]);
    expect(existsSync(join(root, 'apps', app, 'src', 'main.ts'))).toBe(true);
  });
});

describe('.dockerignore', () => {
  const ignored = ignore().add(readFileSync(join(root, '.dockerignore'), 'utf8'));

  it.each([
    '.env',
    '.git/config',
    'node_modules/pg/package.json',
    'dist/apps/auth/src/main.js',
    '.data/secrets.json',
    'k8s/overlays/eks/secrets/jwt-private.pem',
    'apps/auth/test/accounts.e2e-spec.ts',
    'libs/http-kit/src/error-response.spec.ts',
    'terraform/envs/dev/main.tf',
    'test-results/compose.log',
  ])('keeps %s out of the build context', (file) => {
    expect(ignored.ignores(file)).toBe(true);
  });

  it.each([
    'package-lock.json',
    'apps/auth/src/main.ts',
    'apps/monolith/web/index.html',
    'libs/auth-rpc/proto/auth.proto',
    'tools/build/stage-apps.ts',
    'k8s/base/ingress.yaml',
    'docker/healthcheck.js',
  ])('sends %s', (file) => {
    expect(ignored.ignores(file)).toBe(false);
  });
});

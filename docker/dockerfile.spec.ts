import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import ignore from '@balena/dockerignore';
import * as ts from 'typescript';
import { DockerfileParser, Instruction } from 'dockerfile-ast';
import { APPS } from '../tools/apps';
import { APP_NODE_OPTIONS } from '../tools/launcher/node-options';
import { DEFAULT_PORTS, MANAGEMENT_PORT } from '../tools/launcher/ports';
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

/** The files `npm run build` compiles (tsconfig.build.json), relative to the repository root. */
function buildSources(): string[] {
  const config = ts.readConfigFile(join(root, 'tsconfig.build.json'), ts.sys.readFile);
  const { fileNames } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  return fileNames.map((file) => relative(root, file));
}

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

  it('runs the apps with the Node.js options npm start gives them', () => {
    const options = /\bNODE_OPTIONS=(\S+)/.exec(argument(stage('runtime'), 'ENV') ?? '')?.[1];
    expect(options?.split(' ')).toEqual(APP_NODE_OPTIONS);
  });

  it.each(APPS)('gives %s the management port of npm start, and exposes it for the healthcheck', (app) => {
    const env = argument(stage(app), 'ENV') ?? '';
    const adminPort = DEFAULT_PORTS[MANAGEMENT_PORT[app]];
    expect(env).toMatch(new RegExp(`\\bADMIN_PORT=${adminPort}\\b`));
    expect((argument(stage(app), 'EXPOSE') ?? '').split(' ')).toContain(String(adminPort));
  });

  it('copies into the build stage every folder that npm run build compiles (tsconfig.build.json)', () => {
    const copied = stage('build')
      .filter((i) => i.getKeyword() === 'COPY')
      .map((i) => i.getArguments()[0]?.getValue());
    const compiled = new Set(buildSources().map((file) => file.split('/')[0]));
    expect([...compiled].filter((folder) => !copied.includes(folder))).toEqual([]);
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
    'k8s/overlays/kind/secrets/jwt-private.pem',
    'apps/auth/test/accounts.e2e-spec.ts',
    'libs/http-kit/src/error-response.spec.ts',
    'terraform/envs/dev/main.tf',
    'test-results/compose.log',
  ])('keeps %s out of the build context', (file) => {
    expect(ignored.ignores(file)).toBe(true);
  });

  it('sends every source that npm run build compiles', () => {
    const sources = buildSources();
    expect(sources.length).toBeGreaterThan(100);
    expect(sources.filter((file) => ignored.ignores(file))).toEqual([]);
  });

  it.each([
    'package-lock.json',
    'apps/auth/src/main.ts',
    'apps/monolith/web/index.html',
    'libs/auth-rpc/proto/auth.proto',
    'tools/build/build.js',
    'tools/build/stage-apps.ts',
    'k8s/base/ingress.yaml',
    'docker/healthcheck.js',
  ])('sends %s', (file) => {
    expect(ignored.ignores(file)).toBe(false);
  });
});

describe('docker/healthcheck.js', () => {
  const serve = (status: number) =>
    new Promise<Server>((resolve) => {
      const server = createServer((request, response) =>
        response.writeHead(request.url === '/health/live' ? status : 404).end(),
      );
      server.listen(0, '127.0.0.1', () => resolve(server));
    });
  const portOf = (server: Server) => String((server.address() as AddressInfo).port);
  const healthcheck = (env: Record<string, string>) =>
    new Promise<number | null>((resolve) => {
      execFile(
        process.execPath,
        [join(root, 'docker', 'healthcheck.js')],
        { env: { ...process.env, ...env } },
        (error) => resolve(error ? (error.code as number) : 0),
      );
    });

  it('asks /health/live on the management port, not the API port', async () => {
    const [management, api] = await Promise.all([serve(200), serve(500)]);
    try {
      expect(await healthcheck({ ADMIN_PORT: portOf(management), PORT: portOf(api) })).toBe(0);
      expect(await healthcheck({ ADMIN_PORT: portOf(api), PORT: portOf(management) })).toBe(1);
    } finally {
      management.close();
      api.close();
    }
  });
});

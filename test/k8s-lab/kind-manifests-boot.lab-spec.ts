import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { stringify } from 'yaml';
import { podSpec, renderKustomization, type K8sObject } from '../../k8s/test/support/manifests';
import { repoRoot } from '../../tools/launcher/repo';
import { PodmanLab } from './podman-lab';

/**
 * The kind overlay's rendered manifests start the real images: each app's Deployment becomes a Pod for
 * `podman kube play`, against PostgreSQL and DynamoDB Local containers, and each app must answer 200 on
 * /health/ready. What this cannot show: Services, the Ingress, NetworkPolicies and HPAs (Podman plays
 * pods only), and the EKS overlay's IAM parts (no AWS here).
 *
 * Adapted for the shared Podman, and nothing else: names carry a unique prefix (pods, images, Secrets,
 * network); the cluster DNS names of PostgreSQL and DynamoDB Local become hostAliases; the migration runs
 * as a pod of its own first, because Podman 4.3 restarts a played Deployment's init containers forever;
 * the probes are left out, because Podman 4.3 turns them into `curl` health checks on port 0 (a named
 * port), which kill the container, and the images have no curl. This test asks /health/ready itself.
 */
const ROOT = repoRoot();
const APPS = ['auth', 'monolith', 'like'] as const;
const DEPENDENCY_HOSTS = {
  postgres: 'postgres.mysfits-deps.svc.cluster.local',
  dynamodb: 'dynamodb.mysfits-deps.svc.cluster.local',
};
const READY_TIMEOUT_MS = 180_000;

const lab = new PodmanLab(`mysfits-k8s-lab-${randomBytes(3).toString('hex')}`);
const name = (what: string) => `${lab.prefix}-${what}`;
const scratch = mkdtempSync(join(tmpdir(), `${lab.prefix}-`));

type Deployment = IDeployment & K8sObject;
const rendered = renderKustomization(join(ROOT, 'k8s', 'overlays', 'kind'));
const podSpecOf = (app: string) =>
  podSpec(rendered.find((o) => o.kind === 'Deployment' && o.metadata.name === app) as Deployment);

async function until<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await check().catch(() => undefined);
    if (answer !== undefined) return answer;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(1_000);
  }
}

/** The kind overlay's Secrets, from its committed example env files, as Podman secrets under the prefix. */
async function createSecrets(): Promise<void> {
  const envFile = (file: string) =>
    Object.fromEntries(
      readFileSync(join(ROOT, 'k8s', 'overlays', 'kind', 'secrets', file), 'utf8')
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
  const key = execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], {
    encoding: 'utf8',
  });
  const secrets: Record<string, Record<string, string>> = {
    'auth-secrets': envFile('auth.env.example'),
    'auth-jwt-key': { JWT_PRIVATE_KEY: key },
    'monolith-secrets': envFile('monolith.env.example'),
    'like-secrets': envFile('like.env.example'),
  };
  for (const [secret, data] of Object.entries(secrets)) {
    // Podman 4.3 reads a played pod's secretKeyRef from a secret holding {key: base64 value} as JSON.
    const encoded = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v).toString('base64')]));
    const file = join(scratch, `${secret}.json`);
    writeFileSync(file, JSON.stringify(encoded), { mode: 0o600 });
    await lab.podman(['secret', 'create', lab.track('secret', name(secret)), file]);
  }
}

/** A played pod: the pod spec as rendered, with the lab's names and the dependencies' addresses. */
function podManifest(podName: string, spec: IPodSpec, hostAliases: { ip: string; hostnames: string[] }[]): string {
  const renamed = structuredClone(spec);
  const adapt = (container: IContainer) => {
    container.image = container.image?.replace(/^mysfits\/(\w+):dev$/, `localhost/${lab.prefix}/$1:dev`);
    delete container.livenessProbe;
    delete container.readinessProbe;
    delete container.startupProbe;
    for (const entry of container.env ?? []) {
      const ref = entry.valueFrom?.secretKeyRef;
      if (ref?.name !== undefined) ref.name = name(ref.name);
    }
  };
  renamed.containers.forEach(adapt);
  return stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: podName }, spec: { ...renamed, hostAliases } });
}

async function play(manifest: string): Promise<void> {
  const file = join(scratch, `${randomBytes(4).toString('hex')}.yaml`);
  writeFileSync(file, manifest);
  const configMaps = join(scratch, 'configmaps.yaml');
  await lab.podman(['kube', 'play', '--network', name('net'), '--configmap', configMaps, file]);
}

async function containerLogs(container: string): Promise<string> {
  return lab
    .podman(['logs', '--tail', '40', container])
    .catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
}

describe('the kind overlay, played by Podman with the real images', () => {
  const hostAliases: { ip: string; hostnames: string[] }[] = [];

  beforeAll(async () => {
    writeFileSync(
      join(scratch, 'configmaps.yaml'),
      rendered
        .filter((o) => o.kind === 'ConfigMap')
        .map((o) => stringify(o))
        .join('---\n'),
    );
    for (const app of APPS) {
      process.stdout.write(`building ${app}\n`);
      await lab.docker([
        'build',
        '--pull=false',
        '--file',
        'docker/Dockerfile',
        '--target',
        app,
        '--tag',
        lab.track('image', `localhost/${lab.prefix}/${app}:dev`),
        ROOT,
      ]);
    }
    await lab.podman(['network', 'create', lab.track('network', name('net'))]);
    await lab.podman([
      'run',
      '--detach',
      '--name',
      lab.track('container', name('postgres')),
      '--network',
      name('net'),
      '--env',
      'POSTGRES_PASSWORD=postgres',
      'docker.io/library/postgres:17',
    ]);
    await lab.podman([
      'run',
      '--detach',
      '--name',
      lab.track('container', name('dynamodb')),
      '--network',
      name('net'),
      'docker.io/amazon/dynamodb-local:latest',
      '-jar',
      'DynamoDBLocal.jar',
      '-inMemory',
      '-sharedDb',
    ]);
    await until('PostgreSQL', 60_000, async () =>
      (await lab.podman(['exec', name('postgres'), 'pg_isready', '-U', 'postgres', '-h', '127.0.0.1']))
        ? true
        : undefined,
    );
    // The databases the README's kind section creates by hand.
    for (const database of ['auth', 'app'])
      await lab.podman(['exec', name('postgres'), 'createdb', '-U', 'postgres', database]);
    for (const [dependency, hostname] of Object.entries(DEPENDENCY_HOSTS)) {
      const ip = (
        await lab.podman([
          'inspect',
          '--format',
          `{{(index .NetworkSettings.Networks "${name('net')}").IPAddress}}`,
          name(dependency),
        ])
      ).trim();
      hostAliases.push({ ip, hostnames: [hostname] });
    }
    await createSecrets();
  }, 20 * 60_000);

  afterAll(async () => {
    await lab.removeAll();
    rmSync(scratch, { recursive: true, force: true });
  }, 120_000);

  it.each(['auth', 'monolith'])(
    '%s: the migration init container, run as a pod of its own, succeeds',
    async (app) => {
      const { initContainers = [], ...spec } = podSpecOf(app);
      expect(initContainers.map((c) => c.name)).toEqual(['migrate']);
      const pod = lab.track('pod', name(`${app}-migrate`));
      await play(podManifest(pod, { ...spec, containers: initContainers, restartPolicy: 'Never' }, hostAliases));
      const exitCode = (await lab.podman(['wait', `${pod}-migrate`])).trim();
      if (exitCode !== '0')
        throw new Error(`${app} migration exited ${exitCode}:\n${await containerLogs(`${pod}-migrate`)}`);
      expect(await containerLogs(`${pod}-migrate`)).toContain('"applied"');
    },
    180_000,
  );

  it.each(APPS)(
    '%s: starts from its Deployment and answers 200 on /health/ready',
    async (app) => {
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the migration ran as a pod of its own
      const { initContainers, ...spec } = podSpecOf(app);
      const pod = lab.track('pod', name(app));
      await play(podManifest(pod, spec, hostAliases));
      const [container] = spec.containers;
      // Where the kubelet would ask: the readiness probe's port (the management port), named or not.
      const probePort = container.readinessProbe?.httpGet?.port;
      const port = container.ports?.find((p) => p.name === probePort || p.containerPort === probePort)?.containerPort;
      if (port === undefined) throw new Error(`${app}'s readiness probe names no port of its container`);
      const probe = `fetch('http://127.0.0.1:${port}/health/ready').then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))`;
      const started = Date.now();
      try {
        await until(`${app} /health/ready`, READY_TIMEOUT_MS, async () => {
          await lab.podman(['exec', `${pod}-${container.name}`, 'node', '-e', probe]);
          return true;
        });
      } catch (error) {
        const logs = await containerLogs(`${pod}-${container.name}`);
        throw new Error(`${(error as Error).message}; logs:\n${logs}`, { cause: error });
      }
      process.stdout.write(`${app}: ready in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    },
    READY_TIMEOUT_MS + 60_000,
  );
});

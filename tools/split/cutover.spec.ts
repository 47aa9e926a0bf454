import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DockerfileParser } from 'dockerfile-ast';
import { parseAllDocuments } from 'yaml';
import { blocks, loadModule, stringsIn } from '../../terraform/test/support/hcl';
import { repoRoot } from '../launcher/repo';
import { MysfitsTable } from '../legacy/mysfits-table';

/**
 * The manifests of docs/cut-over.md against what they run: the Job against the split image as the
 * Dockerfile builds it (staged here by the same script), the Secrets and ConfigMap the apps use, and the
 * monolith's IAM role; maintenance against the Ingress it replaces.
 */
const root = repoRoot();

// Kubernetes objects, loosely typed: the assertions say what they expect.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type K8sObject = Record<string, any>;

function render(kustomization: string): K8sObject[] {
  const output = execFileSync('kubectl', ['kustomize', join(root, 'k8s', kustomization)], { encoding: 'utf8' });
  return parseAllDocuments(output).map((document) => document.toJS() as K8sObject);
}

const find = (objects: K8sObject[], kind: string, name: string) =>
  objects.find((object) => object.kind === kind && object.metadata.name === name);

describe('the Job that splits the data (k8s/cutover/split)', () => {
  const objects = render('cutover/split');
  const job = find(objects, 'Job', 'legacy-split')!;
  const pod = job.spec.template.spec;
  const container = pod.containers[0];
  const staged = mkdtempSync(join(tmpdir(), 'split-image-'));

  beforeAll(async () => {
    await promisify(execFile)(process.execPath, [
      join(root, 'dist', 'tools', 'build', 'stage-apps.js'),
      staged,
      'split',
    ]);
  }, 180_000);
  afterAll(() => rmSync(staged, { recursive: true, force: true }));

  it("runs the split image's command, whose files the image holds with the apps' migrate commands", () => {
    const dockerfile = DockerfileParser.parse(readFileSync(join(root, 'docker', 'Dockerfile'), 'utf8'));
    const instructions = dockerfile.getInstructions();
    const stage = instructions.findIndex(
      (i) => i.getKeyword() === 'FROM' && i.getArgumentsContent() === 'runtime AS split',
    );
    const splitStage = instructions.slice(stage);
    const argument = (keyword: string) => splitStage.find((i) => i.getKeyword() === keyword)?.getArgumentsContent();
    expect(splitStage.find((i) => i.getKeyword() === 'COPY')?.getTextContent()).toBe('COPY --from=build /out/split ./');
    const staging = instructions.find(
      (i) => i.getKeyword() === 'RUN' && i.getArgumentsContent()?.includes('stage-apps.js'),
    );
    expect(staging?.getArgumentsContent()).toMatch(/stage-apps\.js \/out [\w ]*\bsplit\b/);

    expect(container.image).toBe('111122223333.dkr.ecr.us-east-1.amazonaws.com/mysfits/split:0.1.0');
    expect(container.command).toEqual(JSON.parse(argument('CMD') ?? 'null'));
    for (const file of [container.command[1], 'dist/apps/auth/src/migrate.js', 'dist/apps/monolith/src/migrate.js']) {
      expect(existsSync(join(staged, 'split', file))).toBe(true);
    }
  });

  it('starts from the staged files alone, reading the database addresses from the variables the Job sets', async () => {
    // Each Secret's value stands in as a URL of a port where nothing listens.
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH };
    for (const variable of container.env) {
      const ref = variable.valueFrom?.secretKeyRef;
      if (ref) env[variable.name] = `postgres://user:password@127.0.0.1:1/${ref.name}`;
    }
    const run = await promisify(execFile)(process.execPath, [container.command[1]], {
      cwd: join(staged, 'split'),
      env,
    }).catch((error: { code: number; stderr: string }) => error);
    expect(run).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(
        /^migrate:split: Cannot reach the legacy database at postgres:\/\/user:\*\*\*@127\.0\.0\.1:1\/legacy-split: /,
      ),
    });
  }, 60_000);

  it("reaches auth's and the app's databases with the Secrets those apps use", () => {
    const databaseSecret = (deployment: string) =>
      find(objects, 'Deployment', deployment)!.spec.template.spec.containers[0].env.find(
        (variable: K8sObject) => variable.name === 'DATABASE_URL',
      ).valueFrom.secretKeyRef;
    const secretOf = (name: string) =>
      container.env.find((variable: K8sObject) => variable.name === name).valueFrom.secretKeyRef;
    expect(secretOf('AUTH_DATABASE_URL')).toEqual(databaseSecret('auth'));
    expect(secretOf('APP_DATABASE_URL')).toEqual(databaseSecret('monolith'));
    expect(secretOf('LEGACY_DATABASE_URL')).toEqual({ name: 'legacy-split', key: 'LEGACY_DATABASE_URL' });
  });

  it('refers to the generated ConfigMap and to the service account whose IAM role may make its DynamoDB calls', async () => {
    expect(find(objects, 'ConfigMap', container.envFrom[0].configMapRef.name)).toBeDefined();
    const region = container.env.find((variable: K8sObject) => variable.name === 'AWS_REGION');
    expect(region.valueFrom.configMapKeyRef.name).toBe(container.envFrom[0].configMapRef.name);
    const account = find(objects, 'ServiceAccount', pod.serviceAccountName)!;
    expect(account.metadata.annotations['eks.amazonaws.com/role-arn']).toMatch(/^arn:aws:iam::/);

    const dynamodb = await loadModule(join(root, 'terraform', 'modules', 'dynamodb'));
    const statements = blocks(dynamodb.data.get('aws_iam_policy_document.access')?.statement);
    const mysfitsTable = statements.find((statement) => statement.sid === 'MysfitsTable');
    expect(stringsIn(mysfitsTable?.actions)).toEqual(expect.arrayContaining(MysfitsTable.iamActions));
  });

  it('runs as Pod Security "restricted" asks, within limits, and is not retried after a refusal', () => {
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(container.resources.limits).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
    expect(pod.restartPolicy).toBe('Never');
    // Exit code 2 is a refusal (tools/split/main.ts): retrying cannot help.
    expect(job.spec.podFailurePolicy.rules).toEqual([
      { action: 'FailJob', onExitCodes: { containerName: container.name, operator: 'In', values: [2] } },
    ]);
  });

  it('may reach PostgreSQL and HTTPS (DynamoDB, STS) and nothing else', () => {
    const policy = objects.find(
      (object) =>
        object.kind === 'NetworkPolicy' &&
        object.spec.podSelector.matchLabels?.['app.kubernetes.io/name'] ===
          job.spec.template.metadata.labels['app.kubernetes.io/name'],
    );
    expect(policy?.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(policy?.spec.egress.map((rule: K8sObject) => rule.ports.map((port: K8sObject) => port.port))).toEqual([
      [5432],
      [443],
    ]);
  });
});

describe('maintenance (k8s/cutover/maintenance)', () => {
  const maintenance = render('cutover/maintenance');
  const serving = render('overlays/eks');

  it('changes nothing but the Ingress of overlays/eks', () => {
    const others = (objects: K8sObject[]) => objects.filter((object) => object.kind !== 'Ingress');
    expect(others(maintenance)).toEqual(others(serving));
  });

  it('answers every path with a fixed 503 and the error shape of the API', () => {
    const ingress = find(maintenance, 'Ingress', 'mysfits')!;
    expect(ingress.spec.rules).toEqual([
      {
        http: {
          paths: [
            {
              path: '/*',
              pathType: 'ImplementationSpecific',
              backend: { service: { name: 'maintenance', port: { name: 'use-annotation' } } },
            },
          ],
        },
      },
    ]);
    const action = JSON.parse(ingress.metadata.annotations['alb.ingress.kubernetes.io/actions.maintenance']);
    expect(action).toMatchObject({
      type: 'fixed-response',
      fixedResponseConfig: { statusCode: '503', contentType: 'application/json' },
    });
    expect(JSON.parse(action.fixedResponseConfig.messageBody)).toEqual({
      statusCode: 503,
      code: 'MAINTENANCE',
      message: expect.any(String),
    });
  });
});

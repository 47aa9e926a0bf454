import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DockerfileParser } from 'dockerfile-ast';
import { parseAllDocuments } from 'yaml';
import { renderEnvironment, renderOnEnvironment, sampleOutputs } from '../deploy/test/sample-environment';
import { repoRoot } from '../launcher/repo';

/**
 * The manifests of docs/cut-over.md, on the overlay the deploy writes for the sample terraform outputs,
 * against what they run: the Job against the split image as the Dockerfile builds it (staged here by the
 * same script), the database URLs and ConfigMap the apps use, and its own IAM role; maintenance
 * against the Ingress it replaces.
 */
const root = repoRoot();

// Kubernetes objects, loosely typed: the assertions say what they expect.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type K8sObject = Record<string, any>;

function parseObjects(output: string): K8sObject[] {
  return parseAllDocuments(output).map((document) => document.toJS() as K8sObject);
}

const render = (kustomization: string) => parseObjects(renderOnEnvironment(kustomization, sampleOutputs()));

/** The object of that kind and name; the test fails here when it is missing. */
function find(objects: K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in the rendered manifests`);
  return found;
}

describe('the Job that splits the data (k8s/cutover/split)', () => {
  const objects = render('cutover/split');
  const job = find(objects, 'Job', 'legacy-split');
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
    // The Job's values as they are; each Secret's value stands in as a URL of a port where nothing listens.
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH };
    for (const variable of container.env) {
      const ref = variable.valueFrom?.secretKeyRef;
      if (ref) env[variable.name] = `postgres://user:password@127.0.0.1:1/${ref.name}`;
      else if (variable.value !== undefined) env[variable.name] = variable.value;
    }
    const run = await promisify(execFile)(process.execPath, [container.command[1]], {
      cwd: join(staged, 'split'),
      env,
    }).catch((error: unknown) => error);
    expect(run).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(
        /^migrate:split: Cannot reach the legacy database at postgres:\/\/user:\*\*\*@127\.0\.0\.1:1\/legacy-split: /,
      ),
    });
  }, 60_000);

  it("signs in to auth's and the app's databases at the URLs and with the IAM authentication those apps use", () => {
    const variable = (env: K8sObject[], name: string): K8sObject =>
      env.find((candidate) => candidate.name === name) ?? {};
    const appEnv = (deployment: string) => find(objects, 'Deployment', deployment).spec.template.spec.containers[0].env;
    for (const [name, deployment] of [
      ['AUTH_DATABASE_URL', 'auth'],
      ['APP_DATABASE_URL', 'monolith'],
    ]) {
      expect(variable(container.env, name).value).toBe(variable(appEnv(deployment), 'DATABASE_URL').value);
      expect(variable(container.env, 'DATABASE_IAM_AUTH')).toEqual(variable(appEnv(deployment), 'DATABASE_IAM_AUTH'));
    }
    expect(new URL(variable(container.env, 'AUTH_DATABASE_URL').value).hostname).toBe(sampleOutputs().auth_db_endpoint);
    expect(variable(container.env, 'DATABASE_IAM_AUTH').value).toBe('true');
    expect(variable(container.env, 'LEGACY_DATABASE_URL').valueFrom.secretKeyRef).toEqual({
      name: 'legacy-split',
      key: 'LEGACY_DATABASE_URL',
    });
  });

  it('refers to the generated ConfigMap, and runs as its own service account with the IAM role Terraform made for it', () => {
    expect(find(objects, 'ConfigMap', container.envFrom[0].configMapRef.name)).toBeDefined();
    const region = container.env.find((variable: K8sObject) => variable.name === 'AWS_REGION');
    expect(region.valueFrom.configMapKeyRef.name).toBe(container.envFrom[0].configMapRef.name);
    // terraform/test/iam-covers-code.spec.ts checks that this account's role allows exactly the split's calls.
    expect(pod.serviceAccountName).toBe('legacy-split');
    const account = find(objects, 'ServiceAccount', pod.serviceAccountName);
    expect(account.metadata.annotations['eks.amazonaws.com/role-arn']).toBe(
      sampleOutputs().service_account_role_arns['legacy-split'],
    );
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
    expect(policy?.spec.egress[0].to).toEqual(find(objects, 'NetworkPolicy', 'postgres').spec.egress[0].to);
    expect(policy?.spec.egress[0].to[0].ipBlock.cidr).toBe(sampleOutputs().vpc_cidr);
    expect(policy?.spec.egress.map((rule: K8sObject) => rule.ports.map((port: K8sObject) => port.port))).toEqual([
      [5432],
      [443],
    ]);
  });
});

describe('maintenance (k8s/cutover/maintenance)', () => {
  const maintenance = render('cutover/maintenance');
  const serving = parseObjects(renderEnvironment(sampleOutputs()));

  it("changes nothing but the Ingress of the environment's overlay", () => {
    const others = (objects: K8sObject[]) => objects.filter((object) => object.kind !== 'Ingress');
    expect(others(maintenance)).toEqual(others(serving));
  });

  it('answers every path with a fixed 503 and the error shape of the API', () => {
    const ingress = find(maintenance, 'Ingress', 'mysfits');
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

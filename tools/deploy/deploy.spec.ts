import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../launcher/repo';
import { CommandFailed } from './command-runner';
import { DeployError } from './deploy-error';
import type { Deployment, SmokeTarget } from './deployment';
import { parseCli, prepareDeployment } from './main';
import { runSteps, STEPS } from './steps';
import { RecordingRunner } from './test/recording-runner';
import { SAMPLE_OUTPUTS_FILE, SAMPLE_TAG, sampleOutputs, withoutDomain } from './test/sample-environment';
import type { Clock } from './wait';

const outputs = sampleOutputs();
const REGISTRY = '210987654321.dkr.ecr.eu-west-1.amazonaws.com';
const ALB = 'k8s-mysfits-1a2b3c4d5e-1234567890.eu-west-1.elb.amazonaws.com';
const NS = 'kubectl --namespace mysfits';

/** A clock that never waits: each sleep moves time on. */
const instantClock = (): Clock => {
  let now = 0;
  return { now: () => now, sleep: async (ms) => void (now += ms) };
};

/** How a healthy cluster and AWS answer; `override` changes single answers by command line. */
function cluster(override: (line: string) => string | Error | undefined = () => undefined) {
  return (line: string): string | Error | undefined => {
    const changed = override(line);
    if (changed !== undefined) return changed;
    if (line === 'kubectl config current-context') return 'arn:aws:eks:eu-west-1:210987654321:cluster/mysfits-dev\n';
    if (line.startsWith('kubectl config view')) return outputs.cluster_endpoint;
    if (line === 'aws ecr get-login-password --region eu-west-1') return 'ecr-password';
    if (line.startsWith(`${NS} get job database-roles`)) return '{"conditions":[{"type":"Complete","status":"True"}]}';
    if (line.startsWith(`${NS} get ingress mysfits`)) return ALB;
    if (line.startsWith(`${NS} get secret`)) return line.includes('auth-jwt-key') ? '' : `secret/${line.split(' ')[4]}`;
    return undefined;
  };
}

const imageNotFound = (line: string) =>
  line.startsWith('aws ecr describe-images')
    ? new CommandFailed(
        line.split(' '),
        254,
        'An error occurred (ImageNotFoundException) when calling the DescribeImages operation',
      )
    : undefined;

describe('the deploy command', () => {
  let overlayDir: string;
  let printed: string[];
  let smokeTargets: SmokeTarget[];

  beforeEach(() => {
    overlayDir = mkdtempSync(join(tmpdir(), 'mysfits-deploy-'));
    printed = [];
    smokeTargets = [];
  });
  afterEach(() => rmSync(overlayDir, { recursive: true, force: true }));

  function deployment(runner: RecordingRunner, change: Partial<Deployment> = {}): Deployment {
    return {
      env: 'dev',
      repoRoot: repoRoot(),
      outputs,
      tag: SAMPLE_TAG,
      overlayDir,
      runner,
      dryRun: false,
      clock: instantClock(),
      print: (line) => printed.push(line),
      smokeTest: async (target) => {
        smokeTargets.push(target);
        return '12 mysfits';
      },
      ...change,
    };
  }

  it('pushes the images, creates the database roles, applies, waits and smoke-tests, with these commands', async () => {
    const runner = new RecordingRunner(cluster(imageNotFound));
    await runSteps(deployment(runner), STEPS);
    const image = (app: string) => `${REGISTRY}/mysfits/${app}:${SAMPLE_TAG}`;
    const describe = (app: string) =>
      `aws ecr describe-images --region eu-west-1 --repository-name mysfits/${app} --image-ids imageTag=${SAMPLE_TAG}`;
    expect(runner.commands).toEqual([
      'kubectl config current-context',
      "kubectl config view --minify --output 'jsonpath={.clusters[0].cluster.server}'",
      `kubectl kustomize ${overlayDir}`,
      'aws ecr get-login-password --region eu-west-1',
      `docker login --username AWS --password-stdin ${REGISTRY}`,
      ...['auth', 'monolith', 'like'].flatMap((app) => [
        describe(app),
        `docker build --platform linux/amd64 --file docker/Dockerfile --target ${app} --tag ${image(app)} .`,
        `docker push ${image(app)}`,
      ]),
      ...['auth-jwt-key', 'auth-secrets', 'like-secrets'].map(
        (name) => `${NS} get secret ${name} --ignore-not-found --output name`,
      ),
      'kubectl create --filename -',
      `${NS} delete job database-roles --ignore-not-found --wait=true`,
      `kubectl apply --kustomize ${overlayDir} --selector app.kubernetes.io/component=database-roles`,
      `${NS} get job database-roles --output 'jsonpath={.status}'`,
      `kubectl apply --kustomize ${overlayDir} --selector 'app.kubernetes.io/component!=database-roles'`,
      ...['auth', 'monolith', 'like'].map((app) => `${NS} rollout status deployment/${app} --timeout=10m`),
      `${NS} get ingress mysfits --output 'jsonpath={.status.loadBalancer.ingress[0].hostname}'`,
      `${NS} get ingress mysfits --output 'jsonpath={.status.loadBalancer.ingress[0].hostname}'`,
    ]);
    expect(runner.inputsOf(`docker login --username AWS --password-stdin ${REGISTRY}`)).toEqual(['ecr-password']);
    expect(runner.inputsOf('kubectl create --filename -').join()).toMatch(
      /name: auth-jwt-key[^]*JWT_PRIVATE_KEY: \|[^]*BEGIN PRIVATE KEY/,
    );
    expect(smokeTargets).toEqual([{ albHostname: ALB, domain: 'mysfits.test-domain.net' }]);
    expect(readFileSync(join(overlayDir, 'kustomization.yaml'), 'utf8')).toContain(`newTag: ${SAMPLE_TAG}`);
  });

  it('smoke-tests plain HTTP on the ALB when there is no domain', async () => {
    const runner = new RecordingRunner(cluster());
    await runSteps(deployment(runner, { outputs: sampleOutputs(withoutDomain) }), ['smoke']);
    expect(smokeTargets).toEqual([{ albHostname: ALB, domain: null }]);
  });

  it('creates the Secrets the pods read when they are missing, with one shared value for auth and like', async () => {
    const runner = new RecordingRunner(cluster((line) => (line.includes('get secret') ? '' : undefined)));
    await runSteps(deployment(runner), ['secrets']);
    const created = runner.commands.filter((line) => line === 'kubectl create --filename -');
    expect(created).toHaveLength(3);
    const manifests = runner.inputsOf('kubectl create --filename -').join('\n');
    const likeSecret = /SERVICE_CLIENT_SECRET: (\S+)/.exec(manifests)?.[1] ?? 'none';
    expect(manifests).toContain(`SERVICE_CLIENTS: like:${likeSecret}`);
    expect(printed).toContain('created the Secrets auth-jwt-key, auth-secrets, like-secrets');
  });

  it('refuses to create one of two Secrets that must share a value', async () => {
    const runner = new RecordingRunner(cluster((line) => (line.includes('get secret like-secrets') ? '' : undefined)));
    await expect(runSteps(deployment(runner), ['secrets'])).rejects.toThrow(
      'Secret like-secrets is missing but auth-secrets exists, and they must share a value: delete auth-secrets to have both made afresh',
    );
    expect(runner.clusterChanges).toEqual([]);
    expect(runner.commands).not.toContain('kubectl create --filename -');
  });

  it('leaves an image that is already in ECR as it is (tags are immutable)', async () => {
    const runner = new RecordingRunner(
      cluster((line) => (line.includes('mysfits/monolith') ? undefined : imageNotFound(line))),
    );
    await runSteps(deployment(runner), ['images']);
    expect(runner.commands.filter((line) => line.startsWith('docker build'))).toHaveLength(2);
    expect(runner.commands.some((line) => line.includes(`--target monolith`))).toBe(false);
  });

  it('stops with one line, and applies nothing, when the kube context points at another cluster', async () => {
    const runner = new RecordingRunner(
      cluster((line) =>
        line.startsWith('kubectl config view') ? 'https://0A1B2C.yl4.eu-west-1.eks.amazonaws.com' : undefined,
      ),
    );
    const failure = runSteps(deployment(runner), STEPS);
    await expect(failure).rejects.toThrow(DeployError);
    await expect(failure).rejects.toThrow(
      /^the kube context "arn:aws:eks:eu-west-1:210987654321:cluster\/mysfits-dev" points at https:\/\/0A1B2C\.yl4\.eu-west-1\.eks\.amazonaws\.com, not at cluster mysfits-dev \(https:\/\/4C1D.*\): run aws eks update-kubeconfig --region eu-west-1 --name mysfits-dev, or pass --update-kubeconfig$/,
    );
    expect(runner.commands.some((line) => line.startsWith('docker'))).toBe(false);
    expect(runner.clusterChanges).toEqual([]);
  });

  it('stops with one line, and applies nothing, when kubectl has no context at all', async () => {
    const runner = new RecordingRunner(
      cluster((line) =>
        line === 'kubectl config current-context'
          ? new CommandFailed(['kubectl'], 1, 'current-context is not set')
          : undefined,
      ),
    );
    await expect(runSteps(deployment(runner), ['apply'])).rejects.toThrow(
      /^kubectl has no current context: run aws eks update-kubeconfig/,
    );
    expect(runner.clusterChanges).toEqual([]);
  });

  it('points kubectl at the cluster first with --update-kubeconfig', async () => {
    const runner = new RecordingRunner(cluster());
    await runSteps(deployment(runner), ['smoke'], { updateKubeconfig: true });
    expect(runner.commands[0]).toBe('aws eks update-kubeconfig --region eu-west-1 --name mysfits-dev');
  });

  it('stops with one line, and applies nothing, when an image is not in ECR', async () => {
    const runner = new RecordingRunner(
      cluster((line) => (line.includes('mysfits/like') ? imageNotFound(line) : undefined)),
    );
    await expect(runSteps(deployment(runner), ['database-roles', 'apply'])).rejects.toThrow(
      new DeployError(
        `the image ${REGISTRY}/mysfits/like:${SAMPLE_TAG} is not in ECR: run the images step first (--step images)`,
      ),
    );
    expect(runner.clusterChanges).toEqual([]);
  });

  it('stops before the services when the database-roles Job fails, saying why', async () => {
    const runner = new RecordingRunner(
      cluster((line) => {
        if (line.startsWith(`${NS} get job`)) return '{"conditions":[{"type":"Failed","status":"True"}]}';
        if (line.startsWith(`${NS} logs job/database-roles`))
          return 'connecting\nerror: password authentication failed for user "auth_admin"\n';
        return undefined;
      }),
    );
    await expect(runSteps(deployment(runner), ['database-roles', 'apply'])).rejects.toThrow(
      'the database-roles Job failed: error: password authentication failed for user "auth_admin"',
    );
    expect(runner.clusterChanges.filter((line) => line.includes('component!=database-roles'))).toEqual([]);
  });

  it('gives up waiting for the ALB after ten minutes, pointing at the controller logs', async () => {
    const runner = new RecordingRunner(cluster((line) => (line.startsWith(`${NS} get ingress`) ? '' : undefined)));
    await expect(runSteps(deployment(runner), ['apply'])).rejects.toThrow(
      'ingress/mysfits has no ALB address after 10 minutes: see kubectl -n kube-system logs deployment/aws-load-balancer-controller',
    );
  });

  describe('reading its inputs', () => {
    const cli = (...args: string[]) => parseCli(['--env', 'dev', ...args]);

    it('takes the steps to run, and refuses one it does not know', () => {
      expect(cli('--step', 'smoke,images')).toMatchObject({ steps: ['smoke', 'images'] });
      expect(() => cli('--step', 'push')).toThrow(
        'unknown step push: the steps are images, overlay, secrets, database-roles, apply, smoke',
      );
    });

    it('reads the outputs from terraform, a file or an environment variable', async () => {
      const json = readFileSync(SAMPLE_OUTPUTS_FILE, 'utf8');
      const runner = new RecordingRunner((line) =>
        line.startsWith('terraform') ? json : line === 'git rev-parse HEAD' ? 'f00d\n' : '',
      );
      const fromTerraform = await prepareDeployment(cli('--step', 'apply') as never, repoRoot(), runner, () => {});
      expect(runner.commands).toEqual([
        `terraform -chdir=${repoRoot()}/terraform/envs/dev output -json`,
        'git rev-parse HEAD',
      ]);
      expect(fromTerraform).toMatchObject({
        outputs,
        tag: 'f00d',
        overlayDir: join(repoRoot(), 'k8s', 'overlays', 'eks-dev'),
      });
      const fromEnv = await prepareDeployment(
        cli('--outputs-env', 'OUTPUTS', '--tag', 't1') as never,
        repoRoot(),
        runner,
        () => {},
        {
          OUTPUTS: json,
        },
      );
      expect(fromEnv.outputs).toEqual(outputs);
      await expect(
        prepareDeployment(cli('--outputs-env', 'OUTPUTS') as never, repoRoot(), runner, () => {}, {}),
      ).rejects.toThrow('the environment variable OUTPUTS is not set');
    });

    it('refuses to tag images built from uncommitted changes with the commit', async () => {
      const runner = new RecordingRunner((line) =>
        line === 'git status --porcelain' ? ' M apps/auth/src/main.ts\n' : '',
      );
      await expect(
        prepareDeployment(
          cli('--outputs', SAMPLE_OUTPUTS_FILE, '--step', 'images') as never,
          repoRoot(),
          runner,
          () => {},
        ),
      ).rejects.toThrow(
        'the work tree has uncommitted changes, so the images would not match the commit: commit them, or pass --tag',
      );
    });
  });
});

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { allContainers } from './support/manifests';
import { K8S_DIR, OVERLAYS, overlay } from './support/overlays';

const README = readFileSync(path.join(K8S_DIR, 'README.md'), 'utf8');
const REPO_DIR = path.dirname(K8S_DIR);

/** The README's `kubectl create secret generic` commands, continuation lines joined. */
const secretCommands = README.replace(/\\\n\s*/g, ' ')
  .split('\n')
  .flatMap((line) => {
    const match = /kubectl -n mysfits create secret generic (\S+) (.*)/.exec(line);
    return match ? [{ secret: match[1], args: match[2] }] : [];
  });

function envFileKeys(file: string): string[] {
  const text = readFileSync(path.join(REPO_DIR, file.endsWith('.example') ? file : `${file}.example`), 'utf8');
  return text.split('\n').flatMap((line) => /^([A-Z0-9_]+)=/.exec(line)?.[1] ?? []);
}

/** Secret name -> keys, as the README creates them for one overlay. */
function documentedSecrets(overlayName: string): Map<string, string[]> {
  const secrets = new Map<string, string[]>();
  for (const { secret, args } of secretCommands.filter((c) => c.args.includes(`k8s/overlays/${overlayName}/`))) {
    const envFiles = [...args.matchAll(/--from-env-file=(\S+)/g)].flatMap((m) => envFileKeys(m[1]));
    const files = [...args.matchAll(/--from-file=([A-Z0-9_]+)=\S+/g)].map((m) => m[1]);
    secrets.set(secret, [...envFiles, ...files].sort());
  }
  return secrets;
}

/** Secret name -> keys, as the rendered Deployments read them. */
function referencedSecrets(overlayName: string): Map<string, string[]> {
  const secrets = new Map<string, Set<string>>();
  for (const d of overlay(overlayName).deployments) {
    for (const c of allContainers(d)) {
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.secretKeyRef;
        if (ref?.name) secrets.set(ref.name, (secrets.get(ref.name) ?? new Set()).add(ref.key));
      }
      if (c.envFrom?.some((source) => source.secretRef)) throw new Error(`${c.name}: envFrom a Secret hides its keys`);
    }
  }
  return new Map([...secrets].map(([name, keys]) => [name, [...keys].sort()]));
}

// On EKS the deploy command creates the Secrets (tools/deploy tests that it creates what the pods read).
const HAND_MADE_SECRETS = Object.keys(OVERLAYS).filter((name) => !name.startsWith('eks'));

describe.each(HAND_MADE_SECRETS)('the README for overlays/%s', (name) => {
  it('creates exactly the Secrets and keys the Deployments read, from the committed examples', () => {
    const referenced = referencedSecrets(name);
    expect(referenced.size).toBeGreaterThan(0);
    expect(documentedSecrets(name)).toEqual(referenced);
  });

  it(`deploys it with kubectl apply -k k8s/overlays/${name}`, () => {
    expect(README).toContain(`kubectl apply -k k8s/overlays/${name}\n`);
  });
});

it('keeps real secret files and the generated EKS overlays out of git, and the shared config in it', () => {
  const ignored = (file: string) =>
    spawnSync('git', ['check-ignore', '--no-index', '--quiet', path.join(K8S_DIR, file)]).status === 0;
  expect(ignored('overlays/eks-dev/kustomization.yaml')).toBe(true);
  expect(ignored('overlays/kind/secrets/like.env')).toBe(true);
  expect(ignored('overlays/kind/jwt-private-key.pem')).toBe(true);
  expect(ignored('overlays/kind/secrets/auth.env.example')).toBe(false);
  expect(ignored('base/config.env')).toBe(false);
});

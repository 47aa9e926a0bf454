import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../launcher/repo';
import { parseCli } from './main';

const read = (file: string) => readFileSync(join(repoRoot(), file), 'utf8');
const README = read('README.md');
const EKS_SECTION = README.slice(README.indexOf('## Deploy to Amazon EKS'));

describe("the README's EKS section", () => {
  it('walks from terraform apply through the deploy to the teardown, in order', () => {
    const steps = [
      'terraform -chdir=terraform/envs/dev init',
      'terraform -chdir=terraform/envs/dev apply',
      'npm run deploy -- --env dev --update-kubeconfig',
      'smoke test passed: ',
      'kubectl -n kube-system logs deployment/aws-load-balancer-controller',
      'kubectl -n mysfits delete ingress mysfits',
      'terraform -chdir=terraform/envs/dev destroy -var deletion_protection=false',
    ];
    const positions = steps.map((step) => EKS_SECTION.indexOf(step));
    expect(steps.filter((_, i) => positions[i] < 0)).toEqual([]);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('shows what the deploy prints at the end', () => {
    const output = (/```text\n([^]*?)```/.exec(EKS_SECTION)?.[1] ?? '').trim().split('\n');
    const source = ['steps.ts', 'main.ts'].map((file) => read(join('tools', 'deploy', file))).join('\n');
    expect(output.map((line) => line.replace(/:.*$/, ':'))).toEqual([
      'ALB:',
      '== smoke',
      'smoke test passed:',
      'Done.',
    ]);
    expect(source).toContain('`ALB: ${');
    expect(source).toContain('`== ${step}`');
    expect(source).toContain('`smoke test passed: ${');
    expect(source).toContain("'Done.'");
  });

  it.each(['README.md', 'terraform/README.md', 'k8s/README.md'])(
    '%s gives only deploy commands the deploy accepts',
    (file) => {
      const commands = [...read(file).matchAll(/npm run deploy -- (.+)$/gm)].map((match) =>
        match[1].replace(/\s+#.*$/, '').replace(/`.*$/, ''),
      );
      for (const command of commands) expect(() => parseCli(command.trim().split(/\s+/))).not.toThrow();
    },
  );
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TERRAFORM_DIR } from './support/paths';

const readme = readFileSync(join(TERRAFORM_DIR, 'README.md'), 'utf8');

describe('terraform/README.md', () => {
  it('walks from terraform apply to the ALB address, in order', () => {
    const steps = [
      'terraform init',
      'terraform apply',
      'aws eks update-kubeconfig',
      'docker login',
      'docker build',
      'docker push',
      'create secret generic',
      'kubectl apply -k k8s/overlays/eks',
      'get ingress mysfits',
      'terraform destroy',
    ];
    const positions = steps.map((step) => readme.indexOf(step));
    expect(positions.filter((position) => position < 0)).toEqual([]);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('states the monthly cost of the default sizes and its assumptions', () => {
    expect(readme).toMatch(/## What it costs/);
    expect(readme).toMatch(/us-east-1/);
    expect(readme).toMatch(/on-demand/);
    expect(readme).toMatch(/\*\*Total\*\*.*\*\*about \d+\*\*/);
  });

  it('explains why auth and app get separate database instances', () => {
    expect(readme).toMatch(/## Two database instances/);
  });
});

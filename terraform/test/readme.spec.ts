import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TERRAFORM_DIR } from './support/paths';

const readme = readFileSync(join(TERRAFORM_DIR, 'README.md'), 'utf8');

describe('terraform/README.md', () => {
  it('explains the choices a reader would question', () => {
    for (const heading of [
      'Two database instances',
      'Database credentials that survive rotation',
      'Node capacity: a fixed size, sized for the HPA maxima',
      'HTTPS, or plain HTTP',
      'Deploying from GitHub Actions',
      'Versions',
    ]) {
      expect(readme).toContain(`\n## ${heading}\n`);
    }
  });

  it('states the monthly cost of the default sizes and its assumptions', () => {
    expect(readme).toMatch(/## What it costs/);
    expect(readme).toMatch(/us-east-1/);
    expect(readme).toMatch(/on-demand/);
    expect(readme).toMatch(/\*\*Total\*\*.*\*\*about \d+\*\*/);
  });

  it('names the provider versions that versions.tf pins', () => {
    const versions = readFileSync(join(TERRAFORM_DIR, 'envs', 'dev', 'versions.tf'), 'utf8');
    for (const [, provider, version] of versions.matchAll(
      /source\s*=\s*"(hashicorp\/\w+)"\s*\n\s*version\s*=\s*"([^"]+)"/g,
    )) {
      expect(readme).toContain(`${provider} ${version}`);
    }
  });
});

import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadStack, type Instance } from './stack';

export const TERRAFORM_DIR = resolve(__dirname, '..', '..');
export const DEV_ENV_DIR = join(TERRAFORM_DIR, 'envs', 'dev');
export const MODULES_DIR = join(TERRAFORM_DIR, 'modules');
export const FIXTURES_DIR = join(TERRAFORM_DIR, 'test', 'fixtures');

export const moduleDirs = (): string[] => subdirectories(MODULES_DIR);
export const envDirs = (): string[] => subdirectories(join(TERRAFORM_DIR, 'envs'));

let devStack: Promise<Instance> | undefined;

/** envs/dev with every module it calls, loaded once per test file. */
export function loadDevStack(): Promise<Instance> {
  devStack ??= loadStack(DEV_ENV_DIR);
  return devStack;
}

export function loadFixture(name: string): Promise<Instance> {
  return loadStack(join(FIXTURES_DIR, name));
}

function subdirectories(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(dir, entry.name))
    .sort();
}

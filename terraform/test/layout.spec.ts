import { basename } from 'node:path';
import { checkDocumented, checkFilesPresent, checkVariablesUsed, checkVersionPins } from './support/conventions';
import { loadModule } from './support/hcl';
import { envDirs, loadDevStack, moduleDirs } from './support/paths';
import { allInstances } from './support/stack';

const MODULE_FILES = ['main.tf', 'variables.tf', 'outputs.tf', 'versions.tf', 'README.md'];
const ENV_FILES = ['main.tf', 'variables.tf', 'outputs.tf', 'versions.tf', 'providers.tf'];

describe.each([
  ...moduleDirs().map((dir) => ({ dir, files: MODULE_FILES })),
  ...envDirs().map((dir) => ({ dir, files: ENV_FILES })),
])('$dir', ({ dir, files }) => {
  it('has the standard files', () => {
    const result = checkFilesPresent(dir, files);
    expect(result.problems).toEqual([]);
    expect(result.checked).toBe(files.length);
  });

  it('types and describes every variable and output', async () => {
    const result = checkDocumented(await loadModule(dir));
    expect(result.problems).toEqual([]);
    expect(result.checked).toBeGreaterThan(0);
  });

  it('pins Terraform and every provider it uses', async () => {
    const result = checkVersionPins(await loadModule(dir));
    expect(result.problems).toEqual([]);
    expect(result.checked).toBeGreaterThan(1);
  });

  it('uses every variable it declares', async () => {
    const result = checkVariablesUsed(await loadModule(dir));
    expect(result.problems).toEqual([]);
    expect(result.checked).toBeGreaterThan(0);
  });
});

it('calls every module from envs/dev', async () => {
  const used = new Set(allInstances(await loadDevStack()).map((instance) => basename(instance.module.dir)));
  expect(
    moduleDirs()
      .map((dir) => basename(dir))
      .filter((name) => !used.has(name)),
  ).toEqual([]);
});

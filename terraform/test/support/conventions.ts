import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Findings, type CheckResult } from './findings';
import { blocks, blocksReadingValues, isObject, referencesIn, stringsIn, type HclValue, type TfModule } from './hcl';
import { splitTraversal } from './traversal';

// `~> 6.28`, `~> 1.9`, `1.13.3`, `= 1.13.3`, or any range with an upper bound.
const PINNED = /^(~>\s*\d+\.\d+(\.\d+)?|=?\s*\d+\.\d+\.\d+)$|<\s*\d/;
// Resource type prefixes that belong to Terraform itself, not to a provider.
const BUILT_IN = new Set(['terraform']);

export function checkFilesPresent(dir: string, files: readonly string[]): CheckResult {
  const findings = new Findings();
  for (const file of files) findings.expect(existsSync(join(dir, file)), `${dir}: ${file} is missing`);
  return findings;
}

/** Every variable has a type and a description, every output a description. */
export function checkDocumented(module: TfModule): CheckResult {
  const findings = new Findings();
  for (const [name, variable] of module.variables) {
    findings.expect('type' in variable, `${module.dir}: variable ${name} has no type`);
    findings.expect(isText(variable.description), `${module.dir}: variable ${name} has no description`);
  }
  for (const [name, output] of module.outputs) {
    findings.expect(isText(output.description), `${module.dir}: output ${name} has no description`);
  }
  return findings;
}

/** required_version and every provider the module uses are declared with a pinned constraint. */
export function checkVersionPins(module: TfModule): CheckResult {
  const findings = new Findings();
  const settings = module.settings;
  findings.expect(
    settings.some((block) => isPinned(block.required_version)),
    `${module.dir}: terraform.required_version is missing or not pinned`,
  );
  const declared = new Map<string, HclValue>();
  for (const block of settings.flatMap((setting) => blocks(setting.required_providers))) {
    for (const [name, requirement] of Object.entries(block)) declared.set(name, requirement);
  }
  for (const provider of providersUsed(module)) {
    const requirement = declared.get(provider);
    const version = isObject(requirement) ? requirement.version : undefined;
    findings.expect(
      isObject(requirement) && typeof requirement.source === 'string' && isPinned(version),
      `${module.dir}: provider ${provider} has no source or pinned version in required_providers`,
    );
  }
  return findings;
}

/** A variable nobody reads is an input that silently does nothing. */
export function checkVariablesUsed(module: TfModule): CheckResult {
  const findings = new Findings();
  const read = new Set(
    blocksReadingValues(module)
      .flatMap(stringsIn)
      .flatMap(referencesIn)
      .map(splitTraversal)
      .filter(([root]) => root === 'var')
      .map(([, name]) => name),
  );
  for (const name of module.variables.keys())
    findings.expect(read.has(name), `${module.dir}: variable ${name} is never used`);
  return findings;
}

function providersUsed(module: TfModule): Set<string> {
  const types = [...module.resources.keys(), ...module.data.keys()].map((address) => address.split('_')[0]);
  return new Set([...types, ...module.providers.keys()].filter((name) => !BUILT_IN.has(name)));
}

function isPinned(constraint: HclValue | undefined): boolean {
  return typeof constraint === 'string' && PINNED.test(constraint.trim());
}

function isText(value: HclValue | undefined): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

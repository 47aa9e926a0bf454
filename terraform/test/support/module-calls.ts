import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Findings, type CheckResult } from './findings';
import { distinctModules, isLocalSource, type Instance } from './stack';

const META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);
const EXACT_VERSION = /^\d+\.\d+\.\d+$/;

/**
 * Every module call passes each variable the module requires and nothing it does not declare;
 * a registry module must be pinned to one exact version.
 */
export function checkModuleCalls(root: Instance): CheckResult {
  const findings = new Findings();
  for (const instance of distinctModules(root)) {
    for (const [name, call] of instance.module.calls) {
      const where = `${instance.module.dir}: module.${name}`;
      if (!isLocalSource(call.source)) {
        findings.expect(
          EXACT_VERSION.test(String(call.version)),
          `${where} (${String(call.source)}) needs an exact version`,
        );
        continue;
      }
      const exists = existsSync(resolve(instance.module.dir, call.source));
      const [child] = instance.children.get(name) ?? [];
      if (!findings.expect(exists && child !== undefined, `${where}: no module at ${call.source}`) || !child) continue;
      for (const [variable, declaration] of child.module.variables) {
        if (!('default' in declaration))
          findings.expect(variable in call, `${where} does not pass required variable ${variable}`);
      }
      for (const argument of Object.keys(call).filter((key) => !META_ARGUMENTS.has(key))) {
        findings.expect(
          child.module.variables.has(argument),
          `${where} passes ${argument}, which ${call.source} does not declare`,
        );
      }
    }
  }
  return findings;
}

import type { Scope } from './evaluate';
import type { HclObject, HclValue } from './hcl';
import { stripInterpolation, traversalSteps } from './traversal';

export interface VariableOrigin {
  scope: Scope;
  name: string;
  declaration: HclObject;
}

/** The variable a value is ultimately passed in through, following `var.x` up the module calls. */
export function variableOrigin(scope: Scope, value: HclValue | undefined): VariableOrigin | undefined {
  const expression = typeof value === 'string' ? stripInterpolation(value) : undefined;
  const steps = expression === undefined ? undefined : traversalSteps(expression);
  if (!steps || steps[0] !== 'var' || steps.length !== 2) return undefined;
  const { instance } = scope;
  const name = steps[1];
  if (instance.parent && name in instance.args) {
    return variableOrigin({ instance: instance.parent, each: instance.each }, instance.args[name]);
  }
  const declaration = instance.module.variables.get(name);
  return declaration && { scope, name, declaration };
}

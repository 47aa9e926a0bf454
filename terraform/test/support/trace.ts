import { selectChildren, type Scope } from './evaluate';
import { isObject, referencesIn, stringsIn, type HclObject, type HclValue } from './hcl';
import { prefix, type Instance, type Located } from './stack';
import { splitTraversal, stripInterpolation, traversalSteps } from './traversal';

/** A resource or data source that a value comes from. */
export interface Origin extends Located {
  type: string;
}

const MAX_DEPTH = 40;

/**
 * The resources and data sources a value is derived from, followed through variables, locals,
 * module outputs and `each` (of `block`, the block the value sits in).
 */
export function trace(scope: Scope, value: HclValue | undefined, block?: HclObject): Origin[] {
  const byAddress = new Map<string, Origin>();
  for (const origin of traceAt(scope, value, block, 0)) byAddress.set(origin.address, origin);
  return [...byAddress.values()];
}

/** Origins of one type; `data.` prefixes a data source type. */
export function traceTo(item: Located, value: HclValue | undefined, type: string): Origin[] {
  return trace({ instance: item.instance }, value, item.body).filter((origin) => origin.type === type);
}

function traceAt(scope: Scope, value: HclValue | undefined, block: HclObject | undefined, depth: number): Origin[] {
  if (value === undefined || depth > MAX_DEPTH) return [];
  return stringsIn(value)
    .flatMap(referencesIn)
    .flatMap((reference) => traceReference(scope, splitTraversal(reference), block, depth + 1));
}

function traceReference(scope: Scope, steps: string[], block: HclObject | undefined, depth: number): Origin[] {
  const { instance } = scope;
  const [root, name, ...rest] = steps;
  switch (root) {
    case 'var':
      // The module call is the block of its arguments: `each` in them is the call's for_each.
      return instance.parent && name in instance.args
        ? traceAt({ instance: instance.parent, each: instance.each }, instance.args[name], instance.args, depth)
        : [];
    case 'local':
      return traceAt({ instance }, instance.module.locals.get(name), undefined, depth);
    case 'module':
      return selectChildren(instance, name, rest).flatMap(({ child, steps: after }) =>
        traceAt({ instance: child }, child.module.outputs.get(after[0])?.value, undefined, depth),
      );
    case 'each':
      if (!block || !('for_each' in block)) return [];
      return traceAt(scope, forEachEntry(scope, block.for_each) ?? block.for_each, undefined, depth);
    case 'data':
      return origin(instance, `data.${name}`, `${name}.${rest[0]}`, instance.module.data.get(`${name}.${rest[0]}`));
    case 'count':
    case 'path':
    case 'terraform':
    case 'self':
      return [];
    default:
      return origin(instance, root, `${root}.${name}`, instance.module.resources.get(`${root}.${name}`));
  }
}

/**
 * The element of a for_each that the current `each` stands for, when the for_each names a local or
 * variable written as an object literal: `each.value` of the key "auth" then traces only that entry.
 */
function forEachEntry(scope: Scope, forEach: HclValue): HclValue | undefined {
  if (!scope.each || typeof forEach !== 'string') return undefined;
  const steps = traversalSteps(stripInterpolation(forEach) ?? '');
  if (!steps || steps.length !== 2 || steps[0] !== 'local') return undefined;
  const literal = scope.instance.module.locals.get(steps[1]);
  return isObject(literal) ? literal[scope.each.key] : undefined;
}

function origin(instance: Instance, type: string, address: string, body: HclObject | undefined): Origin[] {
  if (!body) return [];
  const kind = type.startsWith('data.') ? 'data.' : '';
  return [{ instance, type, address: `${prefix(instance.address)}${kind}${address}`, body }];
}

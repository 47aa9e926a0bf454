import { Findings, type CheckResult } from './findings';
import { blocks, isObject, referencesIn, type HclObject, type HclValue } from './hcl';
import { distinctModules, type Instance } from './stack';
import { splitTraversal } from './traversal';

interface Context {
  each: boolean;
  count: boolean;
  iterators: ReadonlySet<string>;
}

const TOP_LEVEL = { each: false, count: false, iterators: new Set<string>() };
// Meta-arguments whose values are not expressions over the module's objects.
const NOT_EXPRESSIONS = new Set(['source', 'version', 'provider', 'providers']);

/**
 * Every reference in every module of the stack must name something declared: a resource, data
 * source, variable, local, module output, or `each`/`count`/iterator where one is in scope.
 */
export function checkReferences(root: Instance): CheckResult {
  const findings = new Findings();
  for (const instance of distinctModules(root)) {
    const { module } = instance;
    const check = (where: string, body: HclObject, context: Context): void =>
      walkBody(body, context, (reference, inner) =>
        findings.expect(
          resolves(instance, reference, inner),
          `${module.dir}: ${where} refers to undeclared ${reference}`,
        ),
      );
    for (const [address, body] of module.resources) check(address, body, blockContext(body));
    for (const [address, body] of module.data) check(`data.${address}`, body, blockContext(body));
    for (const [name, body] of module.calls) check(`module.${name}`, body, blockContext(body));
    for (const [name, body] of module.outputs) check(`output.${name}`, body, TOP_LEVEL);
    for (const [name, value] of module.locals) check(`local.${name}`, { value }, TOP_LEVEL);
    for (const [name, body] of module.variables) check(`var.${name}`, { validation: body.validation ?? [] }, TOP_LEVEL);
    for (const [name, bodies] of module.providers) bodies.forEach((body) => check(`provider.${name}`, body, TOP_LEVEL));
  }
  return findings;
}

function blockContext(body: HclObject): Context {
  return { each: 'for_each' in body, count: 'count' in body, iterators: new Set() };
}

type Visit = (reference: string, context: Context) => void;

function walkBody(body: HclObject, context: Context, visit: Visit): void {
  const expressions = Object.entries(body).filter(([key]) => !NOT_EXPRESSIONS.has(key));
  walk(Object.fromEntries(expressions), context, visit);
}

function walk(value: HclValue, context: Context, visit: Visit): void {
  if (typeof value === 'string') {
    for (const reference of referencesIn(value)) visit(reference, context);
  } else if (Array.isArray(value)) {
    for (const item of value) walk(item, context, visit);
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      for (const reference of referencesIn(key)) visit(reference, context);
      if (key === 'dynamic') walkDynamic(item, context, visit);
      else if (key !== 'ignore_changes') walk(item, context, visit);
    }
  }
}

/** `dynamic "x" { for_each = ..., content { ... x.value ... } }`: the iterator exists only in content. */
function walkDynamic(value: HclValue, context: Context, visit: Visit): void {
  if (!isObject(value)) return;
  for (const [label, declarations] of Object.entries(value)) {
    for (const dynamic of blocks(declarations)) {
      walk(dynamic.for_each ?? null, context, visit);
      const iterator = typeof dynamic.iterator === 'string' ? dynamic.iterator : label;
      walk(dynamic.content ?? null, { ...context, iterators: new Set([...context.iterators, iterator]) }, visit);
    }
  }
}

function resolves(instance: Instance, reference: string, context: Context): boolean {
  const { module } = instance;
  const [root, name, ...rest] = splitTraversal(reference);
  switch (root) {
    case 'var':
      return module.variables.has(name);
    case 'local':
      return module.locals.has(name);
    case 'data':
      return module.data.has(`${name}.${rest[0]}`);
    case 'module':
      return module.calls.has(name) && moduleOutputExists(instance, name, rest);
    case 'each':
      return context.each && (name === 'key' || name === 'value');
    case 'count':
      return context.count && name === 'index';
    case 'path':
      return ['module', 'root', 'cwd'].includes(name);
    case 'terraform':
      return name === 'workspace';
    default:
      return context.iterators.has(root) || module.resources.has(`${root}.${name}`);
  }
}

/** `module.x` alone (depends_on), `module.x.output` or `module.x[key].output`. */
function moduleOutputExists(instance: Instance, name: string, steps: string[]): boolean {
  const call = instance.module.calls.get(name);
  const [child] = instance.children.get(name) ?? [];
  if (!call || !child) return true; // a registry module cannot be read offline; module-calls.ts flags it
  const keyed = 'for_each' in call || 'count' in call;
  const [output] = keyed ? steps.slice(1) : steps;
  return output === undefined || child.module.outputs.has(output);
}

import { isObject, type HclValue } from './hcl';
import type { Instance } from './stack';
import { traversalSteps } from './traversal';

/** What cannot be known without AWS: resource attributes, data sources, most function calls. */
export const UNKNOWN = Symbol('unknown');
export type Value = string | number | boolean | null | Value[] | { [key: string]: Value } | typeof UNKNOWN;

export interface Binding {
  key: string;
  value: Value;
}

/** Where an expression is evaluated: a module instance and, inside a for_each, its current element. */
export interface Scope {
  instance: Instance;
  each?: Binding;
}

interface Mode {
  partial: boolean;
  depth: number;
}

type Part = { kind: 'literal'; text: string } | { kind: 'expression'; text: string };

const MAX_DEPTH = 40;

/**
 * Evaluates literals, chains of var/local/each/module outputs, templates made of those, and
 * toset/tolist of a list. Everything else is UNKNOWN.
 */
export function evaluate(scope: Scope, value: HclValue): Value {
  return evaluateAt(scope, value, { partial: false, depth: 0 });
}

/** Like evaluate, but unknown parts keep their `${...}` text: `${aws_dynamodb_table.x.arn}/index/GoodEvilIndex`. */
export function render(scope: Scope, value: HclValue): Value {
  return evaluateAt(scope, value, { partial: true, depth: 0 });
}

export function isValueObject(value: Value): value is { [key: string]: Value } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The elements a for_each expands to, when they can be known. */
export function forEachBindings(scope: Scope, forEach: HclValue | undefined): Binding[] | undefined {
  const value = evaluate(scope, forEach ?? null);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value.map((item) => ({ key: item, value: item }));
  }
  if (isValueObject(value)) return Object.entries(value).map(([key, item]) => ({ key, value: item }));
  return undefined;
}

/** Instances a `module.<name>...` reference points at, and the steps after the module (and its key). */
export function selectChildren(
  instance: Instance,
  name: string,
  steps: string[],
): { child: Instance; steps: string[] }[] {
  const children = instance.children.get(name) ?? [];
  const keyed = children.find((child) => child.each !== undefined && child.each.key === steps[0]);
  if (keyed) return [{ child: keyed, steps: steps.slice(1) }];
  return children.map((child) => ({ child, steps }));
}

function evaluateAt(scope: Scope, value: HclValue, mode: Mode): Value {
  if (mode.depth > MAX_DEPTH) return UNKNOWN;
  if (typeof value === 'string') return evaluateString(scope, value, mode);
  if (Array.isArray(value)) return value.map((item) => evaluateAt(scope, item, mode));
  if (isObject(value)) {
    const result: { [key: string]: Value } = {};
    for (const [key, item] of Object.entries(value)) {
      const evaluatedKey = evaluateString(scope, key, { ...mode, partial: true });
      result[typeof evaluatedKey === 'string' ? evaluatedKey : key] = evaluateAt(scope, item, mode);
    }
    return result;
  }
  return value;
}

function evaluateString(scope: Scope, text: string, mode: Mode): Value {
  const parts = splitTemplate(text);
  if (parts.length === 1 && parts[0].kind === 'expression') {
    const value = evaluateExpression(scope, parts[0].text, mode);
    return value === UNKNOWN && mode.partial ? text : value;
  }
  let result = '';
  for (const part of parts) {
    const value = part.kind === 'literal' ? part.text : evaluateExpression(scope, part.text, mode);
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') result += String(value);
    else if (mode.partial && part.kind === 'expression') result += `\${${part.text}}`;
    else return UNKNOWN;
  }
  return result;
}

function evaluateExpression(scope: Scope, expression: string, mode: Mode): Value {
  const conversion = /^(toset|tolist)\((.*)\)$/s.exec(expression);
  if (conversion) {
    const list = evaluateExpression(scope, conversion[2].trim(), mode);
    if (!Array.isArray(list)) return UNKNOWN;
    return conversion[1] === 'toset' ? [...new Set(list)] : list;
  }
  const literal = parseLiteral(expression);
  if (literal !== UNKNOWN) return literal;
  const steps = traversalSteps(expression);
  return steps ? resolveTraversal(scope, steps, { ...mode, depth: mode.depth + 1 }) : UNKNOWN;
}

/** Numbers, booleans, null, and lists or strings written as plain JSON. */
function parseLiteral(expression: string): Value {
  if (!/^(-?\d+(\.\d+)?|true|false|null|"[^"$]*"|\[[^$]*\])$/s.test(expression)) return UNKNOWN;
  try {
    return JSON.parse(expression) as Value;
  } catch {
    return UNKNOWN;
  }
}

function resolveTraversal(scope: Scope, steps: string[], mode: Mode): Value {
  const { instance } = scope;
  const [root, name, ...rest] = steps;
  switch (root) {
    case 'var':
      return index(variableValue(instance, name, mode), rest);
    case 'local': {
      const local = instance.module.locals.get(name);
      return local === undefined ? UNKNOWN : index(evaluateAt({ instance }, local, mode), rest);
    }
    case 'each':
      if (!scope.each) return UNKNOWN;
      return name === 'key' ? index(scope.each.key, rest) : index(scope.each.value, rest);
    case 'module': {
      const [selected] = selectChildren(instance, name, rest);
      const output = selected?.child.module.outputs.get(selected.steps[0]);
      if (!selected || !output) return UNKNOWN;
      return index(evaluateAt({ instance: selected.child }, output.value, mode), selected.steps.slice(1));
    }
    default:
      return UNKNOWN;
  }
}

function variableValue(instance: Instance, name: string, mode: Mode): Value {
  if (instance.parent && name in instance.args) {
    return evaluateAt({ instance: instance.parent, each: instance.each }, instance.args[name], mode);
  }
  const declaration = instance.module.variables.get(name);
  return declaration && 'default' in declaration ? evaluateAt({ instance }, declaration.default, mode) : UNKNOWN;
}

function index(value: Value, steps: string[]): Value {
  let current = value;
  for (const step of steps) {
    if (Array.isArray(current) && /^\d+$/.test(step)) current = current[Number(step)] ?? UNKNOWN;
    else if (isValueObject(current)) current = current[step] ?? UNKNOWN;
    else return UNKNOWN;
  }
  return current;
}

function splitTemplate(text: string): Part[] {
  const parts: Part[] = [];
  let literal = '';
  let position = 0;
  while (position < text.length) {
    if (text.startsWith('$${', position)) {
      literal += '${';
      position += 3;
    } else if (text.startsWith('${', position)) {
      const end = closingBrace(text, position + 2);
      if (end < 0) return [{ kind: 'literal', text }];
      if (literal) parts.push({ kind: 'literal', text: literal });
      literal = '';
      parts.push({ kind: 'expression', text: text.slice(position + 2, end).trim() });
      position = end + 1;
    } else {
      literal += text[position];
      position += 1;
    }
  }
  if (literal || parts.length === 0) parts.push({ kind: 'literal', text: literal });
  return parts;
}

function closingBrace(text: string, from: number): number {
  let depth = 0;
  let quoted = false;
  for (let position = from; position < text.length; position += 1) {
    const char = text[position];
    if (quoted) {
      if (char === '\\') position += 1;
      else if (char === '"') quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === '{') depth += 1;
    else if (char === '}') {
      if (depth === 0) return position;
      depth -= 1;
    }
  }
  return -1;
}

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getReferencesInExpression, parse } from '@cdktf/hcl2json';

/** A value as @cdktf/hcl2json renders it: expressions are strings wrapped in `${...}`. */
export type HclValue = string | number | boolean | null | HclValue[] | HclObject;
export interface HclObject {
  [key: string]: HclValue;
}

/** One directory of .tf files: what Terraform calls a module. Addresses are `type.name`. */
export interface TfModule {
  dir: string;
  files: string[];
  resources: Map<string, HclObject>;
  data: Map<string, HclObject>;
  variables: Map<string, HclObject>;
  outputs: Map<string, HclObject>;
  locals: Map<string, HclValue>;
  calls: Map<string, HclObject>;
  providers: Map<string, HclObject[]>;
  settings: HclObject[];
}

const loaded = new Map<string, Promise<TfModule>>();
const referenceCache = new Map<string, string[]>();

export function isObject(value: HclValue | undefined): value is HclObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Nested blocks come out as arrays of objects; a missing block is an empty array. */
export function blocks(value: HclValue | undefined): HclObject[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

export function hasInterpolation(text: string): boolean {
  return text.includes('${');
}

/** Every string in a value, keys included: map keys may hold interpolations too. */
export function stringsIn(value: HclValue | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (isObject(value)) return Object.entries(value).flatMap(([key, item]) => [key, ...stringsIn(item)]);
  return [];
}

/** References (`aws_vpc.this.id`, `var.name`, ...) in a string; loadModule computed them up front. */
export function referencesIn(text: string): string[] {
  if (!hasInterpolation(text)) return [];
  const references = referenceCache.get(text);
  if (!references) throw new Error(`Expression was never loaded: ${text}`);
  return references;
}

export function loadModule(dir: string): Promise<TfModule> {
  const absolute = resolve(dir);
  let module = loaded.get(absolute);
  if (!module) {
    module = readModule(absolute);
    loaded.set(absolute, module);
  }
  return module;
}

function tfFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.tf'))
    .sort();
}

async function readModule(dir: string): Promise<TfModule> {
  const module: TfModule = {
    dir,
    files: tfFilesIn(dir),
    resources: new Map(),
    data: new Map(),
    variables: new Map(),
    outputs: new Map(),
    locals: new Map(),
    calls: new Map(),
    providers: new Map(),
    settings: [],
  };
  for (const file of module.files) {
    const json = (await parse(file, readFileSync(join(dir, file), 'utf8'))) as HclObject;
    addFile(module, `${dir}/${file}`, json);
  }
  await cacheReferences(module);
  return module;
}

function addFile(module: TfModule, file: string, json: HclObject): void {
  const add = <T>(target: Map<string, T>, kind: string, key: string, value: T): void => {
    if (target.has(key)) throw new Error(`${file}: ${kind} ${key} is declared twice`);
    target.set(key, value);
  };
  for (const [type, byName] of labelled(json.resource)) {
    for (const [name, body] of labelled(byName)) add(module.resources, 'resource', `${type}.${name}`, firstBlock(body));
  }
  for (const [type, byName] of labelled(json.data)) {
    for (const [name, body] of labelled(byName)) add(module.data, 'data source', `${type}.${name}`, firstBlock(body));
  }
  for (const [name, body] of labelled(json.variable)) add(module.variables, 'variable', name, firstBlock(body));
  for (const [name, body] of labelled(json.output)) add(module.outputs, 'output', name, firstBlock(body));
  for (const [name, body] of labelled(json.module)) add(module.calls, 'module', name, firstBlock(body));
  for (const locals of blocks(json.locals)) {
    for (const [name, value] of Object.entries(locals)) add(module.locals, 'local', name, value);
  }
  for (const [name, body] of labelled(json.provider)) {
    module.providers.set(name, [...(module.providers.get(name) ?? []), ...blocks(body)]);
  }
  module.settings.push(...blocks(json.terraform));
}

function labelled(value: HclValue | undefined): [string, HclValue][] {
  return isObject(value) ? Object.entries(value) : [];
}

function firstBlock(value: HclValue): HclObject {
  const [block] = blocks(value);
  if (!block) throw new Error(`Expected a block, got ${JSON.stringify(value)}`);
  return block;
}

/**
 * The blocks whose expressions read values, leaving out the variables' own blocks: a validation that
 * reads its variable is not a use of that variable.
 */
export function blocksReadingValues(module: TfModule): HclValue[] {
  return [
    ...module.resources.values(),
    ...module.data.values(),
    ...module.outputs.values(),
    ...module.locals.values(),
    ...module.calls.values(),
    ...[...module.providers.values()].flat(),
  ];
}

async function cacheReferences(module: TfModule): Promise<void> {
  const everything = [...blocksReadingValues(module), ...module.variables.values()];
  for (const text of everything.flatMap(stringsIn)) {
    if (!hasInterpolation(text) || referenceCache.has(text)) continue;
    const references = await getReferencesInExpression('expression.tf', text);
    referenceCache.set(
      text,
      references.map((reference) => reference.value),
    );
  }
}

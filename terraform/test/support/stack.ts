import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { evaluate, forEachBindings, type Binding, type Value } from './evaluate';
import { loadModule, type HclObject, type HclValue, type TfModule } from './hcl';

/** A module as instantiated from a root: its call-site arguments and, under for_each, its key. */
export interface Instance {
  address: string;
  module: TfModule;
  parent?: Instance;
  args: HclObject;
  each?: Binding;
  children: Map<string, Instance[]>;
}

export interface Located {
  instance: Instance;
  address: string;
  body: HclObject;
}

export function isLocalSource(source: unknown): source is string {
  return typeof source === 'string' && (source.startsWith('./') || source.startsWith('../'));
}

/** Loads a root module and every local module it calls, recursively. */
export function loadStack(rootDir: string): Promise<Instance> {
  return instantiate(rootDir, '', undefined, {}, undefined);
}

async function instantiate(
  dir: string,
  address: string,
  parent: Instance | undefined,
  args: HclObject,
  each: Binding | undefined,
): Promise<Instance> {
  const instance: Instance = { address, module: await loadModule(dir), parent, args, each, children: new Map() };
  for (const [name, call] of instance.module.calls) {
    const childDir = resolve(dir, String(call.source));
    const instances: Instance[] = [];
    if (isLocalSource(call.source) && existsSync(childDir)) {
      const bindings = 'for_each' in call ? forEachBindings({ instance }, call.for_each) : [undefined];
      for (const binding of bindings ?? [undefined]) {
        const key = binding ? `["${binding.key}"]` : '';
        instances.push(await instantiate(childDir, `${prefix(address)}module.${name}${key}`, instance, call, binding));
      }
    }
    instance.children.set(name, instances);
  }
  return instance;
}

export function prefix(address: string): string {
  return address ? `${address}.` : '';
}

export function allInstances(root: Instance): Instance[] {
  return [root, ...[...root.children.values()].flat().flatMap(allInstances)];
}

/** One instance per module directory: for checks of the code itself rather than of its values. */
export function distinctModules(root: Instance): Instance[] {
  const byDir = new Map<string, Instance>();
  for (const instance of allInstances(root))
    if (!byDir.has(instance.module.dir)) byDir.set(instance.module.dir, instance);
  return [...byDir.values()];
}

export function resourcesOfType(root: Instance, type: string): Located[] {
  return located(root, type, (instance) => instance.module.resources, '');
}

export function dataOfType(root: Instance, type: string): Located[] {
  return located(root, type, (instance) => instance.module.data, 'data.');
}

function located(
  root: Instance,
  type: string,
  pick: (instance: Instance) => Map<string, HclObject>,
  kind: string,
): Located[] {
  return allInstances(root).flatMap((instance) =>
    [...pick(instance)]
      .filter(([address]) => address.startsWith(`${type}.`))
      .map(([address, body]) => ({ instance, address: `${prefix(instance.address)}${kind}${address}`, body })),
  );
}

/** An attribute of a located block, evaluated where the block is declared. */
export function valueOf(item: Located, value: HclValue | undefined): Value {
  return evaluate({ instance: item.instance }, value ?? null);
}

import * as path from 'node:path';
import * as ts from 'typescript';
import type { K8sObject } from './manifests';
import { CORE_KINDS, kindKey } from './schema';

/**
 * The schema validator accepts fields it does not know, while `kubectl apply` (strict field validation)
 * rejects them: a misspelt `readOnlyRootFileSystem` would pass one and fail the other. This walks each
 * object along the TypeScript types that kubernetes-models generates from the same OpenAPI schema.
 */
export function unknownFields(o: K8sObject): string[] {
  const type = compiled().types.get(kindKey(o));
  if (!type) return [];
  const found: string[] = [];
  walk(o, type, `${o.kind}/${o.metadata.name}`, found);
  return found;
}

interface Compiled {
  checker: ts.TypeChecker;
  types: Map<string, ts.Type>;
}

let cache: Compiled | undefined;

function compiled(): Compiled {
  return (cache ??= compileKindTypes());
}

function compileKindTypes(): Compiled {
  const keys = Object.keys(CORE_KINDS);
  const source = keys
    .map((key, i) => {
      const [group, kind] = [key.slice(0, key.lastIndexOf('/')), key.slice(key.lastIndexOf('/') + 1)];
      return `export type K${i} = import('kubernetes-models/${group}/${kind}').I${kind};`;
    })
    .join('\n');
  const fileName = path.join(__dirname, '__core_kinds__.ts');
  const host = ts.createCompilerHost({});
  const { getSourceFile, fileExists } = host;
  host.getSourceFile = (name, language, ...rest) =>
    name === fileName ? ts.createSourceFile(name, source, language) : getSourceFile(name, language, ...rest);
  host.fileExists = (name) => name === fileName || fileExists(name);
  const program = ts.createProgram(
    [fileName],
    { noEmit: true, skipLibCheck: true, types: [], moduleResolution: ts.ModuleResolutionKind.Node10 },
    host,
  );
  const typeChecker = program.getTypeChecker();
  const aliases = program.getSourceFile(fileName)?.statements.filter(ts.isTypeAliasDeclaration) ?? [];
  const types = new Map(keys.map((key, i) => [key, typeChecker.getTypeAtLocation(aliases[i].name)]));
  for (const [key, type] of types) {
    if (type.getProperties().length === 0) throw new Error(`no type found for ${key}`);
  }
  return { checker: typeChecker, types };
}

function walk(value: unknown, declared: ts.Type, at: string, found: string[]): void {
  if (value === null || typeof value !== 'object') return;
  const { checker } = compiled();
  const type = objectPart(checker.getNonNullableType(declared));
  if (!type) return;
  if (Array.isArray(value)) {
    const element = checker.getIndexTypeOfType(type, ts.IndexKind.Number);
    if (element) value.forEach((item, i) => walk(item, element, `${at}[${i}]`, found));
    return;
  }
  const mapValues = checker.getIndexTypeOfType(type, ts.IndexKind.String);
  for (const [key, child] of Object.entries(value)) {
    const property = type.getProperty(key);
    if (property) walk(child, checker.getTypeOfSymbol(property), `${at}.${key}`, found);
    else if (mapValues) walk(child, mapValues, `${at}.${key}`, found);
    else found.push(`${at}.${key}`);
  }
}

/** From `string | number | {...}` unions, the one object member, if any. */
function objectPart(type: ts.Type): ts.Type | undefined {
  if (!type.isUnion()) return type.flags & ts.TypeFlags.Object ? type : undefined;
  const objects = type.types.filter((t) => t.flags & ts.TypeFlags.Object);
  return objects.length === 1 ? objects[0] : undefined;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';

/** An AWS API call the code makes, as the IAM action that authorises it, and where. */
export interface SdkCall {
  action: string;
  file: string;
}

/** IAM service prefix of each AWS SDK package whose commands the code sends. */
const SERVICE_OF_PACKAGE: Record<string, string> = {
  '@aws-sdk/client-dynamodb': 'dynamodb',
  '@aws-sdk/lib-dynamodb': 'dynamodb',
  '@aws-sdk/client-secrets-manager': 'secretsmanager',
};

/** The document client's commands and the DynamoDB operation each one sends. */
const DOCUMENT_CLIENT_OPERATIONS: Record<string, string> = {
  GetCommand: 'GetItem',
  PutCommand: 'PutItem',
  UpdateCommand: 'UpdateItem',
  DeleteCommand: 'DeleteItem',
  QueryCommand: 'Query',
  ScanCommand: 'Scan',
  BatchGetCommand: 'BatchGetItem',
  BatchWriteCommand: 'BatchWriteItem',
  TransactGetCommand: 'TransactGetItems',
  TransactWriteCommand: 'TransactWriteItems',
};

/**
 * Transactions have no IAM action of their own: each item is authorised as its own operation
 * (DynamoDB developer guide, "Using IAM with DynamoDB transactions").
 */
const TRANSACTION_ITEM_ACTIONS: Record<string, Record<string, string>> = {
  TransactWriteItems: {
    Put: 'PutItem',
    Update: 'UpdateItem',
    Delete: 'DeleteItem',
    ConditionCheck: 'ConditionCheckItem',
  },
  TransactGetItems: { Get: 'GetItem' },
};

/** Waiters poll with a describe call. */
const WAITER_ACTIONS: Record<string, string> = {
  waitUntilTableExists: 'dynamodb:DescribeTable',
  waitUntilTableNotExists: 'dynamodb:DescribeTable',
};

/** Paginators send their operation once per page: `paginateScan` sends Scan. */
const PAGINATOR_PREFIX = 'paginate';

/** @aws-sdk/rds-signer signs an RDS IAM authentication token, which the database accepts only with rds-db:connect. */
const RDS_SIGNER = { package: '@aws-sdk/rds-signer', name: 'Signer', action: 'rds-db:connect' };

/**
 * The AWS calls reachable from the entry points: every `new XCommand(...)` of an AWS SDK client or the
 * DynamoDB document client, every paginator, every waiter and every RDS token signer, in the files the entry points import
 * (transitively, through the tsconfig path aliases; node_modules excluded). Names imported from a lib's
 * index lead only to the files that define them, not to the whole lib.
 */
export function sdkCallsFrom(repoRoot: string, entryPoints: readonly string[]): SdkCall[] {
  const modules = new ModuleGraph(repoRoot);
  const seen = new Set<string>();
  const queue = entryPoints.map((entry) => join(repoRoot, entry));
  const calls: SdkCall[] = [];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = modules.source(file);
    const sdkImports = new Map<string, string>();
    for (const statement of source.statements) {
      if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) || !statement.moduleSpecifier)
        continue;
      const specifier = (statement.moduleSpecifier as ts.StringLiteral).text;
      if (specifier.startsWith('@aws-sdk/')) {
        for (const name of importedNames(statement)) sdkImports.set(name, specifier);
        continue;
      }
      const target = modules.resolve(specifier, file);
      if (target) queue.push(...modules.definingFiles(target, namedImports(statement)));
    }
    const relative = file.slice(repoRoot.length + 1);
    visit(source, (node) => {
      for (const action of actionsOf(node, sdkImports)) calls.push({ action, file: relative });
    });
  }
  return calls;
}

function actionsOf(node: ts.Node, sdkImports: Map<string, string>): string[] {
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
    const name = node.expression.text;
    const pkg = sdkImports.get(name);
    if (pkg === RDS_SIGNER.package && name === RDS_SIGNER.name) return [RDS_SIGNER.action];
    if (!pkg || !name.endsWith('Command')) return [];
    const service = SERVICE_OF_PACKAGE[pkg];
    if (!service) throw new Error(`${name}: no IAM service known for ${pkg}`);
    const operation =
      pkg === '@aws-sdk/lib-dynamodb' ? DOCUMENT_CLIENT_OPERATIONS[name] : name.slice(0, -'Command'.length);
    if (!operation) throw new Error(`${name}: not a document client command this check knows`);
    const items = TRANSACTION_ITEM_ACTIONS[operation];
    if (!items) return [`${service}:${operation}`];
    const kinds = new Set<string>();
    visit(node, (inner) => {
      if (ts.isPropertyAssignment(inner) && ts.isIdentifier(inner.name) && inner.name.text in items)
        kinds.add(inner.name.text);
    });
    return [...kinds].map((kind) => `${service}:${items[kind]}`);
  }
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && sdkImports.has(node.expression.text)) {
    const name = node.expression.text;
    if (name.startsWith(PAGINATOR_PREFIX)) {
      const service = SERVICE_OF_PACKAGE[sdkImports.get(name)!];
      if (!service) throw new Error(`${name}: no IAM service known for ${sdkImports.get(name)}`);
      return [`${service}:${name.slice(PAGINATOR_PREFIX.length)}`];
    }
    if (!name.startsWith('waitUntil')) return [];
    const action = WAITER_ACTIONS[name];
    if (!action) throw new Error(`${name}: a waiter this check does not know`);
    return [action];
  }
  return [];
}

/** Source files and how imports between them resolve, with the tsconfig's path aliases. */
class ModuleGraph {
  private readonly options: ts.CompilerOptions;
  private readonly sources = new Map<string, ts.SourceFile>();

  constructor(repoRoot: string) {
    this.options = compilerOptions(repoRoot);
  }

  source(file: string): ts.SourceFile {
    let source = this.sources.get(file);
    if (!source) {
      source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
      this.sources.set(file, source);
    }
    return source;
  }

  /** The project file an import names; undefined for packages. */
  resolve(specifier: string, from: string): string | undefined {
    const resolved = ts.resolveModuleName(specifier, from, this.options, ts.sys).resolvedModule;
    return resolved && !resolved.isExternalLibraryImport && resolved.extension === ts.Extension.Ts
      ? resolved.resolvedFileName
      : undefined;
  }

  /**
   * The files an import of `names` from `file` loads code from: through an index made only of re-exports
   * (`export * from`, `export { name } from`), just the files that define those names; otherwise the file itself.
   */
  definingFiles(file: string, names: string[] | undefined): string[] {
    const statements = this.source(file).statements;
    const reExports = statements.filter(
      (s): s is ts.ExportDeclaration & { moduleSpecifier: ts.StringLiteral } =>
        ts.isExportDeclaration(s) && s.moduleSpecifier !== undefined && ts.isStringLiteral(s.moduleSpecifier),
    );
    if (statements.length === 0 || reExports.length < statements.length || names === undefined) return [file];
    return reExports.flatMap((statement) => {
      const target = this.resolve(statement.moduleSpecifier.text, file);
      if (!target) return [];
      const wanted = reExportedNames(statement, names) ?? names.filter((name) => this.exports(target, name));
      return wanted.length > 0 ? this.definingFiles(target, wanted) : [];
    });
  }

  private exports(file: string, name: string): boolean {
    return this.source(file).statements.some((statement) => {
      if (ts.isExportDeclaration(statement)) {
        if (!statement.exportClause) {
          const target =
            statement.moduleSpecifier && this.resolve((statement.moduleSpecifier as ts.StringLiteral).text, file);
          return target !== undefined && this.exports(target, name);
        }
        return (
          ts.isNamedExports(statement.exportClause) &&
          statement.exportClause.elements.some((element) => element.name.text === name)
        );
      }
      const exported =
        ts.canHaveModifiers(statement) &&
        ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
      if (!exported) return false;
      if (ts.isVariableStatement(statement)) {
        return statement.declarationList.declarations.some(
          (declaration) => ts.isIdentifier(declaration.name) && declaration.name.text === name,
        );
      }
      const declared = (statement as ts.DeclarationStatement).name;
      return declared !== undefined && ts.isIdentifier(declared) && declared.text === name;
    });
  }
}

/**
 * Which of `names` a named re-export (`export { a, b as c } from`) passes on, by their names in the module it
 * re-exports; undefined for `export *`, which passes on whatever that module exports.
 */
function reExportedNames(statement: ts.ExportDeclaration, names: string[]): string[] | undefined {
  const clause = statement.exportClause;
  if (!clause || !ts.isNamedExports(clause)) return undefined;
  return clause.elements
    .filter((element) => names.includes(element.name.text))
    .map((element) => (element.propertyName ?? element.name).text);
}

/** The names an import takes; undefined when it takes the whole module (namespace, default, side effect). */
function namedImports(statement: ts.ImportDeclaration | ts.ExportDeclaration): string[] | undefined {
  if (ts.isExportDeclaration(statement)) return undefined;
  const clause = statement.importClause;
  if (!clause || clause.name || !clause.namedBindings || !ts.isNamedImports(clause.namedBindings)) return undefined;
  return clause.namedBindings.elements.map((element) => (element.propertyName ?? element.name).text);
}

function importedNames(statement: ts.ImportDeclaration | ts.ExportDeclaration): string[] {
  const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : statement.exportClause;
  return bindings && (ts.isNamedImports(bindings) || ts.isNamedExports(bindings))
    ? bindings.elements.map((element) => element.name.text)
    : [];
}

function visit(node: ts.Node, callback: (node: ts.Node) => void): void {
  callback(node);
  node.forEachChild((child) => visit(child, callback));
}

function compilerOptions(repoRoot: string): ts.CompilerOptions {
  const config = ts.readConfigFile(join(repoRoot, 'tsconfig.json'), ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot).options;
}

/**
 * The boundaries of the monorepo, checked by `npm run boundaries` (dependency-cruiser). See
 * docs/architecture.md for the picture they enforce.
 */
const entryPoints = require('./apps/entry-points.json');

const notTests = '\\.(spec|e2e-spec|system-spec|browser-spec)\\.ts$';

/** Every file of an app must be reachable from the entry points the app declares: no dead files. */
const reachableFromEntryPoints = Object.entries(entryPoints).map(([app, names]) => ({
  name: `reachable-from-${app}-entry-points`,
  comment: `Every file in apps/${app}/src is used by one of its entry points (${names.join(', ')}); remove dead files`,
  severity: 'error',
  from: { path: `^apps/${app}/src/(${names.join('|')})\\.ts$` },
  to: {
    path: `^apps/${app}/src/`,
    pathNot: [notTests, `^apps/${app}/src/(${names.join('|')})\\.ts$`],
    reachable: false,
  },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-app-to-other-app',
      comment: 'Apps talk over HTTP and gRPC, never by importing each other; share code through a lib',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/[^/]+/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-lib-to-app',
      comment: 'Libs know nothing of the apps that use them',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-app-internals-from-outside',
      comment:
        'Nothing outside an app imports its files: tools and tests run its declared entry points (apps/entry-points.json), or use a lib',
      severity: 'error',
      from: { pathNot: '^apps/' },
      to: { path: '^apps/[^/]+/src/' },
    },
    {
      name: 'feature-through-its-index',
      comment:
        "A folder of an app (a feature, or the app's config, database...) is used by the rest of the app through its index.ts only",
      severity: 'error',
      // $2 is the folder (or root file, or test/) the import is made from.
      from: { path: '^apps/([^/]+)/(?:src/)?([^/]+)' },
      to: { path: '^apps/$1/src/[^/]+/', pathNot: ['^apps/$1/src/$2/', '^apps/[^/]+/src/[^/]+/index\\.ts$'] },
    },
    {
      name: 'no-feature-cycles',
      comment: 'Features depend on each other one way: a cycle between folders means one of them has to be split',
      severity: 'error',
      scope: 'folder',
      from: { path: '^(apps|libs)/' },
      to: { circular: true },
    },
    {
      name: 'no-circular',
      comment: 'No module depends on itself through others',
      severity: 'error',
      from: { path: '^(apps|libs|tools|test)/' },
      to: { circular: true },
    },
    {
      name: 'lib-through-its-index',
      comment: 'Outside a lib, only its index.ts (its public surface, as @app/<lib>) is imported',
      severity: 'error',
      from: { path: '^(?!libs/)' },
      to: { path: '^libs/[^/]+/src/', pathNot: '^libs/[^/]+/src/index\\.ts$' },
    },
    {
      name: 'lib-to-lib-through-its-index',
      comment: 'A lib uses another lib through its index.ts only',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'reachable-from-lib-index',
      comment: 'Every file of a lib is part of what its index.ts offers: remove dead files',
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/index\\.ts$' },
      to: { path: '^libs/$1/src/', pathNot: notTests, reachable: false },
    },
    ...reachableFromEntryPoints,
  ],
  options: {
    includeOnly: '^(apps|libs|tools|test|docker|k8s|terraform)/',
    exclude: { path: '(^|/)(node_modules|dist|\\.data)/' },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};

const { esmOnlyPackages } = require('./tools/jest/esm-packages');
const { pathsToModuleNameMapper } = require('./tools/jest/paths');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const shared = {
  rootDir: __dirname,
  // NestJS 12 and some of its dependencies ship only ES modules, which Jest on Node 20 cannot require.
  transform: { '^.+\\.ts$': swc, '^.+\\.m?js$': swc },
  // @fastify/cookie is CommonJS that loads its ES-only `cookie` with import(), which Jest's CommonJS
  // runtime cannot run; transformed, that import() becomes a require() of the transformed module.
  transformIgnorePatterns: [`/node_modules/(?!(${[...esmOnlyPackages(), '@fastify/cookie'].join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(),
  testEnvironment: 'node',
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.data/', '<rootDir>/.stryker-tmp/'],
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,tools,docker,k8s,terraform,observability}/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/{apps,tools}/*/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      ...shared,
      displayName: 'system',
      testMatch: ['<rootDir>/test/system/**/*.system-spec.ts', '<rootDir>/test/browser/**/*.browser-spec.ts'],
    },
    // Needs the container lab (Podman); .ci/run runs it where there is one: npm run test:k8s-lab.
    { ...shared, displayName: 'k8s-lab', testMatch: ['<rootDir>/test/k8s-lab/**/*.lab-spec.ts'] },
  ],
};

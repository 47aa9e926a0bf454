import { dirname } from 'node:path/posix';

/**
 * Mutation testing of the pure logic (`npm run test:mutation`): routing, error mapping, config types,
 * outage classification, token rotation, signing keys, password hashing and the request validators.
 * Only the unit specs in the folders of these files run, each only against the mutants it covers.
 */
const mutate = [
  'apps/gateway/src/routing/ingress-routes.ts',
  'apps/gateway/src/routing/request-path.ts',
  'apps/gateway/src/routing/route-table.ts',
  'libs/errors/src/domain-error.ts',
  'libs/errors/src/error-status.ts',
  'libs/errors/src/dependency-errors.ts',
  'libs/http-kit/src/error-response.ts',
  'libs/http-kit/src/text-validators.ts',
  'libs/http-kit/src/validation.ts',
  'libs/config-kit/src/define-config.ts',
  'libs/config-kit/src/env-types.ts',
  'apps/auth/src/tokens/refresh-tokens.ts',
  'apps/auth/src/tokens/signing-keys.ts',
  'apps/auth/src/credentials/password-hasher.ts',
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate,
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'tools/mutation/jest.config.js',
    config: { testMatch: [...new Set(mutate.map(dirname))].map((folder) => `<rootDir>/${folder}/*.spec.ts`) },
  },
  coverageAnalysis: 'perTest',
  // Mutants that do not compile are reported as compile errors and left out of the score.
  checkers: ['typescript'],
  tsconfigFile: 'tools/mutation/tsconfig.json',
  concurrency: 2,
  incremental: false,
  thresholds: { high: 90, low: 85, break: 85 },
  reporters: ['clear-text', 'progress', 'html', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  tempDirName: '.stryker-tmp',
};

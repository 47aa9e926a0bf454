import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * typescript-eslint's strict, type-checked rules (`npm run lint`), tuned only where they fight Nest or
 * the tests. docker/, k8s/ and terraform/ hold their own checkers and are not linted here.
 */
export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      '.data/',
      'test-results/',
      'apps/monolith/web/',
      'docker/',
      'k8s/',
      'terraform/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Nest modules are classes that only carry a decorator.
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      // DTO classes describe JSON shapes for validation and OpenAPI; handlers return plain objects of that shape.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // Numbers in messages and URLs read naturally.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `() => resolve()` style callbacks.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // `async` marks functions that fulfil a Promise-returning contract (a port, a Fastify hook) even when
      // they have nothing to await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Response bodies from supertest and JSON from fetch are untyped: the tests' expectations type them.
    // A variable set in beforeAll may still be undefined in afterAll when beforeAll failed, which
    // TypeScript cannot see.
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/*.system-spec.ts', '**/*.browser-spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Plain CommonJS files: configuration and build helpers run by Node as they are.
    files: ['**/*.js', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);

// ESLint: typescript-eslint's type-aware rules over the TypeScript (no floating promises, no unsafe `any`),
// plain rules over the browser scripts, and nothing that Prettier decides (eslint-config-prettier, last).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['dist/**', 'coverage/**', '.data/**', 'node_modules/**', 'src/generated/**', 'bench/results/**', 'test/artifacts/**', 'deploy/**'],
  },

  // The server, its seeds, benches and tests: type-aware.
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // The house writes `!` on indexed reads (`sorted[i]!`, `rows[0]!`) to mark where a missing value cannot
      // happen, as if noUncheckedIndexedAccess were on; this rule would strip those marks (268 of them).
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // graphql-js and the driver expose TypeScript enums whose members are the wire's own strings and numbers
      // (OperationTypeNode, ConnectionStates); comparing them with the literal is how their docs write it.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      // Lazy loads of what production must not load (the demo seeds, the embedded MongoDB, pino-pretty), typed as
      // `require(x) as typeof import(x)`; a dynamic import() would load them as ES modules instead.
      '@typescript-eslint/no-require-imports': ['error', { allow: ['/seeds/seed$', '^mongodb-memory-server$', '^pino-pretty$'] }],
      // The terminal filter and the input checks match control characters on purpose (that is their job).
      'no-control-regex': 'off',
      // `_name` marks a parameter kept for its position (Express's error handler, a resolver's parent).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Template literals print numbers, booleans and ObjectIds (their toString is the hex id: keys, URLs, logs).
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allowNullish: true, allow: [{ from: 'package', name: 'ObjectId', package: 'bson' }] },
      ],
      '@typescript-eslint/no-base-to-string': ['error', { ignoredTypeNames: ['Error', 'RegExp', 'URL', 'URLSearchParams', 'ObjectId'] }],
      // Apollo's plugin hooks and GraphQL resolvers are async by contract even when a given one awaits nothing.
      '@typescript-eslint/require-await': 'off',
      // Express 5 awaits a handler's promise and routes its rejection to the error handler: an async handler is fine.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
    },
  },

  // Tests read GraphQL and JSON responses whose shape is the very thing they assert (`expect(data.x.y)`): the
  // helpers return `gql<T = any>` so a test reads a response without restating the SDL as a type, and `expect`
  // proves the shape. The unsafe-`any` rules stay on for src/, seeds/ and bench/; floating and misused promises
  // stay on everywhere.
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // `expect(fn).toHaveBeenCalled()` passes a method reference; jest never calls it with `this`.
      '@typescript-eslint/unbound-method': 'off',
    },
  },

  // Plain JavaScript run by Node (Jest's config and reporter): CommonJS, no types to check.
  {
    files: ['**/*.js', '**/*.cjs'],
    ignores: ['public/**', 'src/explorer/client/**'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
  {
    files: ['**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'module', globals: globals.node },
  },

  // Browser scripts: the map page (a classic script) and the explorer's page (an ES module bundled by esbuild).
  {
    files: ['public/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  {
    files: ['src/explorer/client/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'module', globals: globals.browser },
  },

  prettier,
);

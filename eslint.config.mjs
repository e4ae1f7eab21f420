// ESLint flat config. Formatting belongs to Prettier (`prettier --check .` in `npm run lint`);
// ESLint looks for bugs. TypeScript files are linted with type information, because the
// rules that matter most here (floating and misused promises) need it.
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const nodeGlobals = {
  __dirname: 'readonly',
  __filename: 'readonly',
  Buffer: 'readonly',
  console: 'readonly',
  exports: 'writable',
  module: 'writable',
  process: 'readonly',
  require: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
  URL: 'readonly',
};

// Each lib has one door, `libs/<lib>/src/index.ts`, imported as `@kuaizhuan/<lib>`. An import of
// anything behind it (`@kuaizhuan/catalog/src/...`, `../libs/catalog/src/...`) fails the lint, from
// libs, apps, tests, benchmarks, seeds and tools alike. A lib's own tests import its own src
// with `../src/...`, which these patterns leave alone.
const PAST_THE_DOOR = [
  {
    regex: '^@kuaizhuan/[a-z-]+/',
    message: "Import the lib through its door: '@kuaizhuan/<lib>', and export what is needed from its index.ts.",
  },
  {
    regex: '(^|/)libs/[a-z-]+/src(/|$)',
    message: "A lib's src is behind its door: import from '@kuaizhuan/<lib>'.",
  },
];

export default defineConfig(
  {
    ignores: [
      '**/node_modules/',
      'dist/',
      'coverage/',
      'apps/portal/dist/',
      'test/portal/screenshots/',
      'test/artifacts/',
      'bench/results/',
      // schemathesis' virtual environment and caches (tools/schemathesis.sh)
      '.venv-schemathesis/',
      '.schemathesis/',
      '.hypothesis/',
    ],
  },
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Every promise is awaited, returned or explicitly `void`ed: a lost rejection is a lost write.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Nest injects through constructors whose body is empty: `constructor(private readonly x: X) {}`.
      // The TypeScript version of the rule allows those (parameter properties) and flags the rest.
      '@typescript-eslint/no-empty-function': 'error',
      '@typescript-eslint/no-useless-constructor': 'error',
      // Nest modules are empty decorated classes.
      '@typescript-eslint/no-extraneous-class': 'off',
      // Nest handlers and interface implementations are often `async` without an `await`.
      '@typescript-eslint/require-await': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
      'no-restricted-imports': ['error', { patterns: PAST_THE_DOOR }],
    },
  },
  {
    // Inside a lib, a relative path that climbs into a sibling lib's src is past its door too.
    files: ['libs/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...PAST_THE_DOOR,
            {
              regex: '^(\\.\\./)+[a-z-]+/src(/|$)',
              message: "Another lib is reached through its door: import from '@kuaizhuan/<lib>'.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read response bodies typed `any` (supertest); the `no-unsafe-*` family would drown them.
    files: ['test/**/*.ts', '**/*.test.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // The portal runs in the browser (its own tsconfig gives it the DOM types).
    files: ['apps/portal/**/*.{ts,tsx}'],
    languageOptions: {
      globals: { window: 'readonly', document: 'readonly', localStorage: 'readonly', fetch: 'readonly' },
    },
  },
  {
    // Plain JavaScript (config files, tools/*.js): no type information, Node globals, CommonJS allowed.
    files: ['**/*.{js,cjs,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: nodeGlobals },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs' },
  },
  prettier,
);

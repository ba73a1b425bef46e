// Lint for the whole repository, with type information from the two TypeScript projects
// (server/tsconfig.json for the browser-safe server core, tsconfig.json for the rest).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { charCodeNames } from './scripts/lint/charCodeNames.mjs';

// Plain JavaScript (.mjs) belongs to no tsconfig; the project service types it in its default project.
const javaScriptFiles = ['eslint.config.mjs', 'scripts/*.mjs', 'scripts/e2e/*.mjs', 'scripts/lint/*.mjs', 'test/lsp/*.mjs', 'test/support/*.mjs'];

// Node's globals, and the page's in the callbacks screenshots.mjs runs inside the browser page.
const javaScriptGlobals = Object.fromEntries(
  [
    'process', 'console', 'fetch', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'structuredClone',
    'TextDecoder', 'TextEncoder', 'URL', 'document', 'NodeFilter', 'getComputedStyle',
  ].map((name) => [name, 'readonly']),
);

// Property names that belong to other programs' formats and options, which keep their spelling.
const foreignPropertyNames = '^(relax_column_count|record_delimiter|npm_config_nodedir|maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING)$';

const namingConventions = [
  { selector: 'default', format: ['camelCase'], leadingUnderscore: 'allow' },
  { selector: 'import', format: ['camelCase', 'PascalCase'] },
  { selector: 'variable', modifiers: ['global', 'const'], format: ['camelCase', 'UPPER_CASE'] },
  { selector: 'variable', format: ['camelCase'] },
  // A destructured name is the exporter's (`const { WorkerMessageReader } = ...`).
  { selector: 'variable', modifiers: ['destructured'], format: null },
  { selector: 'variable', modifiers: ['destructured', 'global', 'const'], format: null },
  { selector: 'parameter', format: ['camelCase'], leadingUnderscore: 'allow' },
  { selector: 'typeLike', format: ['PascalCase'] },
  // Strict: PascalCase alone would let ERROR through.
  { selector: 'enumMember', format: ['StrictPascalCase'] },
  // Properties often name outside things (event ids, SES fields, environment variables, cmdlet parameters).
  { selector: ['objectLiteralProperty', 'typeProperty'], format: ['camelCase', 'PascalCase', 'UPPER_CASE'] },
  { selector: ['objectLiteralProperty', 'typeProperty'], filter: { regex: foreignPropertyNames, match: true }, format: null },
  // Keys that need quotes name outside things (header fields, codes, settings ids): they keep their own spelling.
  { selector: ['objectLiteralProperty', 'typeProperty', 'objectLiteralMethod'], modifiers: ['requiresQuotes'], format: null },
];

const comparison = '/^(===|!==|==|!=|<|<=|>|>=)$/';
const charCodeCall = "CallExpression[callee.property.name='charCodeAt']";
const bareNumber = "Literal[raw=/^(\\d|0x)/]";
const bareCharCodeMessage = 'Name the character: compare with a CharCode member (server/src/common/charCode.ts), not a bare number.';

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', '.bench/**', '.scratch/**', '.stryker-tmp/**', '.mutation-build/**', 'test-results/**', 'test/fixtures/**', '**/*.d.ts'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      parserOptions: {
        projectService: {
          allowDefaultProject: javaScriptFiles,
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 40,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { mailflow: { rules: { 'char-code-names': charCodeNames } } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      curly: ['error', 'multi-line'],
      'max-len': ['error', { code: 160, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true }],
      '@typescript-eslint/no-floating-promises': ['error', {
        // node:test registers a test and returns a promise the runner itself awaits.
        allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }],
      }],
      '@typescript-eslint/naming-convention': ['error', ...namingConventions],
      'no-restricted-syntax': ['error',
        { selector: `BinaryExpression[operator=${comparison}][left.type='CallExpression'][left.callee.property.name='charCodeAt'] > ${bareNumber}.right`, message: bareCharCodeMessage },
        { selector: `BinaryExpression[operator=${comparison}][right.type='CallExpression'][right.callee.property.name='charCodeAt'] > ${bareNumber}.left`, message: bareCharCodeMessage },
        { selector: `SwitchStatement:has(> ${charCodeCall}.discriminant) > SwitchCase > ${bareNumber}.test`, message: bareCharCodeMessage },
      ],
      'mailflow/char-code-names': 'error',
      // As TypeScript's noUnusedParameters: a leading underscore marks a parameter the signature needs but the body does not.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // CharCode is a numeric const enum made to be compared with charCodeAt's numbers.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      // Implementations of promise-returning interfaces are async without awaiting, so a throw becomes a rejection.
      '@typescript-eslint/require-await': 'off',
      // The code marks in-bounds index reads with `!` (what noUncheckedIndexedAccess would require); that is not noise.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: javaScriptGlobals },
    rules: {
      // Plain JavaScript has no types to keep `any` out of; these rules would flag every value.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-unary-minus': 'off',
    },
  },
  {
    // An ESLint rule's visitor methods are named after syntax node types.
    files: ['scripts/lint/*.mjs'],
    rules: { '@typescript-eslint/naming-convention': ['error', ...namingConventions, { selector: 'objectLiteralMethod', format: ['camelCase', 'PascalCase'] }] },
  },
);

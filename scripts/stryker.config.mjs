// StrykerJS over the rules: detection, parsers, analysis and the knowledge look-ups, each module
// against the unit tests that import it. Run through `npm run test:mutation` (scripts/mutation.mjs),
// which picks those tests and runs one module at a time; not part of `npm test`.
import { MUTATED_MODULES } from './mutationModules.mjs';

const testFiles = process.env.MUTATION_TEST_FILES?.split(',') ?? ['test/unit/*.test.ts'];
// The build step bundles each test with the sandbox's instrumented sources (scripts/mutationBundle.mjs).
const bundled = (file) => `.mutation-build/${file.replace(/\.ts$/, '.mjs')}`;
const report = process.env.MUTATION_REPORT ?? 'all';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: MUTATED_MODULES,
  testRunner: 'tap',
  buildCommand: 'node scripts/mutationBundle.mjs',
  tap: {
    testFiles: testFiles.map(bundled),
    // node:test files run one by one as bundled JavaScript, reporting TAP; the hook file records coverage per file.
    nodeArgs: ['--test-reporter=tap', '-r', '{{hookFile}}', '{{testFile}}'],
  },
  // Each test file is one "test" to the TAP runner: a mutant runs only the files that reached it.
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: `test-results/mutation/incremental/${report}.json`,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: `test-results/mutation/${report}.html` },
  jsonReporter: { fileName: `test-results/mutation/${report}.json` },
  plugins: ['@stryker-mutator/tap-runner', './scripts/mutationEquivalents.mjs'],
  ignorers: ['equivalent-mutants'],
  ignorePatterns: ["dist", "images", ".bench", "test-results", "test/mutation", "*.vsix", ".scratch"],
  tempDirName: '.stryker-tmp',
  // Two cores shared with the rest of the machine; a mutant that loops is cut off by the timeout.
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  dryRunTimeoutMinutes: 30,
  // A mutant's time limit: 1.5 times its tests' time in the first run plus this margin.
  timeoutMS: Number(process.env.MUTATION_TIMEOUT_MS ?? 20000),
  cleanTempDir: 'always',
};

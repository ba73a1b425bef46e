// npm run test:mutation [-- <module>... | --changed <git-ref>] [--wide] [--force] [--list]: StrykerJS over the rules, one module
// at a time against the unit tests that read its rules (FOCUSED_TESTS, else those importing it;
// --wide: every unit test that reaches it), incremental,
// with an HTML report per module under test-results/mutation/. Prints each module's score against
// its target and exits 1 when one misses. With no module, every module of scripts/mutationModules.mjs.
// Each module's results are kept in the repository (test/mutation/incremental/, see mutationResults.mjs)
// and its score in test/mutation/scores.tsv, so a later run, in any clone, tests again only the mutants
// whose code or tests changed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { FOCUSED_TESTS, MUTATED_MODULES, TARGETS } from './mutationModules.mjs';
import { hashTests, hasKeptResults, keepResults, recordScores, restoreResults } from './mutationResults.mjs';

// Tests of speed and of safety over every input (timed sweeps, big documents, Markdown and PowerShell
// escaping fuzzed over all features) check no rule's meaning and take most of a run's time.
const NOT_FOR_MUTATION = new Set([
  'test/unit/superlinearity.test.ts', 'test/unit/bigDocuments.test.ts', 'test/unit/markdownSafety.test.ts', 'test/unit/powerShellQuoting.test.ts',
]);
const OUT = 'test-results/mutation';

const listOnly = process.argv.includes('--list');
const wide = process.argv.includes('--wide');
// --force: test every mutant again, ignoring the incremental results.
const force = process.argv.includes('--force');
const args = process.argv.slice(2).filter((a) => !['--list', '--wide', '--force'].includes(a));
const changedAt = args.indexOf('--changed');
let modules;
if (changedAt >= 0) {
  const base = args[changedAt + 1] ?? 'HEAD';
  const diff = spawnSync('git', ['diff', '--name-only', base, '--'], { encoding: 'utf8' });
  if (diff.status !== 0) throw new Error(`git diff ${base} failed: ${diff.stderr}`);
  const changed = new Set(diff.stdout.split('\n').filter(Boolean));
  // Decided below, once the tests of each module are known: a module whose source or tests changed.
  modules = { changed };
} else {
  modules = args.length > 0 ? args.map((a) => relative('.', a).replaceAll('\\', '/')) : MUTATED_MODULES;
  const unknown = modules.filter((m) => !MUTATED_MODULES.includes(m));
  if (unknown.length > 0) throw new Error(`not a mutated module: ${unknown.join(', ')} (see scripts/mutationModules.mjs)`);
}

/** Relative imports of a TypeScript file, resolved to files. */
function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  const found = [];
  for (const match of text.matchAll(/(?:from|import)\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const base = normalize(join(dirname(file), match[1])).replaceAll('\\', '/');
    const candidate = [base, `${base}.ts`, `${base}/index.ts`].find((p) => existsSync(p) && p.endsWith('.ts'));
    if (candidate) found.push(candidate);
  }
  return found;
}

const reachCache = new Map();
/** Every file a file imports, directly or not. */
function reach(file) {
  const seen = new Set([file]);
  const stack = [file];
  while (stack.length > 0) {
    const next = stack.pop();
    const known = reachCache.get(next);
    for (const imported of known ?? importsOf(next)) {
      if (!seen.has(imported)) { seen.add(imported); stack.push(imported); }
    }
  }
  reachCache.set(file, [...seen]);
  return seen;
}

const testFiles = readdirSync('test/unit').filter((f) => f.endsWith('.test.ts')).sort().map((f) => `test/unit/${f}`).filter((f) => !NOT_FOR_MUTATION.has(f));
const directly = (test, module) => importsOf(test).includes(module);
function testsOf(module) {
  if (wide) return testFiles.filter((t) => reach(t).has(module));
  const focused = FOCUSED_TESTS[module]?.map((name) => `test/unit/${name}.test.ts`).filter((t) => testFiles.includes(t));
  return focused ?? testFiles.filter((t) => directly(t, module));
}
if (!Array.isArray(modules)) {
  const { changed } = modules;
  modules = MUTATED_MODULES.filter((m) => changed.has(m) || testsOf(m).some((t) => changed.has(t)));
}
if (listOnly) {
  for (const m of modules) console.log(`${m}: ${testsOf(m).join(' ')}`);
  process.exit(0);
}

const slug = (module) => module.replace(/^server\/src\//, '').replace(/\.ts$/, '').replaceAll('/', '.');

function scoreOf(reportFile, module) {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const file = Object.entries(report.files).find(([name]) => name.replaceAll('\\', '/').endsWith(module))?.[1];
  const count = (status) => (file?.mutants ?? []).filter((m) => m.status === status).length;
  const killed = count('Killed') + count('Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const ignored = count('Ignored');
  const valid = killed + survived + noCoverage;
  return { mutants: valid + ignored, killed, survived, noCoverage, ignored, score: valid === 0 ? 100 : (100 * killed) / valid };
}

mkdirSync(OUT, { recursive: true });
const sharedDefault = resolve('..', 'shared');
const results = [];
for (const module of modules) {
  const tests = testsOf(module);
  const started = process.hrtime.bigint();
  if (tests.length === 0) {
    results.push({ module, tests: 0, seconds: 0, mutants: 0, killed: 0, survived: 0, noCoverage: 0, ignored: 0, score: 0, note: 'no unit test imports it' });
    continue;
  }
  console.log(`\n── ${module}: ${tests.length} test files ──`);
  const fromScratch = force || !hasKeptResults(slug(module));
  const testHashes = hashTests(tests);
  // The bundles of the unchanged sources beside the project: Stryker's incremental mode compares the
  // test files it runs (.mutation-build/) with the last run's, and reads them from here, not from the sandbox.
  const bundle = spawnSync(process.execPath, ['scripts/mutationBundle.mjs'], { stdio: 'inherit', env: { ...process.env, MUTATION_TEST_FILES: tests.join(',') } });
  if (bundle.status !== 0) throw new Error('bundling the tests failed');
  restoreResults(slug(module));
  const run = spawnSync(process.execPath, ['node_modules/@stryker-mutator/core/bin/stryker.js', 'run', 'scripts/stryker.config.mjs', '--mutate', module, ...(force ? ['--force'] : [])], {
    stdio: 'inherit',
    env: {
      ...process.env,
      // The sandbox is a copy of the project in .stryker-tmp/, so ../shared must be given absolutely.
      MAILFLOW_SHARED: process.env.MAILFLOW_SHARED ?? sharedDefault,
      MUTATION_TEST_FILES: tests.join(','),
      MUTATION_REPORT: slug(module),
    },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const reportFile = join(OUT, `${slug(module)}.json`);
  if (run.status !== 0 || !existsSync(reportFile)) {
    results.push({ module, tests: tests.length, seconds, mutants: 0, killed: 0, survived: 0, noCoverage: 0, ignored: 0, score: 0, note: `stryker exited ${run.status}` });
    continue;
  }
  keepResults(slug(module), testHashes);
  const result = { module, tests: tests.length, seconds, fromScratch, ...scoreOf(reportFile, module) };
  results.push(result);
  recordScores(result, TARGETS[module] ?? TARGETS.default);
}

const target = (module) => TARGETS[module] ?? TARGETS.default;
const header = ['module', 'test files', 'mutants', 'killed', 'survived', 'no coverage', 'ignored', 'score', 'target', 'seconds'];
const rows = results.map((r) => [r.module, r.tests, r.mutants, r.killed, r.survived, r.noCoverage, r.ignored, `${r.score.toFixed(1)}%`, `${target(r.module)}%`, r.seconds.toFixed(0), r.note ?? '']);
writeFileSync(join(OUT, `summary-${new Date().toISOString().slice(0, 10)}.tsv`), [header, ...rows].map((r) => r.join('\t')).join('\n') + '\n');
console.log('\nmutation score per module (killed or timed out / all but ignored):');
for (const row of rows) console.log(`  ${row[0].padEnd(48)} ${String(row[7]).padStart(6)} (target ${row[8]}, ${row[2]} mutants, ${row[4]} survived, ${row[5]} uncovered, ${row[6]} ignored, ${row[9]} s)${row[10] ? ` ${row[10]}` : ''}`);
const missed = results.filter((r) => r.score < target(r.module));
console.log(`${results.length - missed.length} of ${results.length} modules at target`);
process.exitCode = missed.length > 0 ? 1 : 0;

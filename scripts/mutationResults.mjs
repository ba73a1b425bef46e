// The mutation results kept in the repository, so that they accumulate across clones and branches:
// per module, Stryker's incremental report (test/mutation/incremental/<module>.json) and its score
// (one row of test/mutation/scores.tsv). Stryker itself reads and writes a working copy under
// test-results/ (scripts/stryker.config.mjs); this module moves results between the two.
//
// The kept report holds the module's source and every mutant's result. Stryker's test files are the
// esbuild bundles of the unit tests (a few hundred kB each, holding every source they reach), so the
// kept report names each by a hash of its TypeScript test file instead: a test file counts as unchanged
// while that file is. Edits to the module re-test the mutants of the edited code (Stryker diffs the
// source); edits to a test file re-test every mutant it covers; edits elsewhere (another module, a
// fixture) re-test nothing: `npm run test:mutation -- --force <module>` does.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const KEPT = 'test/mutation/incremental';
const WORKING = 'test-results/mutation/incremental';
export const SCORES = 'test/mutation/scores.tsv';
/** Characters of a killing test's message kept: enough to say which test, not its whole output. */
const MAX_REASON = 200;

const keptFile = (slug) => `${KEPT}/${slug}.json`;
const workingFile = (slug) => `${WORKING}/${slug}.json`;
/** The TypeScript test a bundle was built from: .mutation-build/test/unit/x.test.mjs -> test/unit/x.test.ts. */
const testSourceOf = (bundle) => bundle.replaceAll('\\', '/').replace(/^.*?\.mutation-build\//, '').replace(/\.mjs$/, '.ts');
const hashOf = (file) => `sha256:${createHash('sha256').update(readFileSync(file)).digest('hex')}`;

export const hasKeptResults = (slug) => existsSync(keptFile(slug));

/**
 * The hashes of a run's TypeScript test files, by bundle, taken when they are bundled: a test edited
 * while Stryker runs must not be recorded as the version that ran.
 */
export const hashTests = (tests) => Object.fromEntries(tests.map((test) => [`.mutation-build/${test.replace(/\.ts$/, '.mjs')}`, hashOf(test)]));

/**
 * Writes Stryker's working incremental file from the kept one: a test file whose TypeScript source is
 * unchanged gets the current bundle as its source, which Stryker then finds unchanged; a changed
 * one keeps its hash, which differs from any bundle, so Stryker runs its mutants again.
 */
export function restoreResults(slug) {
  mkdirSync(WORKING, { recursive: true });
  if (!hasKeptResults(slug)) { rmSync(workingFile(slug), { force: true }); return; }
  const kept = JSON.parse(readFileSync(keptFile(slug), 'utf8'));
  for (const [bundle, testFile] of Object.entries(kept.testFiles ?? {})) {
    const source = testSourceOf(bundle);
    if (existsSync(source) && existsSync(bundle) && testFile.source === hashOf(source)) testFile.source = readFileSync(bundle, 'utf8');
  }
  writeFileSync(workingFile(slug), JSON.stringify(kept));
}

/** Keeps Stryker's working incremental file in the repository, test files by hash (`hashes` from hashTests), one mutant per line. */
export function keepResults(slug, hashes = {}) {
  if (!existsSync(workingFile(slug))) return;
  const report = JSON.parse(readFileSync(workingFile(slug), 'utf8'));
  const files = {};
  for (const [name, file] of Object.entries(report.files)) {
    const relative = name.replaceAll('\\', '/').replace(/^.*?(?=server\/src\/)/, '');
    const mutants = file.mutants.map((m) => (m.statusReason && m.statusReason.length > MAX_REASON ? { ...m, statusReason: `${m.statusReason.slice(0, MAX_REASON)}…` } : m));
    files[relative] = { language: file.language, source: file.source, mutants };
  }
  const testFiles = {};
  for (const [bundle, testFile] of Object.entries(report.testFiles ?? {})) {
    const source = testSourceOf(bundle);
    testFiles[bundle] = { tests: testFile.tests, source: hashes[bundle] ?? (existsSync(source) ? hashOf(source) : undefined) };
  }
  mkdirSync(KEPT, { recursive: true });
  // One mutant or test file per line: two branches measuring different modules never touch one file,
  // and a re-run of one module changes only the lines of the mutants it tested again.
  const lines = ['{', `"schemaVersion": ${JSON.stringify(report.schemaVersion)},`, `"thresholds": ${JSON.stringify(report.thresholds)},`, '"files": {'];
  Object.entries(files).forEach(([name, file], i, all) => {
    lines.push(`${JSON.stringify(name)}: {"language": ${JSON.stringify(file.language)}, "source": ${JSON.stringify(file.source)}, "mutants": [`);
    file.mutants.forEach((m, j) => lines.push(`${JSON.stringify(m)}${j < file.mutants.length - 1 ? ',' : ''}`));
    lines.push(`]}${i < all.length - 1 ? ',' : ''}`);
  });
  lines.push('},', '"testFiles": {');
  Object.entries(testFiles).forEach(([name, file], i, all) => lines.push(`${JSON.stringify(name)}: ${JSON.stringify(file)}${i < all.length - 1 ? ',' : ''}`));
  lines.push('}', '}');
  writeFileSync(keptFile(slug), `${lines.join('\n')}\n`);
}

const HEADER = ['module', 'score', 'target', 'mutants', 'killed', 'survived', 'no coverage', 'ignored', 'test files', 'date', 'seconds', 'full run seconds'];

/** The kept scores, by module. */
export function readScores() {
  if (!existsSync(SCORES)) return new Map();
  const [, ...rows] = readFileSync(SCORES, 'utf8').split('\n').filter(Boolean);
  return new Map(rows.map((row) => {
    const cells = row.split('\t');
    return [cells[0], Object.fromEntries(HEADER.map((name, i) => [name, cells[i] ?? '']))];
  }));
}

/**
 * Records a module's run in scores.tsv (rows sorted by module): its score, counts, the date and the
 * run's seconds; `full run seconds` is that of the last run that reused no earlier result.
 */
export function recordScores(result, target) {
  const scores = readScores();
  const before = scores.get(result.module);
  scores.set(result.module, {
    module: result.module,
    score: result.score.toFixed(1),
    target: String(target),
    mutants: String(result.mutants),
    killed: String(result.killed),
    survived: String(result.survived),
    'no coverage': String(result.noCoverage),
    ignored: String(result.ignored),
    'test files': String(result.tests),
    date: new Date().toISOString().slice(0, 10),
    seconds: result.seconds.toFixed(0),
    'full run seconds': result.fromScratch ? result.seconds.toFixed(0) : before?.['full run seconds'] ?? '',
  });
  const rows = [...scores.values()].sort((a, b) => a.module.localeCompare(b.module)).map((row) => HEADER.map((name) => row[name]).join('\t'));
  writeFileSync(SCORES, `${[HEADER.join('\t'), ...rows].join('\n')}\n`);
}

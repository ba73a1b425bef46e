// The mutation results kept in the repository (scripts/mutationResults.mjs): Stryker's incremental
// report made small and stable, test files known by the hash of their TypeScript source, and the
// score table. Run in a scratch folder with a synthetic report in the shape Stryker 9 writes.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hashTests, hasKeptResults, keepResults, readScores, recordScores, restoreResults, SCORES } from '../../scripts/mutationResults.mjs';

const home = process.cwd();
const scratch = mkdtempSync(join(tmpdir(), 'mutation-results-'));
const bundle = '.mutation-build/test/unit/a.test.mjs';
const working = 'test-results/mutation/incremental/m.json';
const kept = 'test/mutation/incremental/m.json';
const sha = (text: string): string => `sha256:${createHash('sha256').update(text).digest('hex')}`;
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as {
  files: Record<string, { source: string; mutants: { id: string; status: string; statusReason?: string }[] }>;
  testFiles: Record<string, { source: string; tests: unknown[] }>;
  projectRoot?: string;
};

before(() => {
  process.chdir(scratch);
  for (const dir of ['test/unit', '.mutation-build/test/unit', 'test-results/mutation/incremental']) mkdirSync(dir, { recursive: true });
  writeFileSync('test/unit/a.test.ts', 'test one');
  writeFileSync(bundle, 'bundle of test one');
  writeFileSync(working, JSON.stringify({
    schemaVersion: '1.0', thresholds: { high: 80, low: 60, break: null }, projectRoot: scratch, config: { mutate: ['server/src/x.ts'] },
    files: { 'server/src/x.ts': { language: 'typescript', source: 'export const x = 1;', mutants: [
      { id: '1', mutatorName: 'BooleanLiteral', replacement: 'false', status: 'Killed', statusReason: 'x'.repeat(500), killedBy: ['0'], coveredBy: ['0'], location: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } },
      { id: '2', mutatorName: 'BooleanLiteral', replacement: 'true', status: 'Survived', coveredBy: ['0'], location: { start: { line: 1, column: 3 }, end: { line: 1, column: 4 } } },
    ] } },
    testFiles: { [bundle]: { tests: [{ id: '0', name: bundle }], source: 'bundle of test one' } },
  }));
});
after(() => { process.chdir(home); rmSync(scratch, { recursive: true, force: true }); });

describe('kept mutation results', () => {
  it('keep: the module\'s source and mutants, killing messages cut short, test files by the hash of their TypeScript source', () => {
    assert.ok(!hasKeptResults('m'));
    keepResults('m');
    assert.ok(hasKeptResults('m'));
    const report = read(kept);
    assert.equal(report.files['server/src/x.ts']!.source, 'export const x = 1;');
    assert.deepEqual(report.files['server/src/x.ts']!.mutants.map((m) => m.status), ['Killed', 'Survived']);
    assert.equal(report.files['server/src/x.ts']!.mutants[0]!.statusReason!.length, 201);
    assert.equal(report.testFiles[bundle]!.source, sha('test one'));
    assert.equal(report.projectRoot, undefined, 'nothing of the machine it ran on');
    assert.equal(readFileSync(kept, 'utf8').split('\n').filter((line) => line.startsWith('{"id":')).length, 2, 'one mutant per line');
  });

  it('restore: an unchanged test file gets its current bundle back, so Stryker reuses its results', () => {
    rmSync(working);
    restoreResults('m');
    assert.equal(read(working).testFiles[bundle]!.source, 'bundle of test one');
  });

  it('restore: a changed test file keeps its hash, which no bundle equals, so its mutants run again', () => {
    writeFileSync('test/unit/a.test.ts', 'test one, changed');
    restoreResults('m');
    assert.equal(read(working).testFiles[bundle]!.source, sha('test one'));
  });

  it('keep records the hash taken when the tests were bundled, not that of a test edited during the run', () => {
    writeFileSync('test/unit/a.test.ts', 'test two');
    const atBundling = hashTests(['test/unit/a.test.ts']);
    assert.deepEqual(atBundling, { [bundle]: sha('test two') });
    writeFileSync('test/unit/a.test.ts', 'test two, edited during the run');
    keepResults('m', atBundling);
    assert.equal(read(kept).testFiles[bundle]!.source, sha('test two'));
  });

  it('restore without kept results leaves Stryker no stale working file', () => {
    writeFileSync('test-results/mutation/incremental/other.json', '{}');
    restoreResults('other');
    assert.throws(() => readFileSync('test-results/mutation/incremental/other.json'));
  });
});

describe('the score table', () => {
  const result = { module: 'server/src/b.ts', score: 87.54, mutants: 10, killed: 7, survived: 1, noCoverage: 0, ignored: 2, tests: 3, seconds: 600.4, fromScratch: true };

  it('one row per module, sorted, with the run\'s date and seconds; a run from scratch sets the full run time', () => {
    recordScores(result, 80);
    recordScores({ ...result, module: 'server/src/a.ts', score: 100 }, 90);
    const lines = readFileSync(SCORES, 'utf8').trim().split('\n');
    assert.equal(lines[0], 'module\tscore\ttarget\tmutants\tkilled\tsurvived\tno coverage\tignored\ttest files\tdate\tseconds\tfull run seconds');
    assert.deepEqual(lines.slice(1).map((l) => l.split('\t')[0]), ['server/src/a.ts', 'server/src/b.ts']);
    const b = readScores().get('server/src/b.ts')!;
    assert.deepEqual([b.score, b.target, b.mutants, b.survived, b.ignored, b.seconds, b['full run seconds']], ['87.5', '80', '10', '1', '2', '600', '600']);
    assert.match(b.date!, /^\d{4}-\d{2}-\d{2}$/);
  });

  it('an incremental run updates the score and keeps the last full run time', () => {
    recordScores({ ...result, score: 95, survived: 0, killed: 8, seconds: 12, fromScratch: false }, 80);
    const b = readScores().get('server/src/b.ts')!;
    assert.deepEqual([b.score, b.seconds, b['full run seconds']], ['95.0', '12', '600']);
    assert.equal(readScores().size, 2);
  });
});

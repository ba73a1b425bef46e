// The per-sample corpus check (test/support/corpusAgreement.ts) on synthetic lists: a listed sample
// that stops agreeing fails by name, recording only adds, and an unlisted improvement never fails.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { agreementRegressions, checksOf, compareWithList, readAgreementList, writeAgreementList } from '../support/corpusAgreement';

const scratch = mkdtempSync(join(tmpdir(), 'corpus-agreement-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs with CORPUS_RECORD set as asked, restoring it after. */
function withRecording<T>(on: boolean, run: () => T): T {
  const before = process.env.CORPUS_RECORD;
  if (on) process.env.CORPUS_RECORD = '1';
  else delete process.env.CORPUS_RECORD;
  try {
    return run();
  } finally {
    if (before === undefined) delete process.env.CORPUS_RECORD;
    else process.env.CORPUS_RECORD = before;
  }
}

describe('corpus agreement lists (synthetic samples)', () => {
  it('checksOf keeps the measured fields only', () => {
    assert.deepEqual(checksOf('a.eml x@example.com', { status: true, reason: undefined, recipient: false }).map((c) => [c.field, c.agrees]), [
      ['status', true], ['recipient', false],
    ]);
  });

  it('a listed pair that stops agreeing is a regression, named with what was found', () => {
    const listed = new Set(['a.eml\tstatus', 'a.eml\treason', 'b.eml\tstatus']);
    const outcome = compareWithList(listed, [
      { sample: 'a.eml', field: 'status', agrees: true },
      { sample: 'a.eml', field: 'reason', agrees: false, detail: 'expected userunknown, got filtered' },
      { sample: 'b.eml', field: 'status', agrees: true },
      { sample: 'c.eml', field: 'status', agrees: true },
    ]);
    assert.deepEqual(outcome.regressed, [{ key: 'a.eml\treason', detail: 'expected userunknown, got filtered' }]);
    assert.deepEqual(outcome.newlyAgreeing, ['c.eml\tstatus']);
  });

  it('a listed sample that is no longer checked at all counts as a regression', () => {
    const outcome = compareWithList(new Set(['gone.eml\tstatus']), []);
    assert.equal(outcome.regressed.length, 1);
    assert.match(outcome.regressed[0]!.detail, /no longer checked/);
  });

  it('a key checked twice agrees only when both checks agree', () => {
    const outcome = compareWithList(new Set(['d.eml\tstatus']), [
      { sample: 'd.eml', field: 'status', agrees: true },
      { sample: 'd.eml', field: 'status', agrees: false, detail: 'second recipient row' },
    ]);
    assert.deepEqual(outcome.regressed, [{ key: 'd.eml\tstatus', detail: 'second recipient row' }]);
  });

  it('the failure message names every regressed sample; an improvement alone passes', () => {
    const path = join(scratch, 'naming.tsv');
    writeAgreementList(path, ['one.eml\tstatus', 'two.eml\treason'], 'synthetic');
    const message = withRecording(false, () => agreementRegressions('synthetic', [
      { sample: 'one.eml', field: 'status', agrees: false, detail: 'expected 5.1.1, got 5.0.0' },
      { sample: 'two.eml', field: 'reason', agrees: true },
      { sample: 'three.eml', field: 'status', agrees: true },
    ], path));
    assert.match(message ?? '', /1 of 2 listed/);
    assert.match(message ?? '', /one\.eml {2}status: expected 5\.1\.1, got 5\.0\.0/);
    assert.doesNotMatch(message ?? '', /two\.eml|three\.eml/);
    // Not recording: the file is left as it was.
    assert.deepEqual([...readAgreementList(path)].sort(), ['one.eml\tstatus', 'two.eml\treason']);
  });

  it('recording adds what agrees now and never removes a listed pair, even one that regressed', () => {
    const path = join(scratch, 'recording.tsv');
    writeAgreementList(path, ['old.eml\tstatus'], 'synthetic');
    const message = withRecording(true, () => agreementRegressions('synthetic', [
      { sample: 'old.eml', field: 'status', agrees: false },
      { sample: 'new.eml', field: 'status', agrees: true },
      { sample: 'bad.eml', field: 'status', agrees: false },
    ], path));
    assert.match(message ?? '', /old\.eml/);
    assert.deepEqual([...readAgreementList(path)].sort(), ['new.eml\tstatus', 'old.eml\tstatus']);
    assert.match(readFileSync(path, 'utf8'), /^# .*\nsample\tfield\nnew\.eml\tstatus\nold\.eml\tstatus\n$/);
  });

  it('recording into a list that does not exist yet creates it', () => {
    const path = join(scratch, 'fresh', 'new-agreeing.tsv');
    withRecording(true, () => agreementRegressions('synthetic', [{ sample: 'x.eml', field: 'status', agrees: true }], path));
    assert.deepEqual([...readAgreementList(path)], ['x.eml\tstatus']);
  });
});

// One big log in byte ranges (server/src/node/cli/ranges.ts): the cuts fall on lines that start a
// row, each range checked alone (with the log's header read first) gives the problems of its rows
// that reading the whole text in order gives, its lines add up to the file's, and a header line
// inside a range is noticed (later ranges were read with other columns). The logs are synthetic:
// rows of the repository's test fixture, repeated and varied.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PROTOCOL_LOG, TRACKING_LOG } from '../../server/src/common/languages';
import { defaultSettings, getLanguageService, type LanguageSettings } from '../../server/src/languageService';
import { checkRange, headerBefore, type RangeEnd, rangeStarts, type RangeTask } from '../../server/src/node/cli/ranges';
import { InvalidUtf8Count } from '../../server/src/node/cli/reading';
import { type ProblemRecord, recordOf } from '../../server/src/node/cli/records';

const service = getLanguageService();
const SETTINGS: LanguageSettings = { ...defaultSettings, diagnostics: { ...defaultSettings.diagnostics, enable: true, maxProblems: Number.MAX_SAFE_INTEGER } };
const FIXTURE = readFileSync('test/e2e/fixtures/MSGTRK20261123-1.LOG', 'utf8').split('\n').filter(Boolean);
const HEADER = FIXTURE.filter((line) => line.startsWith('#'));
const ROWS = FIXTURE.filter((line) => !line.startsWith('#'));
const work = mkdtempSync(join(tmpdir(), 'mailflow-ranges-unit-'));

/** Synthetic: about `bytes` of the fixture's rows, quoted subjects over two lines, unclosed quotes; the header again after row `headerAgainAt`. */
function syntheticLog(bytes: number, newline: string, headerAgainAt = -1): string {
  const lines = [...HEADER];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    let row = ROWS[i % ROWS.length]!;
    if (i % 37 === 5) row = row.replace(/,Q4 forecast,/, `,"Q4 forecast ${i}${newline}goes on ""here"" é",`);
    if (i % 59 === 7) row = row.replace(/,Q4 forecast,/, `,"Q4 forecast ${i} never closed,`);
    lines.push(row);
    size += row.length;
    if (i === headerAgainAt) lines.push(...HEADER);
  }
  return `${lines.join(newline)}${newline}`;
}

function wholeProblems(text: string, uri: string): ProblemRecord[] {
  const head = TextDocument.create(uri, TRACKING_LOG, 1, text.slice(0, 64 * 1024));
  const stream = service.streamValidation(head, SETTINGS)!;
  return [...stream.push(text), ...stream.finish()].map((d) => recordOf('log', d));
}

async function rangeProblems(path: string, text: string, uri: string, jobs: number) {
  const header = headerBefore(text.slice(0, 64 * 1024), TRACKING_LOG)!;
  const size = Buffer.byteLength(text);
  const starts = rangeStarts(path, size, jobs);
  const ends: RangeEnd[] = [];
  const records: ProblemRecord[] = [];
  let firstLine = 0;
  for (let i = 0; i < starts.length; i++) {
    const task: RangeTask = {
      path, file: 'log', uri, language: TRACKING_LOG, head: text.slice(0, 64 * 1024), header, start: starts[i]!, end: starts[i + 1] ?? size,
      first: i === 0, last: i === starts.length - 1, settings: SETTINGS,
    };
    const shift = firstLine - (i === 0 ? 0 : header.split(/\r\n|\r|\n/).length - 1);
    await checkRange(task, service, (event) => {
      if (event.kind === 'problems') records.push(...event.records.map((r) => ({ ...r, line: r.line + shift, endLine: r.endLine + shift })));
      else ends.push(event.end);
    });
    firstLine += ends[i]!.lines;
  }
  return { starts, ends, records };
}

describe('a log in byte ranges', () => {
  it('the header before the first row is read again by every range; none without #Fields, a lone CR or another family', () => {
    const text = syntheticLog(5000, '\n');
    assert.equal(headerBefore(text, TRACKING_LOG), `${HEADER.join('\n')}\n`);
    assert.equal(headerBefore(text.replace(/^#Fields:.*\n/m, ''), TRACKING_LOG), undefined);
    assert.equal(headerBefore(syntheticLog(5000, '\r'), TRACKING_LOG), undefined);
    assert.equal(headerBefore(HEADER.join('\n'), TRACKING_LOG), undefined, 'no row in the head');
    assert.equal(headerBefore(text, 'plaintext'), undefined);
    assert.ok(headerBefore(text, PROTOCOL_LOG), 'a protocol log reads the same way');
  });

  for (const newline of ['\n', '\r\n']) {
    it(`cuts on row starts; the ranges give the whole text's problems and lines (${JSON.stringify(newline)})`, async () => {
      const text = syntheticLog(3.5e6, newline);
      const path = join(work, `ranges${newline.length}.log`);
      writeFileSync(path, text);
      const uri = `file://${path}`;
      const { starts, ends, records } = await rangeProblems(path, text, uri, 4);
      assert.ok(starts.length >= 3, `${starts.length} ranges`);
      const bytes = readFileSync(path);
      for (const start of starts.slice(1)) {
        assert.equal(bytes[start - 1], 0x0a);
        assert.match(bytes.subarray(start, start + 11).toString('latin1'), /^\d{4}-\d\d-\d\dT$/);
      }
      assert.deepEqual(records, wholeProblems(text, uri));
      assert.equal(ends.reduce((n, e) => n + e.lines, 0), text.split(/\r\n|\n/).length - 1);
      assert.ok(ends.every((e) => !e.directives && !e.longStretch && e.invalid === 0));
    });
  }

  it('a header line inside a range is noticed', async () => {
    const text = syntheticLog(2.5e6, '\n', 500);
    const path = join(work, 'joined.log');
    writeFileSync(path, text);
    const { ends } = await rangeProblems(path, text, `file://${path}`, 4);
    assert.deepEqual(ends.map((e) => e.directives), [true, ...ends.slice(1).map(() => false)]);
  });
});

describe('invalid UTF-8 counted over chunks', () => {
  it('the same count wherever the bytes are cut, literal U+FFFD not counted (synthetic bytes)', () => {
    // Two literal U+FFFD, a lone continuation byte, a cut three-byte sequence before ASCII, an overlong slash.
    const bytes = Buffer.concat([Buffer.from('a\uFFFDb', 'utf8'), Buffer.from([0x80]), Buffer.from('c'), Buffer.from([0xe2, 0x82]), Buffer.from('d\uFFFD'), Buffer.from([0xc0, 0xaf])]);
    const countWith = (cuts: number[]) => {
      const decoder = new TextDecoder('utf-8');
      const count = new InvalidUtf8Count();
      let from = 0;
      for (const to of [...cuts, bytes.length]) {
        const chunk = bytes.subarray(from, to);
        count.add(chunk, decoder.decode(chunk, { stream: true }));
        from = to;
      }
      count.add(Buffer.alloc(0), decoder.decode());
      return count.count();
    };
    const whole = countWith([]);
    assert.equal(whole, 4, 'the lone byte, the cut sequence and the two bytes of the overlong slash');
    for (let a = 1; a < bytes.length; a++) {
      assert.equal(countWith([a]), whole, `cut at ${a}`);
      for (let b = a + 1; b < bytes.length; b++) assert.equal(countWith([a, b]), whole, `cuts at ${a} and ${b}`);
    }
  });
});

// One big log checked in byte ranges on worker threads (server/src/node/cli/ranges.ts) writes what
// reading it in order writes, byte for byte, in every format: with CRLF and lone-CR line breaks,
// quoted fields over several lines and unclosed quotes next to the cuts, non-ASCII and invalid UTF-8,
// and a header repeated inside the file (logs joined together), where the ranges give way to reading
// in order. Every log here is synthetic: rows of the repository's test fixture, repeated and varied.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(root, 'dist', 'cli.js');
const work = mkdtempSync(join(tmpdir(), 'mailflow-ranges-'));
const cli = (args) => spawnSync(process.execPath, [CLI, ...args], { cwd: work, maxBuffer: 1 << 28 });

const fixture = readFileSync(join(root, 'test/e2e/fixtures/MSGTRK20261123-1.LOG'), 'utf8').split(/\r?\n/).filter(Boolean);
const header = fixture.filter((line) => line.startsWith('#'));
const rows = fixture.filter((line) => !line.startsWith('#'));
const quiet = rows.filter((row) => /,(RECEIVE|AGENTINFO|DELIVER),/.test(row));
const loud = rows.filter((row) => /,(FAIL|DEFER|DSN),/.test(row));

/** About `bytes` of rows: mostly quiet ones, a problem row every `every`, and `vary(i)` lines mixed in. */
function synthetic(bytes, { every = 97, vary = () => [], newline = '\n', headerAgainAt } = {}) {
  const lines = [...header];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const row = i % every === 0 ? loud[i % loud.length] : quiet[i % quiet.length];
    for (const line of [row, ...vary(i)]) { lines.push(line); size += line.length + newline.length; }
    if (headerAgainAt !== undefined && i === headerAgainAt) lines.push(...header.map((h) => h.replace('15.02.1544.004', '15.01.2507.006')));
  }
  return Buffer.from(`${lines.join(newline)}${newline}`, 'utf8');
}

// A row whose subject is quoted over two lines (the next line does not start a record, so it continues the field).
const multiline = (i) => quiet[0].replace(',Q4 forecast,', `,"Q4 forecast ${i}\nsecond line ""quoted"" é",`);
// A quote never closed: it runs to the next line that starts a record.
const unclosed = (i) => quiet[1].replace(',Q4 forecast,', `,"Q4 forecast ${i} never closed,`);
const variedRows = (i) => (i % 53 === 1 ? [multiline(i), 'a stray line that starts no record, with "a quote'] : i % 89 === 2 ? [unclosed(i)] : i % 61 === 3 ? ['', 'Grüße, ☃ 日本'] : []);

function sameInEveryFormat(name, formats = ['ndjson', 'json', 'sarif', 'text']) {
  for (const format of formats) {
    const ordered = cli(['check', '--format', format, '--jobs', '1', '--no-color', name]);
    const ranged = cli(['check', '--format', format, '--jobs', '4', '--no-color', name]);
    assert.ok(ordered.stdout.toString().split('\n').length > (format === 'ndjson' || format === 'text' ? 20 : 0), `${format}: ${ordered.stderr.toString()}`);
    assert.ok(ranged.stdout.equals(ordered.stdout), `${name} --format ${format}: --jobs 4 differs from --jobs 1`);
    assert.equal(ranged.stderr.toString(), ordered.stderr.toString());
    assert.equal(ranged.status, ordered.status);
  }
}

describe('check of one big log in ranges on worker threads', () => {
  it('writes what reading in order writes, in every format (LF)', () => {
    writeFileSync(join(work, 'lf.log'), synthetic(2.5e6, { vary: variedRows }));
    sameInEveryFormat('lf.log');
  });

  it('with CRLF line breaks, invalid UTF-8 and literal U+FFFD', () => {
    const text = synthetic(2.5e6, { vary: variedRows, newline: '\r\n' });
    // Invalid bytes (a lone continuation byte, a cut sequence) and a literal U+FFFD in some subjects.
    const bytes = [];
    let from = 0;
    for (let at = text.indexOf('Q4 forecast'), n = 0; at >= 0; at = text.indexOf('Q4 forecast', at + 1), n++) {
      if (n % 41 !== 0) continue;
      bytes.push(text.subarray(from, at), n % 2 ? Buffer.from([0x80, 0xe2, 0x82]) : Buffer.from('\uFFFD', 'utf8'));
      from = at;
    }
    bytes.push(text.subarray(from));
    writeFileSync(join(work, 'crlf.log'), Buffer.concat(bytes));
    const r = cli(['check', '--format', 'ndjson', '--jobs', '1', 'crlf.log']);
    assert.match(r.stderr.toString(), /invalid UTF-8 sequences replaced/);
    sameInEveryFormat('crlf.log');
  });

  it('a header repeated inside the file (joined logs): later ranges give way to reading in order, with the same output', () => {
    // In the first range (the rest is read again in order), and in the last (its own rows take the new header).
    writeFileSync(join(work, 'joined-early.log'), synthetic(2.5e6, { vary: variedRows, headerAgainAt: 1000 }));
    sameInEveryFormat('joined-early.log', ['ndjson', 'text']);
    writeFileSync(join(work, 'joined-late.log'), synthetic(2.5e6, { vary: variedRows, headerAgainAt: 3000 }));
    sameInEveryFormat('joined-late.log', ['ndjson', 'text']);
  });

  it('lone CR line breaks are read in order, with the same output', () => {
    writeFileSync(join(work, 'cr.log'), synthetic(2.5e6, { newline: '\r' }));
    sameInEveryFormat('cr.log');
  });

  it('--max-problems and --severity apply to the whole file, not to each range', () => {
    writeFileSync(join(work, 'capped.log'), synthetic(2.5e6, { every: 2 }));
    for (const options of [['--max-problems', '2500'], ['--severity', 'error', '--summary']]) {
      const ordered = cli(['check', '--format', 'ndjson', '--jobs', '1', ...options, 'capped.log']);
      const ranged = cli(['check', '--format', 'ndjson', '--jobs', '3', ...options, 'capped.log']);
      assert.ok(ranged.stdout.equals(ordered.stdout));
      assert.equal(ranged.stderr.toString(), ordered.stderr.toString());
    }
    const capped = cli(['check', '--format', 'ndjson', '--jobs', '3', '--max-problems', '2500', 'capped.log']);
    assert.equal(capped.stdout.toString().split('\n').filter(Boolean).length, 2500);
    assert.match(capped.stderr.toString(), /more problems not shown \(--max-problems 2500\)/);
  });
});

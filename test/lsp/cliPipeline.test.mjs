// The built command line as a pipeline tool: each output format against its schema, stdin, directories
// of mixed files, gzip, encodings, binary and missing inputs, --jobs, options and streaming output.
// Every file here is synthetic or a test fixture of this repository.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(root, 'dist', 'cli.js');
const cli = (args, input) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, cwd: work });
const readJson = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));

const problemSchema = readJson('schemas/problem.schema.json');
const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addSchema(problemSchema, 'problem.schema.json');
const validateProblem = ajv.compile({ $ref: 'problem.schema.json' });
const validateReport = ajv.compile(readJson('schemas/check.schema.json'));
// The schema's language pattern has a stray "]" that only a non-Unicode regular expression accepts.
const sarifAjv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(sarifAjv);
const validateSarif = sarifAjv.compile(readJson('schemas/vendor/sarif-2.1.0-rtm.5.json'));
const valid = (validate, value) => assert.ok(validate(value), JSON.stringify(validate.errors?.slice(0, 3), null, 1));

const TRACKING = readFileSync(join(root, 'test/e2e/fixtures/MSGTRK20261123-1.LOG'), 'utf8');
const BOUNCE = readFileSync(join(root, 'test/e2e/fixtures/bounce-exchange-online.eml'), 'utf8');
const PROTOCOL = readFileSync(join(root, 'test/e2e/fixtures/RECV2026112310-1.LOG'), 'utf8');

// A directory of mixed files: logs, a bounce, a gzipped log, a text file of nobody's, a picture.
const work = mkdtempSync(join(tmpdir(), 'mailflow-cli-'));
mkdirSync(join(work, 'mixed', 'archive'), { recursive: true });
writeFileSync(join(work, 'mixed', 'MSGTRK20261123-1.LOG'), TRACKING);
writeFileSync(join(work, 'mixed', 'RECV2026112310-1.LOG'), PROTOCOL);
writeFileSync(join(work, 'mixed', 'ndr.eml'), BOUNCE);
writeFileSync(join(work, 'mixed', 'mail.log'), readFileSync(join(root, 'test/e2e/fixtures/mail.log')));
writeFileSync(join(work, 'mixed', 'notes.txt'), 'shopping list: milk, 550 grams of flour\n');
writeFileSync(join(work, 'mixed', 'picture.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
writeFileSync(join(work, 'mixed', 'archive', 'MSGTRK20261122-1.LOG.gz'), gzipSync(TRACKING));
writeFileSync(join(work, 'track.log'), TRACKING);
writeFileSync(join(work, 'empty.log'), '');
writeFileSync(join(work, 'binary.log'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]));
mkdirSync(join(work, 'nothing-ours'));
writeFileSync(join(work, 'nothing-ours', 'readme.txt'), 'hello\n');

const lines = (text) => text.split('\n').filter(Boolean);

describe('check --format', () => {
  it('ndjson: every line is one problem valid against schemas/problem.schema.json', () => {
    const r = cli(['check', '--format', 'ndjson', 'mixed']);
    assert.equal(r.status, 1, r.stderr);
    const records = lines(r.stdout).map((l) => JSON.parse(l));
    assert.ok(records.length >= 8);
    for (const record of records) valid(validateProblem, record);
    const fail = records.find((p) => p.code === 'FAIL');
    assert.equal(fail.deliverystatus, '5.1.1');
    assert.equal(fail.hardbounce, true);
    assert.ok(records.some((p) => p.file.endsWith('ndr.eml') && p.reason && p.recipient));
    assert.ok(records.some((p) => p.file.endsWith('mail.log') && p.recipient), 'a Postfix log found in the directory');
  });

  it('json: one document valid against schemas/check.schema.json, problems grouped per file in order', () => {
    const r = cli(['check', '--format', 'json', '--summary', 'mixed']);
    const report = JSON.parse(r.stdout);
    valid(validateReport, report);
    assert.deepEqual(report.files.map((f) => [f.file.replaceAll('\\', '/'), f.status]), [
      ['mixed/MSGTRK20261123-1.LOG', 'checked'],
      ['mixed/RECV2026112310-1.LOG', 'checked'],
      ['mixed/archive/MSGTRK20261122-1.LOG.gz', 'checked'],
      ['mixed/mail.log', 'checked'],
      ['mixed/ndr.eml', 'checked'],
      ['mixed/notes.txt', 'skipped'],
      ['mixed/picture.png', 'skipped'],
    ]);
    assert.equal(report.summary.files.checked, 5);
    for (const file of report.files) for (const p of file.problems) assert.equal(p.file, file.file);
  });

  it('sarif: valid SARIF 2.1.0, one rule per code with help text, levels and physical locations', () => {
    const r = cli(['check', '--format', 'sarif', 'mixed', 'binary.log']);
    assert.equal(r.status, 2);
    const log = JSON.parse(r.stdout);
    valid(validateSarif, log);
    const [run] = log.runs;
    const ids = run.tool.driver.rules.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length, 'one rule per code');
    for (const result of run.results) {
      const rule = run.tool.driver.rules[result.ruleIndex];
      assert.equal(rule.id, result.ruleId);
      assert.ok(rule.help.text.length > 20, `help for ${rule.id}`);
      assert.ok(['error', 'warning', 'note'].includes(result.level));
      assert.ok(result.locations[0].physicalLocation.region.startLine >= 1);
    }
    assert.match(run.tool.driver.rules.find((rule) => rule.id === '5.1.10')?.help.text ?? '', /Likely causes:[^]*What to do:/);
    assert.match(run.tool.driver.rules.find((rule) => rule.id === 'FAIL')?.help.text ?? '', /\w/);
    assert.equal(run.invocations[0].executionSuccessful, false);
    assert.match(run.invocations[0].toolExecutionNotifications[0].message.text, /binary\.log: binary/);
  });

  it('text: file:line:col: severity: message, without colour when not a terminal', () => {
    const r = cli(['check', 'track.log']);
    assert.match(lines(r.stdout)[0], /^track\.log:\d+:\d+: (error|warning|info): \S/);
    assert.ok(!r.stdout.includes('\u001b['), 'no escape sequences');
  });
});

describe('colour', () => {
  // util-linux's script gives the command line a terminal; without it the test has nothing to run.
  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  it('is on when standard output is a terminal, and off with --no-color', { skip: !hasScript && 'no script(1) here' }, () => {
    const onTerminal = (args) => spawnSync('script', ['-qc', [process.execPath, CLI, ...args].join(' '), '/dev/null'], { encoding: 'utf8', cwd: work }).stdout;
    assert.ok(onTerminal(['check', 'track.log']).includes('\u001b[31merror\u001b[0m'));
    assert.ok(!onTerminal(['check', '--no-color', 'track.log']).includes('\u001b['));
  });
});

describe('check inputs', () => {
  it('- reads standard input, recognised by content', () => {
    const fromFile = cli(['check', '--format', 'ndjson', 'track.log']);
    const fromStdin = cli(['check', '--format', 'ndjson', '-'], TRACKING);
    assert.equal(fromStdin.status, 1);
    assert.deepEqual(lines(fromStdin.stdout).map((l) => ({ ...JSON.parse(l), file: 'F' })), lines(fromFile.stdout).map((l) => ({ ...JSON.parse(l), file: 'F' })));
  });

  it('a .gz file is decompressed: the same problems as the plain file', () => {
    writeFileSync(join(work, 'MSGTRK-plain.LOG'), TRACKING);
    writeFileSync(join(work, 'MSGTRK-zipped.LOG.gz'), gzipSync(TRACKING));
    const strip = (r) => lines(r.stdout).map((l) => ({ ...JSON.parse(l), file: 'F' }));
    const zipped = cli(['check', '--format', 'ndjson', 'MSGTRK-zipped.LOG.gz']);
    assert.ok(strip(zipped).length > 0, zipped.stderr);
    assert.deepEqual(strip(zipped), strip(cli(['check', '--format', 'ndjson', 'MSGTRK-plain.LOG'])));
  });

  it('UTF-16LE and UTF-16BE with a byte order mark, and UTF-8 with one, read as the same text', () => {
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TRACKING, 'utf16le')]);
    const utf16be = Buffer.from(utf16le);
    utf16be.swap16();
    writeFileSync(join(work, 'MSGTRK-le.LOG'), utf16le);
    writeFileSync(join(work, 'MSGTRK-be.LOG'), utf16be);
    writeFileSync(join(work, 'MSGTRK-bom.LOG'), `\uFEFF${TRACKING}`);
    const strip = (file) => lines(cli(['check', '--format', 'ndjson', file]).stdout).map((l) => ({ ...JSON.parse(l), file: 'F' }));
    const expected = strip('track.log');
    assert.ok(expected.length > 0);
    for (const file of ['MSGTRK-le.LOG', 'MSGTRK-be.LOG', 'MSGTRK-bom.LOG']) assert.deepEqual(strip(file), expected, file);
  });

  it('invalid UTF-8 is replaced and noted on stderr', () => {
    writeFileSync(join(work, 'latin1.txt'), Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from(' said: 550 5.1.1 unknown user\n')]));
    const r = cli(['check', 'latin1.txt']);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /latin1\.txt: note: 1 invalid UTF-8 sequence replaced by U\+FFFD/);
  });

  it('a binary file named on the command line is an error naming it; exit 2', () => {
    const r = cli(['check', 'binary.log']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^binary\.log: binary data/m);
  });

  it('an empty file is clean', () => {
    const r = cli(['check', 'empty.log']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
  });

  it('a missing file among good ones: one line naming it, exit 2, the others still checked', () => {
    const r = cli(['check', '--format', 'ndjson', 'track.log', 'missing.log', 'mixed/ndr.eml']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^missing\.log: no such file or directory$/m);
    const files = new Set(lines(r.stdout).map((l) => JSON.parse(l).file));
    assert.deepEqual([...files], ['track.log', join('mixed', 'ndr.eml')]);
  });

  it('a directory without a file we read is an error; skipped files get a note', () => {
    const r = cli(['check', 'nothing-ours']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /readme\.txt: skipped: /);
    assert.match(r.stderr, /^nothing-ours: no file in this directory is one Mailflow Lens reads$/m);
  });

  it('--jobs 1 and --jobs 4 write the same output in the same order', () => {
    const args = ['check', '--format', 'ndjson', 'mixed', 'track.log', 'mixed/ndr.eml', 'mixed'];
    const one = cli([...args, '--jobs', '1']);
    const four = cli([...args, '--jobs', '4']);
    assert.ok(lines(one.stdout).length > 10);
    assert.equal(four.stdout, one.stdout);
    assert.equal(four.stderr, one.stderr);
    assert.equal(four.status, one.status);
  });
});

describe('check options', () => {
  it('--severity error keeps errors only; --max-problems caps each file with a note', () => {
    const all = lines(cli(['check', '--format', 'ndjson', 'track.log']).stdout).map((l) => JSON.parse(l));
    const errors = lines(cli(['check', '--format', 'ndjson', '--severity', 'error', 'track.log']).stdout).map((l) => JSON.parse(l));
    assert.deepEqual(errors, all.filter((p) => p.severity === 'error'));
    assert.ok(errors.length < all.length);
    const capped = cli(['check', '--format', 'ndjson', '--max-problems', '2', 'track.log']);
    assert.deepEqual(lines(capped.stdout).map((l) => JSON.parse(l)), all.slice(0, 2));
    assert.match(capped.stderr, new RegExp(`track\\.log: note: ${all.length - 2} more problems? not shown \\(--max-problems 2\\)`));
    assert.equal(capped.status, 1, 'errors count whether shown or not');
  });

  it('--summary ends the text output with counts per file and kind', () => {
    const r = cli(['check', '--summary', 'track.log']);
    assert.match(r.stdout, /summary: 1 checked, 0 skipped, 0 unreadable; \d+ errors?, \d+ warnings?, \d+ info\n {2}track\.log: .*\(.*FAIL \d+/);
  });

  it('unknown options and bad values are usage errors (exit 2)', () => {
    for (const args of [['check', '--frobnicate', 'track.log'], ['check', '--format', 'xml', 'track.log'], ['check', '--jobs', '0', 'track.log'], ['check'], ['inspect']]) {
      const r = cli(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /^mailflow-lens: .+\nRun "mailflow-lens --help"/);
    }
  });

  it('--help documents every option and exit code', () => {
    const help = cli(['--help']).stdout;
    for (const option of ['--format', 'text', 'json', 'ndjson', 'sarif', '--max-problems', '--severity', '--summary', '--jobs', '--no-color', 'explain', '--version']) {
      assert.ok(help.includes(option), option);
    }
    for (const code of ['0  ', '1  ', '2  ']) assert.ok(help.includes(`\n  ${code}`), `exit code ${code.trim()}`);
  });
});

describe('explain', () => {
  it('reads standard input', () => {
    const r = cli(['explain'], '550 5.1.10 RESOLVER.ADR.RecipientNotFound\n');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^550 5\.1\.10 RESOLVER\.ADR\.RecipientNotFound: /);
  });

  it('--format json: the explanation as data', () => {
    const r = cli(['explain', '--format', 'json', '5.7.1']);
    const [entry] = JSON.parse(r.stdout);
    assert.equal(entry.label, '5.7.1');
    assert.equal(entry.permanence, 'permanent');
    assert.ok(entry.readings.length > 0 && entry.readings[0].sources.length > 0);
  });
});

describe('streaming', () => {
  it('the first ndjson line appears before standard input ends', async () => {
    const child = spawn(process.execPath, [CLI, 'check', '--format', 'ndjson', '-'], { cwd: work });
    const [head, ...rows] = TRACKING.split('\n');
    const first = new Promise((resolve) => {
      let seen = '';
      child.stdout.on('data', (chunk) => {
        seen += chunk;
        if (seen.includes('\n')) resolve(seen.slice(0, seen.indexOf('\n')));
      });
    });
    // The header and every row, then more rows slowly: the input is still open when the first problem must be out.
    child.stdin.write(`${head}\n${rows.join('\n')}\n`);
    const padding = TRACKING.split('\n').slice(5).join('\n');
    const timer = setInterval(() => child.stdin.write(`${padding}\n`), 100);
    const line = await Promise.race([first, new Promise((resolve) => setTimeout(() => resolve(null), 30_000))]);
    const ended = child.stdin.writableEnded;
    clearInterval(timer);
    child.stdin.end();
    await new Promise((resolve) => child.on('close', resolve));
    assert.ok(line, 'a problem was written');
    assert.equal(ended, false, 'stdin was still open');
    valid(validateProblem, JSON.parse(line));
  });
});

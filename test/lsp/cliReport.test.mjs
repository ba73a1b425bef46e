// The built command line's `report` (#15): the JSON report of the production Postfix log checked
// against counts taken from its lines here, -o, and the exit codes and one-line errors of `check`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Buffer } from 'node:buffer';
import { gunzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = process.env.MAILFLOW_SHARED ?? resolve(root, '..', 'shared');
const cli = (...args) => spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const POSTFIX = join(shared, 'corpus', 'unix-mail-logs', 'postfix-deliverability-analytics', 'real-mail.log.2.gz');

describe('mailflow-lens report', () => {
  it('--format json: the report of the production Postfix log, its totals as the log\'s lines count them', () => {
    const r = cli('report', '--format', 'json', POSTFIX);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    const report = JSON.parse(r.stdout);
    const lines = gunzipSync(readFileSync(POSTFIX)).toString('utf8').split('\n');
    const pairs = (status) => new Set(lines.map((l) => new RegExp(`\\]: ([0-9A-Z]{6,20}): to=<([^>]*)>,.*? status=${status} `).exec(l)).filter(Boolean).map((m) => `${m[1]}|${m[2]}`));
    const sent = pairs('sent');
    const bounced = [...pairs('bounced')].filter((p) => !sent.has(p));
    const ids = new Set(lines.map((l) => /postfix\/[a-z]+\[\d+\]: ([0-9A-Z]{6,20}): /.exec(l)?.[1]).filter(Boolean));
    assert.equal(report.totals.messages, ids.size);
    assert.equal(report.totals.delivered, sent.size);
    assert.equal(report.totals.failed, bounced.length);
    assert.deepEqual(report.sources.map((s) => [s.name, s.language]), [['real-mail.log.2.gz', 'mail-log']]);
    assert.equal(report.timeline.unit, 'hour');
    assert.ok(report.failedRecipients.rows.length > 0 && report.failedRecipients.rows.every((row) => row.at.source === 0 && typeof row.query === 'string'));
  });

  it('-o writes the file; an unreadable input is one line on stderr, exit 2, and the others are still reported', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailflow-report-'));
    const log = join(dir, 'mail.log');
    // Synthetic Postfix lines: one bounce.
    writeFileSync(log, [
      'Dec  7 08:00:01 mx postfix/qmgr[2]: 4A1B2C3D4E: from=<a@example.org>, size=100, nrcpt=1 (queue active)',
      'Dec  7 08:00:02 mx postfix/smtp[3]: 4A1B2C3D4E: to=<b@contoso.com>, relay=mx.contoso.com[192.0.2.20]:25, delay=2, delays=0.1/0/1.5/0.4, dsn=5.1.1, status=bounced (host mx.contoso.com[192.0.2.20] said: 550 5.1.1 <b@contoso.com>: Recipient address rejected: User unknown (in reply to RCPT TO command))',
      'Dec  7 08:00:02 mx postfix/qmgr[2]: 4A1B2C3D4E: removed',
    ].join('\n'));
    const out = join(dir, 'report.json');
    const missing = join(dir, 'missing.log');
    const r = cli('report', '-o', out, log, missing);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, `${missing}: no such file or directory\n`);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(report.totals.failed, 1);
    assert.deepEqual(report.failureReasons.map((row) => [row.label, row.count, row.query]), [['userunknown', 1, 'reason:userunknown']]);
    const binary = join(dir, 'binary.log');
    writeFileSync(binary, Buffer.from([0, 1, 2, 3, 0, 0]));
    const b = cli('report', binary, log);
    assert.equal(b.status, 2);
    assert.match(b.stderr, /^[^\n]*binary\.log: binary data[^\n]*\n$/);
    assert.equal(JSON.parse(b.stdout).skipped[0].name, 'binary.log');
  });

  it('bad usage exits 2', () => {
    assert.equal(cli('report').status, 2);
    const r = cli('report', '--format', 'xml', POSTFIX);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--format takes one of json/);
  });
});

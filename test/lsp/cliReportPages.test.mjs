// The built command line's `report` as a page and as Markdown (#15): `-o report.html` writes the
// self-contained file page (html is the default for an .html name), `--format md` the Markdown
// tables; an explicit --format wins over the name. On a synthetic Postfix log with one bounce.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = (...args) => spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

const dir = mkdtempSync(join(tmpdir(), 'mailflow-report-pages-'));
const log = join(dir, 'mail.log');
// Synthetic Postfix lines: one delivery, one bounce.
writeFileSync(log, [
  'Dec  7 08:00:01 mx postfix/qmgr[2]: 4A1B2C3D4E: from=<a@example.org>, size=100, nrcpt=2 (queue active)',
  'Dec  7 08:00:02 mx postfix/smtp[3]: 4A1B2C3D4E: to=<b@contoso.com>, relay=mx.contoso.com[192.0.2.20]:25, delay=2, delays=0.1/0/1.5/0.4, dsn=5.1.1, status=bounced (host mx.contoso.com[192.0.2.20] said: 550 5.1.1 <b@contoso.com>: Recipient address rejected: User unknown (in reply to RCPT TO command))',
  'Dec  7 08:00:03 mx postfix/smtp[3]: 4A1B2C3D4E: to=<c@fabrikam.com>, relay=mx.fabrikam.com[192.0.2.30]:25, delay=3, delays=0.1/0/1.5/1.4, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 99)',
  'Dec  7 08:00:04 mx postfix/qmgr[2]: 4A1B2C3D4E: removed',
].join('\n'));

describe('mailflow-lens report as a page and as Markdown', () => {
  it('-o report.html writes the self-contained file page: charts, the failed recipient, no network reference, no script', () => {
    const out = join(dir, 'report.html');
    const r = cli('report', '-o', out, log);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    const page = readFileSync(out, 'utf8');
    assert.match(page, /^<!DOCTYPE html>/);
    assert.match(page, /<title>Mail flow: mail\.log<\/title>/);
    assert.match(page, /<section id="reasons"><h2>Failures by reason<\/h2>[\s\S]*?<svg /);
    assert.match(page, /<td>b@contoso\.com<\/td><td class="words">failed<\/td><td class="words">5\.1\.1<\/td>/);
    for (const forbidden of ['http:', 'https:', '//', '<script', '<link', 'src=']) assert.ok(!page.includes(forbidden), forbidden);
  });

  it('--format md writes the Markdown tables to standard output', () => {
    const r = cli('report', '--format', 'md', log);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^# Mail flow\\: mail\\\.log\n/);
    assert.match(r.stdout, /^\| b\\@contoso\\\.com \| failed \| 5\\\.1\\\.1 \|/m);
  });

  it('an explicit --format wins over the file name; without either the report stays JSON', () => {
    const out = join(dir, 'named.html');
    assert.equal(cli('report', '--format', 'json', '-o', out, log).status, 0);
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).totals.failed, 1);
    const plain = cli('report', log);
    assert.equal(JSON.parse(plain.stdout).totals.delivered, 1);
  });
});

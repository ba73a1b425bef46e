// The built command line: explain and check, output format and exit codes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = (...args) => spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { encoding: 'utf8' });

describe('mailflow-lens command line', () => {
  it('explain prints every field of the entry', () => {
    const r = cli('explain', '550 5.1.10 RESOLVER.ADR.RecipientNotFound');
    assert.equal(r.status, 0, r.stderr);
    for (const part of ['550 5.1.10 RESOLVER.ADR.RecipientNotFound: ', 'permanent (do not retry)', 'Class 5', 'Likely causes:', 'What to do:', 'Who must act:', 'Sources:', 'Exchange Online: 5.1.10', 'Transport status RESOLVER.ADR.RecipientNotFound']) {
      assert.ok(r.stdout.includes(part), `missing "${part}"`);
    }
  });

  it('explain leads with the product reading the transport string names, not the RFC\'s null MX (issue #12)', () => {
    const first = cli('explain', '550 5.1.10 RESOLVER.ADR.RecipientNotFound').stdout.split('\n')[0];
    assert.match(first, /^550 5\.1\.10 RESOLVER\.ADR\.RecipientNotFound: Recipient not found by SMTP address lookup · permanent/);
    assert.match(cli('explain', '421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints').stdout, /^421 4\.7\.0: Yahoo defers mail/);
  });

  it('explain takes a bare enhanced code or transport string', () => {
    assert.match(cli('explain', '5.7.1').stdout, /^5\.7\.1: Delivery not authorized, message refused/);
    assert.match(cli('explain', 'QUEUE.Expired').stdout, /^QUEUE\.Expired: /);
  });

  it('explain with no code exits 2', () => {
    const r = cli('explain', 'hello');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no status code found/);
  });

  it('check prints file:line:col: severity: message and exits 1 on errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailflow-'));
    // Not named like a mail log, and not one by content: read for the status codes in any text.
    const file = join(dir, 'pasted.txt');
    writeFileSync(file, 'ok line\nhost mx.example.org[192.0.2.1] said: 550 5.1.1 User unknown\ndsn=4.4.1, status=deferred\n');
    const r = cli('check', file);
    assert.equal(r.status, 1);
    assert.deepEqual(r.stdout.trim().split('\n').map((l) => l.replace(file, 'F').replace(/: [^:]+ \((permanent|transient)\)$/, ': … ($1)')), [
      'F:2:38: error: 550 5.1.1: … (permanent)',
      'F:3:5: warning: 4.4.1: … (transient)',
    ]);
  });

  it('check exits 0 on a clean file and 2 on a missing one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailflow-'));
    writeFileSync(join(dir, 'ok.txt'), 'all delivered: 250 2.0.0 OK\n');
    assert.equal(cli('check', join(dir, 'ok.txt')).status, 0);
    assert.equal(cli('check', join(dir, 'missing.txt')).status, 2);
  });
});

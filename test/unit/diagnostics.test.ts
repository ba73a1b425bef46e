// Diagnostics of the generic code scan, through the pure language service.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { defaultSettings, getLanguageService } from '../../server/src/languageService';

const service = getLanguageService();
const validate = (text: string, settings = defaultSettings) =>
  service.doValidation(TextDocument.create('file:///mail.log', 'log', 1, text), settings);

// Postfix status fields without their syslog heads: a whole Postfix log is read as message trails
// (test/unit/mailLogMode.test.ts); these fragments are plain text to the generic scan.
const POSTFIX = [
  'to=<user@yahoo.com>, relay=none, delay=63495, delays=63350/144/0/0, dsn=4.4.2, status=deferred (lost connection with mta7.am0.yahoodns.net[98.136.216.22] while sending RCPT TO)',
  'to=<bob@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=1.2, dsn=5.1.1, status=bounced (host mx.example.org[192.0.2.1] said: 550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown (in reply to RCPT TO command))',
  'to=<admin@example.com>, relay=127.0.0.1[127.0.0.1]:2525, delay=3.6, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 153053D)',
].join('\r\n');

describe('code diagnostics', () => {
  it('reports failures as errors and deferrals as warnings, skips successes, with exact ranges', async () => {
    const diagnostics = await validate(POSTFIX);
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.severity, d.code]), [
      [0, DiagnosticSeverity.Warning, '4.4.2'],
      [1, DiagnosticSeverity.Error, '5.1.1'],
      [1, DiagnosticSeverity.Error, '5.1.1'],
    ]);
    const lines = POSTFIX.split('\r\n');
    const said = diagnostics[2]!;
    assert.equal(lines[1]!.slice(said.range.start.character, said.range.end.character), '550 5.1.1');
    assert.match(said.message as string, /^550 5\.1\.1: .+ \(permanent\)$/);
    assert.equal(said.source, 'Mailflow Lens');
  });

  it('a multi-line reply is reported once, on its last line', async () => {
    const text = '550-5.1.1 The email account that you tried to reach does not exist.\n550-5.1.1 Please check the address\n550 5.1.1 https://support.example/?p=NoSuchUser';
    const diagnostics = await validate(text);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.range.start.line, 2);
  });

  it('caps the count and says how many were left out', async () => {
    const text = Array.from({ length: 30 }, (_, i) => `line ${i} said: 550 5.7.1 denied`).join('\n');
    const diagnostics = await validate(text, { ...defaultSettings, diagnostics: { enable: true, maxProblems: 10 } });
    assert.equal(diagnostics.length, 11);
    assert.equal(diagnostics[10]!.severity, DiagnosticSeverity.Information);
    assert.match(diagnostics[10]!.message as string, /^20 more problems/);
  });

  it('can be switched off', async () => {
    assert.deepEqual(await validate(POSTFIX, { ...defaultSettings, diagnostics: { enable: false, maxProblems: 10 } }), []);
  });

  it('stops when cancelled', async () => {
    const text = Array.from({ length: 20_000 }, () => 'said: 550 5.7.1 denied').join('\n');
    const document = TextDocument.create('file:///big.log', 'log', 1, text);
    let yields = 0;
    const token = { get isCancellationRequested() { return yields > 0; } };
    const cancelling = getLanguageService({ yieldControl: async () => { yields++; } });
    assert.deepEqual(await cancelling.doValidation(document, defaultSettings, token), []);
    assert.equal(yields, 1);
  });
});

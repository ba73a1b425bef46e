// An Exchange Online extended message-trace report in the editor (issue #14), as the admin center
// downloads it: UTF-16LE with a byte order mark and CRLF. The fixture is SYNTHETIC (no real export
// exists in public), written from shared/reference/microsoft-facts/message-trace-formats.md.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsOf, eventually, hoverText, openFixture, positionOf } from './helpers';

const FIXTURE = 'synthetic-extended-report-utf16le.csv';

describe('Exchange Online message trace (UTF-16LE)', () => {
  let document: vscode.TextDocument;
  let diagnostics: vscode.Diagnostic[];

  before(async () => {
    document = await openFixture(FIXTURE);
    await eventually(() => (document.languageId === 'exchange-message-trace' ? true : undefined), 'the message-trace language', 10_000);
    diagnostics = (await diagnosticsOf(document.uri, 4)).sort((a, b) => a.range.start.line - b.range.start.line);
  });

  it('is decoded from UTF-16LE: the header reads as text', () => {
    assert.match(document.lineAt(0).text, /^date_time_utc,client_ip,/);
  });

  it('lists the failed recipient as an error, the pending and the quarantined ones as warnings and the expanded group as information', () => {
    const by = (address: string) => diagnostics.find((d) => d.message.includes(address));
    assert.equal(by('ivan@fabrikam.com')?.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(by('kim@partner.example')?.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(by('leo@contoso.com')?.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(by('sales@contoso.com')?.severity, vscode.DiagnosticSeverity.Information);
    assert.match(by('ivan@fabrikam.com')!.message, /Lost address/);
    assert.ok(!diagnostics.some((d) => d.message.includes('judy@contoso.com')), 'the delivered recipient has no problem');
  });

  it('explains the events of a Recipient_status entry and a custom_data verdict', async () => {
    const status = await hoverText(document, positionOf(document, 'Receive, Fail', 10));
    assert.match(status, /recipient_status/);
    assert.match(status, /ivan@fabrikam\.com/);
    assert.match(status, /FAIL/);
    const verdict = await hoverText(document, positionOf(document, 'SFV=NSPM', 1));
    assert.match(verdict, /S:SFA/);
    assert.match(verdict, /not spam/);
  });
});

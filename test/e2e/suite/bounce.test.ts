// Bounce features in a real VS Code: problems per failed recipient, header hovers, hop hints and
// the "Explain this bounce" command, on the Exchange Online NDR fixture.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { unescapeMarkdown } from '../../support/markdownText.mjs';
import { diagnosticsOf, eventually, hoverText, openFixture, positionOf } from './helpers';

const FIXTURE = 'bounce-exchange-online.eml';

describe('bounce messages', () => {
  it('one error per failed recipient, on its Status line, saying why and who must act', async () => {
    const document = await openFixture(FIXTURE);
    const diagnostics = await diagnosticsOf(document.uri, 2);
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.severity, document.getText(d.range)]), [
      [41, 8, 14, vscode.DiagnosticSeverity.Error, '5.1.10'],
      [46, 8, 15, vscode.DiagnosticSeverity.Error, '5.7.509'],
    ]);
    assert.equal(diagnostics[0]!.message, 'bob@fabrikam.com: 5.1.10 recipient not found by SMTP address lookup (userunknown, hard bounce). Fix: sender checks the address');
    assert.match(diagnostics[1]!.message, /^carol@northwind\.example: 5\.7\.509 .*\(authfailure, permanent, the address itself is fine\)\. Fix: sender's admin fixes SPF, DKIM or DMARC/);
    assert.ok(diagnostics.every((d) => d.source === 'Mailflow Lens'));
  });

  it('hovers the headers an admin reads, while codes keep their own hover', async () => {
    const document = await openFixture(FIXTURE);
    const at = (needle: string, offset: number, nth = 0): Promise<string> => hoverText(document, positionOf(document, needle, offset, nth));
    const received = await eventually(async () => {
      const text = await at('Received:', 2);
      return text.includes('Hop 1 of 1') ? text : undefined;
    }, 'a hover on Received');
    assert.match(received, /This hop took \*\*0 s\*\* \(since the Date header\)/);
    assert.match(await at('Auto-Submitted', 3), /`auto-replied`: An automatic answer/);
    assert.match(await at('Reporting-MTA', 3), /wrote this delivery report/);
    assert.match(await at('Action: failed', 10), /`failed`: Delivery failed/);
    assert.match(await at('Remote-MTA', 3), /answered with the Diagnostic-Code/);
    assert.match(await at('Diagnostic-Code', 3), /remote server's own reply/);
    const onCode = await at('Status: 5.1.10', 9);
    assert.match(onCode, /Recipient not found/);
    assert.doesNotMatch(onCode, /\*\*Status\*\*/);
  });

  it('shows the hop timing at the end of each Received header', async () => {
    const document = await openFixture(FIXTURE);
    const range = new vscode.Range(0, 0, document.lineCount, 0);
    const hints = await eventually(async () => {
      const list = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, range);
      return list.length >= 2 ? list : undefined;
    }, 'inlay hints');
    const label = (h: vscode.InlayHint): string => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));
    assert.deepEqual(hints.map((h) => [h.position.line, label(h)]), [[1, '⏱ +0 s after Date'], [53, '⏱ +2 s after Date']]);
  });

  it('"Explain this bounce" shows the summary in a Markdown preview', async () => {
    await openFixture(FIXTURE);
    await vscode.commands.executeCommand('mailflowLens.explainBounce');
    const summary = await eventually(() => vscode.workspace.textDocuments.find((d) => d.languageId === 'markdown' && unescapeMarkdown(d.getText()).startsWith('# Bounce: 2 recipients failed')), 'the bounce summary');
    const markdown = unescapeMarkdown(summary.getText());
    assert.match(markdown, /\| bob@fabrikam\.com \| failed \| 550 5\.1\.10 \| userunknown \| hard \|/);
    assert.match(markdown, /\*\*Who must fix it:\*\* the sender's admin/);
    assert.match(markdown, /## Path of the returned message/);
  });
});

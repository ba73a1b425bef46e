// An Exchange message tracking log in the editor: Problems, the trace quick fix, the Outline,
// Find All References and field hovers, all through VS Code's own commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsOf, eventually, hoverText, openFixture, positionOf } from './helpers';

const FIXTURE = 'MSGTRK20261123-1.LOG';
const MESSAGE_ID = '<q4-forecast-81f2@contoso.com>';

describe('message tracking log', () => {
  let document: vscode.TextDocument;
  let diagnostics: vscode.Diagnostic[];

  before(async () => {
    document = await openFixture(FIXTURE);
    await eventually(() => (document.languageId === 'exchange-tracking-log' ? true : undefined), 'the tracking log language', 10_000);
    diagnostics = await diagnosticsOf(document.uri, 3);
  });

  it('lists the failed recipient as an error, the DSN as information and the deferral as a warning, on exact ranges', () => {
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.severity, String(typeof d.code === 'object' ? d.code.value : d.code), document.getText(d.range)]), [
      [7, vscode.DiagnosticSeverity.Error, 'FAIL', '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'],
      [8, vscode.DiagnosticSeverity.Information, 'DSN', MESSAGE_ID],
      [10, vscode.DiagnosticSeverity.Warning, 'DEFER', '451 4.4.316 Connection refused [Message=Socket error code 10061]'],
    ]);
    assert.match(diagnostics[0]!.message, /^bob@fabrikam\.com: 550 5\.1\.1 RESOLVER\.ADR\.RecipNotFound: \S.+$/);
    assert.match(diagnostics[1]!.message, /^DSN about <q4-forecast-81f2@contoso\.com>: notification <ndr-7c1e@EX02\.contoso\.com> sent to alex@contoso\.com$/);
    assert.match(diagnostics[2]!.message, /^ops@slow\.example: 451 4\.4\.316: \S.+$/);
    assert.ok(diagnostics.every((d) => d.source === 'Mailflow Lens'));
  });

  it('offers "Trace this message in PowerShell" on the failure, with a ready Get-MessageTrackingLog command', async () => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostics[0]!.range, vscode.CodeActionKind.QuickFix.value);
    const trace = actions.find((a) => a.title === 'Trace this message in PowerShell');
    assert.ok(trace, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(trace.command?.command, 'mailflowLens.openPowerShell');
    const text = (trace.command?.arguments?.[0] as { text: string }).text;
    assert.match(text, /^Get-MessageTrackingLog -Server 'EX02' -MessageId '<q4-forecast-81f2@contoso\.com>' -Start '2026-11-23T08:44:02Z' -End '2026-11-23T09:44:04Z' -ResultSize Unlimited \|/);
    assert.match(text, /Sort-Object -Property 'Timestamp' \|\n\s+Format-Table /);
    const onDsn = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostics[1]!.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(!onDsn.some((a) => a.title === 'Trace this message in PowerShell'));
  });

  it('shows one Outline entry per message with its events in order', async () => {
    const symbols = await eventually(async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      return found?.length ? found : undefined;
    }, 'the outline');
    assert.deepEqual(symbols.map((s) => s.name), ['Q4 forecast · alex@contoso.com', 'Undeliverable: Q4 forecast · postmaster@contoso.com', 'Weekly export · reports@contoso.com']);
    assert.deepEqual(symbols[0]!.children.map((c) => c.name), ['RECEIVE', 'AGENTINFO', 'FAIL', 'DELIVER']);
    assert.match(symbols[0]!.detail, /^RECEIVE › AGENTINFO › FAIL › DELIVER/);
  });

  it('finds every row of a message from its message-id', async () => {
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, positionOf(document, MESSAGE_ID, 5));
    assert.deepEqual(locations.map((l) => l.range.start.line).sort((a, b) => a - b), [5, 6, 7, 8, 9]);
    assert.ok(locations.every((l) => document.getText(l.range) === MESSAGE_ID));
  });

  it('explains a field when its value is hovered, and an event ID', async () => {
    const subject = await hoverText(document, positionOf(document, 'Weekly export', 3));
    assert.match(subject, /message-subject/);
    assert.match(subject, /column 19 of 30/);
    const event = await hoverText(document, positionOf(document, ',DEFER,', 2));
    assert.match(event, /\*\*DEFER\*\*/);
    assert.match(event, /postponed/);
  });
});

// A Postfix mail log in the editor (issue #13): its language, its Problems (one per recipient and
// outcome, none for a clean delivery), its Outline (one entry per message) and hovers on a queue id
// and on delays=, all through VS Code's own commands. The fixture mail.log is synthetic.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsOf, eventually, hoverText, openFixture, positionOf } from './helpers';

describe('Postfix mail log', () => {
  let document: vscode.TextDocument;
  let diagnostics: vscode.Diagnostic[];

  before(async () => {
    document = await openFixture('mail.log');
    await eventually(() => (document.languageId === 'mail-log' ? true : undefined), 'the mail-log language', 10_000);
    diagnostics = (await diagnosticsOf(document.uri, 3)).sort((a, b) => a.range.start.line - b.range.start.line);
  });

  it('lists the reject, the bounced recipient as an error and the recipient still deferred as a warning; nothing for the delivered one', () => {
    assert.deepEqual(diagnostics.map((d) => d.range.start.line), [1, 4, 5]);
    const [reject, bounce, deferral] = diagnostics as [vscode.Diagnostic, vscode.Diagnostic, vscode.Diagnostic];
    assert.match(document.getText(reject.range), /^554 5\.7\.1 /);
    assert.ok(reject.severity <= vscode.DiagnosticSeverity.Warning, 'a reject is at least a warning');
    assert.equal(bounce.severity, vscode.DiagnosticSeverity.Error);
    assert.match(bounce.message, /bob@example\.org/);
    assert.match(bounce.message, /550 5\.1\.1/);
    assert.equal(deferral.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(deferral.message, /ops@slow\.example/);
    assert.ok(!diagnostics.some((d) => d.message.includes('dana@gmail.com')), 'the delivered recipient has no problem');
    assert.ok(diagnostics.every((d) => d.source === 'Mailflow Lens'));
  });

  it('shows one Outline entry per message, named by its queue id, with its lines as children', async () => {
    const symbols = await eventually(async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      return found?.length ? found : undefined;
    }, 'the outline');
    const byQueueId = (id: string) => symbols.find((s) => `${s.name} ${s.detail}`.includes(id));
    const message = byQueueId('4F1A22C0B1');
    assert.ok(message, JSON.stringify(symbols.map((s) => s.name)));
    assert.deepEqual(message.children.map((c) => c.range.start.line), [2, 3, 4]);
    assert.ok(byQueueId('7C0D13A2E4'));
    assert.ok(!symbols.some((s) => s.range.start.line === 0), 'a connection without a message is no entry');
  });

  it('tells the journey of a message on its queue id, and splits delays= into its four parts', async () => {
    const journey = await hoverText(document, positionOf(document, '4F1A22C0B1', 2));
    assert.match(journey, /alerts@example\.com/);
    assert.match(journey, /dana@gmail\.com.*delivered/);
    assert.match(journey, /bob@example\.org.*bounced/);
    const delays = await hoverText(document, positionOf(document, 'delays=0.1/0/0.5/0.6', 2));
    assert.match(delays, /before the queue manager/);
    assert.match(delays, /connection set-up/);
    assert.match(delays, /transmission.*slowest/);
  });
});

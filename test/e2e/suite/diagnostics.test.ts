// Problems published for the fixtures, as VS Code holds them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsOf, openFixture } from './helpers';

describe('problems', () => {
  it('a Postfix log: the bounce is an error, the deferral a warning, with exact ranges', async () => {
    const document = await openFixture('mail.log');
    const diagnostics = await diagnosticsOf(document.uri);
    const summary = diagnostics.map((d) => [d.range.start.line, d.severity, document.getText(d.range)]);
    assert.deepEqual(summary, [
      [1, vscode.DiagnosticSeverity.Error, '554 5.7.1'],
      [4, vscode.DiagnosticSeverity.Error, '5.1.1'],
      [4, vscode.DiagnosticSeverity.Error, '550 5.1.1'],
      [5, vscode.DiagnosticSeverity.Warning, '4.4.1'],
    ]);
    assert.match(diagnostics[0]!.message, /^554 5\.7\.1: .+\(permanent\)$/);
    assert.equal(diagnostics[0]!.source, 'Mailflow Lens');
  });
});

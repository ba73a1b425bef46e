// Problems published for text that no family claims, as VS Code holds them: the status-code fallback.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsOf, openFixture } from './helpers';

describe('problems', () => {
  it('an NDR pasted into plain text: the failure is an error, the deferral a warning, with exact ranges', async () => {
    const document = await openFixture('pasted-ndr.txt');
    const diagnostics = await diagnosticsOf(document.uri, 2);
    const summary = diagnostics.map((d) => [d.range.start.line, d.severity, document.getText(d.range)]);
    assert.deepEqual(summary, [
      [3, vscode.DiagnosticSeverity.Error, '550 5.1.1 RESOLVER.ADR.RecipNotFound'],
      [4, vscode.DiagnosticSeverity.Warning, '452 4.2.2'],
    ]);
    assert.match(diagnostics[0]!.message, /^550 5\.1\.1 RESOLVER\.ADR\.RecipNotFound: .+\(permanent\)$/);
    assert.equal(diagnostics[0]!.source, 'Mailflow Lens');
  });
});

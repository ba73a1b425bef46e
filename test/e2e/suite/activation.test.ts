// Activation is cheap and the language server is ready soon after the first served document opens.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, diagnosticsOf, fixtureUri, hoverText, positionOf } from './helpers';

interface MailflowLensApi {
  readonly activationMs: number;
  readonly clientReady: () => Promise<number>;
}

describe('activation', () => {
  // The figures are printed for the runner's summary (target: under 100 ms in all); timing is not
  // asserted here because a loaded machine would make the suite flaky.
  it('activates, and starts the language server when a bounce opens', async () => {
    // Let the workbench finish its own start-up first, so the figure is ours and not the
    // built-in extensions' activation running on the same thread.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    // Opening the document starts the server; the editor is shown once the client is ready. Here
    // headless Chromium paints the editor in software on the same two cores as the extension
    // host: with the editor shown first, the figure swung between 74 and 262 ms.
    const document = await vscode.workspace.openTextDocument(fixtureUri('bounce-exchange-online.eml'));
    const api = (await activeExtension()).exports as MailflowLensApi;
    assert.ok(api && typeof api.activationMs === 'number', 'activate() reports its duration');
    const readyMs = await api.clientReady();
    await vscode.window.showTextDocument(document);
    assert.ok(Number.isFinite(readyMs) && readyMs > 0, `ready after ${readyMs} ms`);
    // Ready means the server answers for this document: the NDR's two refused recipients (5.1.10 and
    // 5.7.509, written in the fixture) are problems, and the first code has its hover.
    const problems = await diagnosticsOf(document.uri, 2);
    const errorLines = problems.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => document.lineAt(d.range.start.line).text);
    assert.ok(errorLines.some((l) => l.includes('5.1.10')) && errorLines.some((l) => l.includes('5.7.509')), errorLines.join('\n'));
    assert.match(await hoverText(document, positionOf(document, '5.1.10', 2)), /5\.1\.10/);
    console.log(`activation: ${readyMs.toFixed(1)} ms from activate() (or from the first served document, when activation came earlier) to a ready language client; activate() itself took ${api.activationMs.toFixed(1)} ms`);
  });

  it('serves no editor-internal text: plaintext of another scheme (as the chat input is) gets no problems or hovers', async () => {
    const text = 'host mx.example.com said: 550 5.1.1 user unknown';
    const scheme = 'mailflow-lens-test-internal';
    const provider = vscode.workspace.registerTextDocumentContentProvider(scheme, { provideTextDocumentContent: () => text });
    try {
      const internal = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(vscode.Uri.parse(`${scheme}:/input`)), 'plaintext');
      // The same text in a user's untitled editor is served: once its problem is out, the other's would be too.
      const user = await vscode.workspace.openTextDocument({ language: 'plaintext', content: text });
      assert.equal((await diagnosticsOf(user.uri, 1))[0]!.range.start.character, text.indexOf('550'));
      const at = new vscode.Position(0, text.indexOf('5.1.1') + 1);
      assert.match(await hoverText(user, at), /5\.1\.1/);
      assert.deepEqual(vscode.languages.getDiagnostics(internal.uri), []);
      assert.doesNotMatch(await hoverText(internal, at), /5\.1\.1/);
    } finally {
      provider.dispose();
    }
  });
});

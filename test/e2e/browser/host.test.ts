// The browser run proves the browser build: these tests run in a host without Node, and the
// extension serving them started its language server from its browser entry.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, diagnosticsOf, openFixture } from '../suite/helpers';

interface MailflowLensApi {
  readonly testing: { readonly serverThreadId: () => number | undefined };
}

describe('the browser host', () => {
  it('has no Node: no Node process, no Buffer', () => {
    const scope = globalThis as Record<string, unknown>;
    const nodeVersion = (scope.process as { versions?: { node?: string } } | undefined)?.versions?.node;
    assert.equal(nodeVersion, undefined);
    assert.equal(typeof scope.Buffer, 'undefined');
  });

  it('runs the extension from its browser entry, its server in a web worker that publishes problems', async () => {
    const document = await openFixture('mail.log');
    const extension = await activeExtension();
    assert.equal((extension.packageJSON as { browser?: string }).browser, './dist/browser/extension.js');
    assert.ok((await diagnosticsOf(document.uri)).length > 0);
    // The node entry reports its worker thread's id while the server runs; a web worker has none.
    assert.equal((extension.exports as MailflowLensApi).testing.serverThreadId(), undefined);
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
  });
});

// A language server that comes back: its thread ended as a crash would end it, hovers and problems
// return from a new thread; past 5 stops in 3 minutes it stays stopped until the restart command.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, diagnosticsOf, eventually, hoverText, openFixture, positionOf } from './helpers';

interface TestingApi {
  readonly testing: {
    readonly serverThreadId: () => number | undefined;
    readonly terminateServer: () => Promise<void>;
  };
}

async function testing(): Promise<TestingApi['testing']> {
  return ((await activeExtension()).exports as TestingApi).testing;
}

/** Problems as line, severity and message: what must be the same before and after a restart. */
const summary = (diagnostics: vscode.Diagnostic[]): unknown[] => diagnostics.map((d) => [d.range.start.line, d.severity, d.message]);

async function hoverFromServer(document: vscode.TextDocument): Promise<string> {
  const at = positionOf(document, '550 5.1.1', 5);
  return eventually(async () => {
    const text = await hoverText(document, at);
    return /5\.1\.1/.test(text) ? text : undefined;
  }, 'a status-code hover');
}

/** The id of a running server's thread other than `previous`. */
function newServerThread(api: TestingApi['testing'], previous?: number): Promise<number> {
  return eventually(() => {
    const id = api.serverThreadId();
    return id !== undefined && id !== previous ? id : undefined;
  }, 'a running language server on a new thread');
}

describe('restarting the language server', () => {
  it('comes back on a new thread when its thread ends: hovers and problems return', async () => {
    const document = await openFixture('mail.log');
    const api = await testing();
    const before = summary(await diagnosticsOf(document.uri, 3));
    const first = await newServerThread(api);
    await hoverFromServer(document);
    await api.terminateServer();
    // Running again means the old problems were cleared and the document was sent to the new thread.
    await newServerThread(api, first);
    assert.match(await hoverFromServer(document), /Bad destination mailbox address/);
    assert.deepEqual(summary(await diagnosticsOf(document.uri, 3)), before);
  });

  it('stays stopped after 6 stops in 3 minutes; the restart command brings it back', async () => {
    const document = await openFixture('mail.log');
    const api = await testing();
    // The command restarts a running server and starts the count afresh.
    let thread = await newServerThread(api);
    await vscode.commands.executeCommand('mailflowLens.restartServer');
    thread = await newServerThread(api, thread);
    for (let stop = 1; stop <= 5; stop++) {
      await api.terminateServer();
      thread = await newServerThread(api, thread);
    }
    await api.terminateServer();
    await eventually(() => (vscode.languages.getDiagnostics(document.uri).length === 0 ? true : undefined), 'problems cleared once stopped');
    // A restart takes well under a second here; give a refused one three.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    assert.equal(api.serverThreadId(), undefined, 'not restarted a 6th time');
    assert.deepEqual(vscode.languages.getDiagnostics(document.uri), []);

    await vscode.commands.executeCommand('mailflowLens.restartServer');
    assert.notEqual(api.serverThreadId(), undefined, 'the command resolves once the server runs');
    assert.match(await hoverFromServer(document), /Bad destination mailbox address/);
    assert.equal((await diagnosticsOf(document.uri, 3)).length, 3);
  });
});

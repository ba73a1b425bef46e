// The bundle VS Code runs, dist/serverWorker.js, in a worker thread: answers the handshake, loads
// its analysis engine (dist/languageService.js), hovers a code, publishes its problem and exits when told.
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { createMessageConnection, PortMessageReader, PortMessageWriter } from 'vscode-jsonrpc/node';

describe('language server in a worker thread', () => {
  it('answers the handshake from a small bundle: the engine stays in dist/languageService.js', () => {
    // About 200 KB with the handlers alone; a handler that imports a value from the language service
    // or the analysis layer pulls the engine in (685 KB when the filter handler did).
    const size = statSync(join(process.cwd(), 'dist', 'serverWorker.js')).size;
    assert.ok(size < 300 * 1024, `dist/serverWorker.js is ${Math.round(size / 1024)} KB`);
  });

  it('answers initialize, hovers a code, publishes its problem and ends on shutdown and exit', { timeout: 20_000 }, async () => {
    const worker = new Worker(join(process.cwd(), 'dist', 'serverWorker.js'));
    const connection = createMessageConnection(new PortMessageReader(worker), new PortMessageWriter(worker));
    const published = new Promise((resolve) => connection.onNotification('textDocument/publishDiagnostics', resolve));
    connection.listen();
    try {
      const init = await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      assert.equal(init.capabilities.hoverProvider, true);
      void connection.sendNotification('initialized', {});
      const uri = 'file:///w/mail.log';
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'log', version: 1, text: 'host mx said: 550 5.1.1 user unknown' } });
      const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 20 } });
      assert.match(hover.contents.value, /Bad destination mailbox address/);
      const { diagnostics } = await published;
      assert.equal(diagnostics.length, 1);
      assert.equal(diagnostics[0].severity, 1);
      // shutdown then exit ends the worker thread, with code 0 because shutdown came first.
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      assert.equal(await connection.sendRequest('shutdown'), null);
      void connection.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      connection.dispose();
      await worker.terminate();
    }
  });
});

// The server bundle VS Code runs (dist/serverWorker.js) over the client's own worker connection
// (client/src/node/workerTransport.ts): when the thread ends, however it ends, the connection closes and
// the request in flight fails; a new thread, as the client starts after a crash, answers again.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';
import { createMessageConnection } from 'vscode-languageserver-protocol/node';

const { WorkerMessageReader, WorkerMessageWriter } = await tsImport('../../client/src/node/workerTransport.ts', import.meta.url);
const uri = 'file:///w/mail.log';

/** A started server on a new thread; its connection is disposed on close, as the language client does. */
async function startServer() {
  const worker = new Worker(join(process.cwd(), 'dist', 'serverWorker.js'));
  const connection = createMessageConnection(new WorkerMessageReader(worker), new WorkerMessageWriter(worker));
  const closed = new Promise((resolve) => connection.onClose(() => {
    connection.dispose();
    resolve();
  }));
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  void connection.sendNotification('initialized', {});
  void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'log', version: 1, text: 'host mx said: 550 5.1.1 user unknown' } });
  return { worker, connection, closed };
}

const hover = (connection) => connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 20 } });

describe('worker connection to the language server', () => {
  it('closes when the thread is terminated, fails the request in flight, and a new thread answers', { timeout: 20_000 }, async () => {
    const first = await startServer();
    assert.match((await hover(first.connection)).contents.value, /Bad destination mailbox address/);
    const inFlight = hover(first.connection);
    await first.worker.terminate();
    await first.closed;
    await assert.rejects(inFlight, /Pending response rejected/);
    const second = await startServer();
    try {
      assert.notEqual(second.worker.threadId, first.worker.threadId);
      assert.match((await hover(second.connection)).contents.value, /Bad destination mailbox address/);
    } finally {
      second.connection.dispose();
      await second.worker.terminate();
    }
  });

  it('closes when the server exits without a shutdown (exit code 1)', { timeout: 20_000 }, async () => {
    const { worker, connection, closed } = await startServer();
    const exitCode = new Promise((resolve) => worker.once('exit', resolve));
    void connection.sendNotification('exit');
    await closed;
    assert.equal(await exitCode, 1);
  });
});

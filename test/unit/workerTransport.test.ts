// The client's connection to the server's worker thread closes when the thread ends, however it
// ends, so the language client can restart it and no request waits for ever. The threads here are
// synthetic stand-ins for the server: one that never answers, one that throws, one that runs out of memory.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { createMessageConnection, type MessageConnection } from 'vscode-languageserver-protocol/node';
import { WorkerMessageReader, WorkerMessageWriter } from '../../client/src/node/workerTransport';

/** A connection as the language client makes one: on close it disposes it, which fails pending requests. */
function connect(worker: Worker): { connection: MessageConnection; closed: Promise<void>; errors: Error[] } {
  const connection = createMessageConnection(new WorkerMessageReader(worker), new WorkerMessageWriter(worker));
  const errors: Error[] = [];
  connection.onError(([error]) => errors.push(error));
  const closed = new Promise<void>((resolve) => connection.onClose(() => {
    connection.dispose();
    resolve();
  }));
  connection.listen();
  return { connection, closed, errors };
}

const synthetic = (body: string, options: ConstructorParameters<typeof Worker>[1] = {}): Worker =>
  new Worker(`const { parentPort } = require('node:worker_threads');\n${body}`, { ...options, eval: true });

describe('worker connection', () => {
  it('closes when the thread is terminated; the request in flight fails instead of hanging', { timeout: 10_000 }, async () => {
    // Receives requests and never answers, as a server stuck in an analysis would.
    const worker = synthetic(`parentPort.on('message', () => parentPort.postMessage({ jsonrpc: '2.0', method: 'received' }));`);
    const { connection, closed } = connect(worker);
    const received = new Promise<void>((resolve) => connection.onNotification('received', () => resolve()));
    const pending = connection.sendRequest('textDocument/hover', {});
    await received;
    await worker.terminate();
    await closed;
    await assert.rejects(pending, /Pending response rejected/);
  });

  it('refuses to write once the thread has exited', { timeout: 10_000 }, async () => {
    const worker = synthetic(`process.exit(3);`);
    const writer = new WorkerMessageWriter(worker);
    const closed = new Promise<void>((resolve) => writer.onClose(() => resolve()));
    const errors: Error[] = [];
    writer.onError(([error]) => errors.push(error));
    await closed;
    await assert.rejects(writer.write({ jsonrpc: '2.0' }), /thread has exited \(code 3\)/);
    assert.equal(errors.length, 1);
  });

  it('reports an uncaught exception in the thread, then closes', { timeout: 10_000 }, async () => {
    const worker = synthetic(`setTimeout(() => { throw new Error('thrown in the server'); }, 0);`);
    const { closed, errors } = connect(worker);
    await closed;
    assert.equal(errors.length, 1);
    assert.match(errors[0]!.message, /thrown in the server/);
  });

  it('reports a thread that ran out of its memory limit, then closes', { timeout: 30_000 }, async () => {
    const worker = synthetic(`const kept = []; for (;;) kept.push(new Array(100_000).fill(kept.length));`, { resourceLimits: { maxOldGenerationSizeMb: 32 } });
    const { closed, errors } = connect(worker);
    await closed;
    assert.equal(errors.length, 1);
    assert.equal((errors[0] as Error & { code?: string }).code, 'ERR_WORKER_OUT_OF_MEMORY');
  });
});

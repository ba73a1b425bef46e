// The client's end of the connection to the language server's worker thread. vscode-jsonrpc's
// PortMessageReader and PortMessageWriter wait for a 'close' event that a Worker never emits (it
// emits 'exit'), so a worker that ended or crashed left the connection open and every request
// pending for ever; these close it when the thread exits and report the thread's errors.

import type { Worker } from 'node:worker_threads';
import {
  AbstractMessageReader, AbstractMessageWriter, type DataCallback, type Disposable, Emitter, type Message,
} from 'vscode-languageserver-protocol/node';

export class WorkerMessageReader extends AbstractMessageReader {
  private readonly received = new Emitter<Message>();

  constructor(worker: Worker) {
    super();
    worker.on('message', (message: Message) => {
      this.received.fire(message);
    });
    // An uncaught exception or running out of memory in the thread; 'exit' follows.
    worker.on('error', (error) => this.fireError(error));
    worker.on('messageerror', (error) => this.fireError(error));
    worker.on('exit', () => this.fireClose());
  }

  listen(callback: DataCallback): Disposable {
    return this.received.event(callback);
  }
}

export class WorkerMessageWriter extends AbstractMessageWriter {
  private exitCode: number | undefined;
  private errors = 0;

  constructor(private readonly worker: Worker) {
    super();
    worker.on('exit', (code) => {
      this.exitCode = code;
      this.fireClose();
    });
  }

  async write(message: Message): Promise<void> {
    try {
      // postMessage to an ended thread drops the message without a word.
      if (this.exitCode !== undefined) throw new Error(`the language server thread has exited (code ${this.exitCode})`);
      this.worker.postMessage(message);
    } catch (error) {
      this.fireError(error, message, ++this.errors);
      throw error;
    }
  }

  end(): void {}
}

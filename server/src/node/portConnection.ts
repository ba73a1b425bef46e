// An LSP connection over a worker thread's MessagePort, built from vscode-languageserver's
// host-neutral core. Its node entry point also loads the stream, socket, pipe and file helpers
// that a port never uses; leaving them out makes the worker answer the handshake sooner.

import type { MessagePort } from 'node:worker_threads';
import {
  AbstractMessageReader, AbstractMessageWriter, type Connection, createConnection, createProtocolConnection,
  type DataCallback, type Disposable, Emitter, type Message, RAL,
} from 'vscode-languageserver';
import { nodeTimer } from './nodeRuntime';

/** vscode-jsonrpc's runtime layer: timers and console. A port carries objects, so no byte buffers or JSON coding. */
function installPortRuntime(): void {
  const unused = (): never => {
    throw new Error('a MessagePort connection carries messages as objects, never as bytes');
  };
  RAL.install({
    applicationJson: { encoder: { name: 'application/json', encode: unused }, decoder: { name: 'application/json', decode: unused } },
    messageBuffer: { create: unused },
    console,
    timer: {
      setTimeout: (callback, ms, ...args: unknown[]) => nodeTimer.setTimeout(() => callback(...args), ms),
      setImmediate: (callback, ...args: unknown[]) => nodeTimer.setImmediate(() => callback(...args)),
      setInterval(callback, ms, ...args: unknown[]) {
        const handle = setInterval(callback, ms, ...args);
        return { dispose: () => clearInterval(handle) };
      },
    },
  });
}

class PortReader extends AbstractMessageReader {
  private readonly received = new Emitter<Message>();

  constructor(port: MessagePort) {
    super();
    port.on('message', (message: Message) => {
      this.received.fire(message);
    });
    port.on('close', () => this.fireClose());
    port.on('messageerror', (error) => this.fireError(error));
  }

  listen(callback: DataCallback): Disposable {
    return this.received.event(callback);
  }
}

class PortWriter extends AbstractMessageWriter {
  private errors = 0;

  constructor(private readonly port: MessagePort) {
    super();
    port.on('close', () => this.fireClose());
  }

  async write(message: Message): Promise<void> {
    try {
      this.port.postMessage(message);
    } catch (error) {
      this.fireError(error, message, ++this.errors);
      throw error;
    }
  }

  end(): void {}
}

export function createPortConnection(port: MessagePort): Connection {
  installPortRuntime();
  let shutdownReceived = false;
  // The client owns the thread: no parent process to watch, and exit ends only this worker.
  const watchDog = {
    initialize: () => undefined,
    get shutdownReceived() { return shutdownReceived; },
    set shutdownReceived(value: boolean) { shutdownReceived = value; },
    exit: (code: number) => {
      port.close();
      process.exit(code);
    },
  };
  return createConnection((logger) => createProtocolConnection(new PortReader(port), new PortWriter(port), logger), watchDog);
}

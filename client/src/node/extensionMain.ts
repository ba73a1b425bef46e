// The extension in VS Code's node extension host (dist/extension.js): the language server runs in
// a worker thread, which starts several times faster than a child process.

import * as vscode from 'vscode';
import { Worker } from 'node:worker_threads';
import { LanguageClient, type ServerOptions } from 'vscode-languageclient/node';
import { activateClient, type ConnectServer, deactivateClient, type MailflowLensApi } from '../mailflowClient';
import { WorkerMessageReader, WorkerMessageWriter } from './workerTransport';

/**
 * The server's thread shares the extension host's process: a document that makes the analysis grow
 * without bound must end this thread (and be restarted), not exhaust the host. Measured: the 50 MB
 * tracking log and its analysis run in 128 MB of old generation and fail in 64 MB; 1 GB leaves
 * eight times that and still ends a runaway long before the machine swaps. The young generation
 * is held at 3 MB (1 MB semi-spaces), as the stdio server holds its own (keepYoungGenerationSmall):
 * a nursery grown to 16 MB is fresh pages to fault in, 25 MB more at the peak with a 14 MB mail log
 * open, and no faster.
 */
const SERVER_THREAD_LIMITS = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 3 };

export function activate(context: vscode.ExtensionContext): MailflowLensApi {
  return activateClient(context, workerThreadServer(vscode.Uri.joinPath(context.extensionUri, 'dist', 'serverWorker.js').fsPath));
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}

/**
 * The first thread boots while the client is being built, rather than after; a restart after a
 * crash gets a new one.
 */
function workerThreadServer(serverModule: string): ConnectServer {
  return (id, name, clientOptions) => {
    const spawn = (): Worker => new Worker(serverModule, { name: 'Mailflow Lens language server', resourceLimits: SERVER_THREAD_LIMITS });
    let first: Worker | undefined = spawn();
    /** The thread the client talks to. */
    let current: Worker | undefined;
    const serverOptions: ServerOptions = async () => {
      const worker = current = first ?? spawn();
      first = undefined;
      return { reader: new WorkerMessageReader(worker), writer: new WorkerMessageWriter(worker) };
    };
    return {
      client: new LanguageClient(id, name, serverOptions, clientOptions),
      threadId: () => current?.threadId,
      // Not taken by the client (it failed before asking for its server): the thread is ours to end.
      started: () => void first?.terminate(),
      end: async () => { await current?.terminate(); },
    };
  };
}

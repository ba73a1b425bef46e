// The extension in a browser's web worker extension host (vscode.dev, github.dev, code-server's web
// extensions): the language server runs in a web worker of its own (dist/browser/serverMain.js).

/* eslint-disable @typescript-eslint/no-redundant-type-constituents, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return,
   @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access --
   vscode-languageclient/browser types its transports with DOM's Worker, and the client is typechecked without DOM types. */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { activateClient, type ConnectServer, deactivateClient, type MailflowLensApi } from '../mailflowClient';

/** The extension host's Worker; the client is typechecked without DOM types. */
type WebWorker = ConstructorParameters<typeof BrowserMessageReader>[0] & { terminate(): void };
// eslint-disable-next-line @typescript-eslint/naming-convention -- the global's own name
declare const Worker: new (url: string, options?: { name?: string }) => WebWorker;

export function activate(context: vscode.ExtensionContext): MailflowLensApi {
  return activateClient(context, webWorkerServer(vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'serverMain.js')));
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}

/**
 * Each start of the client gets a new worker, so a restart never talks to an ended one. The worker
 * runs the script from a blob: URL because the extension host refuses to start a worker from a
 * vscode-remote: URI (an extension installed on a remote, as in code-server), while its fetch
 * reads any extension file, local, remote or on the web.
 */
function webWorkerServer(serverMain: vscode.Uri): ConnectServer {
  let script: Promise<string> | undefined;
  const scriptUrl = async (): Promise<string> => {
    const response = await fetch(serverMain.toString(true));
    if (!response.ok) throw new Error(`cannot read ${serverMain.toString(true)}: ${response.status} ${response.statusText}`);
    return URL.createObjectURL(new Blob([await response.text()], { type: 'application/javascript' }));
  };
  return (id, name, clientOptions) => {
    let current: WebWorker | undefined;
    // The client's own check of a Worker (instanceof) fails on the extension host's wrapped Worker: it gets the transports.
    const startWorker = async () => {
      // A failed read is tried again at the next start.
      script ??= scriptUrl().catch((error: unknown) => {
        script = undefined;
        throw error;
      });
      const worker = current = new Worker(await script, { name: 'Mailflow Lens language server' });
      return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
    };
    return {
      client: new LanguageClient(id, name, startWorker, clientOptions),
      threadId: () => undefined,
      started: () => undefined,
      end: async () => current?.terminate(),
    };
  };
}

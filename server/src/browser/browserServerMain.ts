// Web worker entry point (dist/browser/serverMain.js), the server VS Code runs in a browser
// (vscode.dev, github.dev): the same startServer as the node hosts, over the worker's messages.

import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import type { RuntimeEnvironment } from '../runtime';
import { startServer } from '../server';

// The worker's globals; the server core is typechecked without DOM or Node types.
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];
declare function setTimeout(callback: () => void, ms: number): number;
declare function clearTimeout(handle: number): void;

const browserRuntime: RuntimeEnvironment = {
  timer: {
    // A worker has no setImmediate; a zero timeout lets queued messages in just the same.
    setImmediate(callback) {
      const handle = setTimeout(callback, 0);
      return { dispose: () => clearTimeout(handle) };
    },
    setTimeout(callback, ms) {
      const handle = setTimeout(callback, ms);
      return { dispose: () => clearTimeout(handle) };
    },
  },
  // One script: a worker has no file to read the engine from later, so it is bundled in.
  loadLanguageService: () => import('../languageService'),
  // Bundled in too; esbuild leaves a dynamically imported module unevaluated until the first report.
  loadReportRenderer: () => import('../report/reportPages'),
};

startServer(createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self)), browserRuntime);

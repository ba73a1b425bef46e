// Worker-thread entry point (dist/serverWorker.js), the one VS Code uses: a worker starts in a
// fraction of a process's time and keeps the analysis off the extension host's thread. The
// analysis engine is a bundle of its own (dist/languageService.js), read after the handshake,
// so the worker answers it without first reading the knowledge base and parsers.

import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import type * as languageService from '../languageService';
import type * as reportPages from '../report/reportPages';
import { startServer } from '../server';
import { nodeTimer } from './nodeRuntime';
import { createPortConnection } from './portConnection';

if (!parentPort) throw new Error('dist/serverWorker.js runs as a worker thread; use dist/server.js as a process');
startServer(createPortConnection(parentPort), {
  timer: nodeTimer,
  // The engine is a CommonJS bundle beside this one, read by path at run time so esbuild leaves it out of this bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loadLanguageService: async () => require(join(__dirname, 'languageService.js')) as typeof languageService,
  // The report's renderer and chart library, likewise a bundle of its own, read on the first report.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loadReportRenderer: async () => require(join(__dirname, 'reportPages.js')) as typeof reportPages,
});

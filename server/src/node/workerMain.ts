// Worker-thread entry point (dist/serverWorker.js), the one VS Code uses: a worker starts in a
// fraction of a process's time and keeps the analysis off the extension host's thread.

import { parentPort } from 'node:worker_threads';
import { createConnection, PortMessageReader, PortMessageWriter, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../server';
import { nodeRuntime } from './nodeRuntime';

if (!parentPort) throw new Error('dist/serverWorker.js runs as a worker thread; use dist/server.js as a process');
startServer(createConnection(ProposedFeatures.all, new PortMessageReader(parentPort), new PortMessageWriter(parentPort)), nodeRuntime);

// Process entry point: `node dist/server.js --stdio` (or --node-ipc, --socket=N), for any LSP client.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../server';
import { nodeRuntime } from './nodeRuntime';

startServer(createConnection(ProposedFeatures.all), nodeRuntime);

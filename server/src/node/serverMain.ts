// Process entry point: `node dist/server.js --stdio` (or --node-ipc, --socket=N), for any LSP client.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../server';
import { keepYoungGenerationSmall, nodeRuntime } from './nodeRuntime';

keepYoungGenerationSmall();
startServer(createConnection(ProposedFeatures.all), nodeRuntime);

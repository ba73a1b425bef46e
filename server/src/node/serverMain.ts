// Node entry point: `node dist/server.js --stdio` (or --node-ipc when VS Code starts it).

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../server';
import type { RuntimeEnvironment } from '../runtime';

const runtime: RuntimeEnvironment = {
  timer: {
    setImmediate(callback) {
      const handle = setImmediate(callback);
      return { dispose: () => clearImmediate(handle) };
    },
    setTimeout(callback, ms) {
      const handle = setTimeout(callback, ms);
      return { dispose: () => clearTimeout(handle) };
    },
  },
};

startServer(createConnection(ProposedFeatures.all), runtime);

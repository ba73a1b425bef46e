// One LSP session with the built dist/server.js over stdio, as an editor drives it: shared by the
// language-server tests. Each test file answers workspace/configuration its own way.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

/**
 * Starts the server and initializes it. `configuration(item)` answers each workspace/configuration
 * item; `capabilities` are the client capabilities to announce.
 */
export async function startSession({ configuration, capabilities }) {
  const server = spawn(process.execPath, [join(process.cwd(), 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', (d) => { stderr += d; });
  const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const published = new Map();
  const waiters = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    published.set(params.uri, params);
    for (const w of waiters.splice(0)) {
      if (w.uri === params.uri && matches(w.version, params)) w.resolve(params); else waiters.push(w);
    }
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(configuration));
  connection.onRequest('workspace/inlayHint/refresh', () => null);
  connection.listen();
  const result = await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities });
  void connection.sendNotification('initialized', {});
  let version = 0;

  return {
    connection,
    capabilities: result.capabilities,
    serverInfo: result.serverInfo,
    /** Opens a document; returns its uri and version. */
    open(uri, languageId, text) {
      version++;
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
      return { uri, version };
    },
    nextVersion: () => ++version,
    /**
     * The diagnostics published for `uri`, waiting up to 10 s: for `version` when it is a number,
     * the ones sent on close (no version) when it is null, the latest when it is undefined.
     */
    diagnostics(uri, version) {
      const have = published.get(uri);
      if (have && matches(version, have)) return Promise.resolve(have);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}\n${stderr}`)), 10_000);
        waiters.push({ uri, version, resolve: (p) => { clearTimeout(timer); resolve(p); } });
      });
    },
    async stop() {
      await connection.sendRequest('shutdown');
      void connection.sendNotification('exit');
      await new Promise((resolve) => server.once('exit', resolve));
      connection.dispose();
    },
  };
}

function matches(version, params) {
  return version === undefined || (version === null ? params.version === undefined : params.version === version);
}

/** Position of the n-th occurrence (0-based) of `needle` in `text`, plus `offset` characters. */
export function positionOf(text, needle, offset = 0, nth = 0) {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = text.indexOf(needle, index + 1);
  assert.ok(index >= 0, `${needle} not found`);
  const lines = text.slice(0, index + offset).split('\n');
  return { line: lines.length - 1, character: lines.at(-1).length };
}

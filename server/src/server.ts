// startServer wires the language service to an LSP connection. It is host-neutral: the node
// entry (node/serverMain.ts) and a future browser-worker entry both call it.

import { type Connection, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from './languageService';
import { registerDiagnosticsHandler } from './handlers/diagnosticsHandler';
import { registerExplainHandler } from './handlers/explainHandler';
import { registerHoverHandler } from './handlers/hoverHandler';
import { SettingsCache } from './handlers/settings';
import type { RuntimeEnvironment } from './runtime';

export function startServer(connection: Connection, runtime: RuntimeEnvironment): void {
  const documents = new TextDocuments(TextDocument);
  const service = getLanguageService({
    yieldControl: () => new Promise((resolve) => runtime.timer.setImmediate(resolve)),
  });
  let clientHasConfiguration = false;
  const settings = new SettingsCache(connection, () => clientHasConfiguration);

  connection.onInitialize((params) => {
    clientHasConfiguration = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
      },
      serverInfo: { name: 'Mailflow Lens' },
    };
  });

  registerHoverHandler(connection, documents, service, settings);
  registerExplainHandler(connection);
  const diagnostics = registerDiagnosticsHandler(connection, documents, service, settings, runtime);
  connection.onDidChangeConfiguration(() => {
    settings.forget();
    diagnostics.revalidateAll();
  });

  documents.listen(connection);
  connection.listen();
}

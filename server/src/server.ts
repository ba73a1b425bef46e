// startServer wires the language service to an LSP connection. It is host-neutral: the node
// entry (node/serverMain.ts) and a future browser-worker entry both call it.

import { CodeActionKind, type Connection, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from './languageService';
import { registerDiagnosticsHandler } from './handlers/diagnosticsHandler';
import { pieceTextDocuments } from './handlers/pieceTextDocument';
import { registerExplainHandler } from './handlers/explainHandler';
import { registerHoverHandler } from './handlers/hoverHandler';
import { registerDocumentSymbolHandler } from './handlers/documentSymbolHandler';
import { registerReferencesHandler } from './handlers/referencesHandler';
import { registerDocumentHighlightHandler } from './handlers/documentHighlightHandler';
import { registerFoldingRangeHandler } from './handlers/foldingRangeHandler';
import { registerCodeActionHandler } from './handlers/codeActionHandler';
import { registerInlayHintHandler } from './handlers/inlayHintHandler';
import { registerExplainBounceHandler } from './handlers/explainBounceHandler';
import { registerMailFlowReportHandler } from './handlers/mailFlowReportHandler';
import { SettingsCache } from './handlers/settings';
import type { RuntimeEnvironment } from './runtime';

export function startServer(connection: Connection, runtime: RuntimeEnvironment): void {
  const documents = new TextDocuments<TextDocument>(pieceTextDocuments);
  // The analysis engine (knowledge base, parsers) is loaded after the handshake, so the client is
  // ready sooner; requests wait for it.
  const service = new Promise<LanguageService>((resolve) => {
    connection.onInitialized(() => resolve(runtime.loadLanguageService().then(({ getLanguageService }) => getLanguageService({
      yieldControl: () => new Promise((done) => runtime.timer.setImmediate(done)),
    }))));
  });
  let clientHasConfiguration = false;
  let clientRefreshesInlayHints = false;
  const settings = new SettingsCache(connection, () => clientHasConfiguration);

  connection.onInitialize((params) => {
    clientHasConfiguration = params.capabilities.workspace?.configuration === true;
    clientRefreshesInlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        documentSymbolProvider: { label: 'Mailflow Lens' },
        referencesProvider: true,
        documentHighlightProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        inlayHintProvider: true,
      },
      serverInfo: { name: 'Mailflow Lens' },
    };
  });

  registerHoverHandler(connection, documents, service, settings);
  registerExplainHandler(connection, service);
  registerDocumentSymbolHandler(connection, documents, service);
  registerReferencesHandler(connection, documents, service);
  registerDocumentHighlightHandler(connection, documents, service);
  registerFoldingRangeHandler(connection, documents, service);
  registerCodeActionHandler(connection, documents, service);
  registerInlayHintHandler(connection, documents, service, settings);
  registerExplainBounceHandler(connection, documents, service, settings);
  registerMailFlowReportHandler(connection, documents, service, settings, runtime);
  const diagnostics = registerDiagnosticsHandler(connection, documents, service, settings, runtime);
  connection.onDidChangeConfiguration(() => {
    settings.forget();
    diagnostics.revalidateAll();
    // The slow-hop threshold is a setting: hints already shown must be asked for again.
    if (clientRefreshesInlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
  });

  documents.listen(connection);
  connection.listen();
}

// LSP wiring for textDocument/documentSymbol (the Outline).

import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../languageService';

export function registerDocumentSymbolHandler(connection: Connection, documents: TextDocuments<TextDocument>, service: Promise<LanguageService>): void {
  connection.onDocumentSymbol(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document ? (await service).findDocumentSymbols(document, token) : null;
  });
}

// LSP wiring for textDocument/documentHighlight.

import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../languageService';

export function registerDocumentHighlightHandler(connection: Connection, documents: TextDocuments<TextDocument>, service: Promise<LanguageService>): void {
  connection.onDocumentHighlight(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document ? (await service).findDocumentHighlights(document, params.position, token) : null;
  });
}

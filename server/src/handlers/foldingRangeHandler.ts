// LSP wiring for textDocument/foldingRange.

import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../languageService';

export function registerFoldingRangeHandler(connection: Connection, documents: TextDocuments<TextDocument>, service: LanguageService): void {
  connection.onFoldingRanges((params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.getFoldingRanges(document, token) : null;
  });
}

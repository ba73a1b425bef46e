// LSP wiring for textDocument/foldingRange.

import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../languageService';

export function registerFoldingRangeHandler(connection: Connection, documents: TextDocuments<TextDocument>, service: Promise<LanguageService>): void {
  connection.onFoldingRanges(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document ? (await service).getFoldingRanges(document, token) : null;
  });
}

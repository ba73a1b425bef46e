// LSP wiring for textDocument/references (Find All References).

import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../languageService';

export function registerReferencesHandler(connection: Connection, documents: TextDocuments<TextDocument>, service: Promise<LanguageService>): void {
  connection.onReferences(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document ? (await service).findReferences(document, params.position, token) : null;
  });
}

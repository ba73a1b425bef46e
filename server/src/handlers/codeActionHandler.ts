// LSP wiring for textDocument/codeAction: quick fixes for the diagnostics under the cursor.

import { CodeActionKind, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../languageService';

export function registerCodeActionHandler(connection: Connection, documents: TextDocuments<TextDocument>, service: Promise<LanguageService>): void {
  connection.onCodeAction(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const only = params.context.only;
    if (only && !only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`))) return [];
    return (await service).getCodeActions(document, params.context.diagnostics, token);
  });
}

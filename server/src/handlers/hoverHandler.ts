// LSP wiring for textDocument/hover.

import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../languageService';
import type { SettingsCache } from './settings';

export function registerHoverHandler(
  connection: Connection, documents: TextDocuments<TextDocument>, service: Promise<LanguageService>, settings: SettingsCache,
): void {
  connection.onHover(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    return (await service).doHover(document, params.position, await settings.get(document.uri), token);
  });
}

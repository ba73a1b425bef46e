// LSP wiring for textDocument/inlayHint: hop timing and authentication hints in e-mail documents.

import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../languageService';
import type { SettingsCache } from './settings';

export function registerInlayHintHandler(
  connection: Connection, documents: TextDocuments<TextDocument>, service: Promise<LanguageService>, settings: SettingsCache,
): void {
  connection.languages.inlayHint.on(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    return (await service).getInlayHints(document, params.range, await settings.get(document.uri), token);
  });
}

// Custom request behind "Explain this bounce": an open document's URI in, the Markdown summary out.

import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../languageService';
import { EXPLAIN_BOUNCE_REQUEST, type ExplainBounceParams, type ExplainBounceResult } from '../common/protocol';
import type { SettingsCache } from './settings';

export function registerExplainBounceHandler(
  connection: Connection, documents: TextDocuments<TextDocument>, service: Promise<LanguageService>, settings: SettingsCache,
): void {
  connection.onRequest(EXPLAIN_BOUNCE_REQUEST, async (params: ExplainBounceParams, token: CancellationToken): Promise<ExplainBounceResult | null> => {
    const document = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
    if (!document) return null;
    return (await service).explainBounce(document, await settings.get(document.uri), token);
  });
}

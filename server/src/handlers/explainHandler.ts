// Custom request behind the "Explain a status code" command: free text in, Markdown out.

import type { Connection } from 'vscode-languageserver';
import type { LanguageService } from '../languageService';
import { EXPLAIN_REQUEST, type ExplainParams, type ExplainResult } from '../common/protocol';

export function registerExplainHandler(connection: Connection, service: Promise<LanguageService>): void {
  connection.onRequest(EXPLAIN_REQUEST, async (params: ExplainParams): Promise<ExplainResult> =>
    ({ markdown: (await service).explainCodes(String(params?.text ?? '')) }));
}

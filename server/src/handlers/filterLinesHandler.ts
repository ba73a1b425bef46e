// Custom request behind Filter Lines (#15): an open document's URI and a query in, the matching
// lines out. The limit is clamped: a client cannot ask for an unbounded answer.

import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../languageService';
import { FILTER_LINES_DEFAULT_LIMIT, FILTER_LINES_REQUEST, type FilterLinesParams, type FilterLinesResult } from '../common/protocol';

/** The most lines one answer lists, whatever the request asks. */
const MAX_FILTER_LIMIT = 100_000;

export function registerFilterLinesHandler(connection: Connection, documents: TextDocuments<TextDocument>, service: Promise<LanguageService>): void {
  connection.onRequest(FILTER_LINES_REQUEST, async (params: FilterLinesParams, token: CancellationToken): Promise<FilterLinesResult> => {
    if (typeof params?.query !== 'string') return { lines: [], total: 0, error: 'no query was given' };
    const document = typeof params.uri === 'string' ? documents.get(params.uri) : undefined;
    if (!document) return { lines: [], total: 0, error: 'the document is not open in the language server' };
    const limit = typeof params.limit === 'number' && Number.isFinite(params.limit)
      ? Math.min(MAX_FILTER_LIMIT, Math.max(0, Math.floor(params.limit))) : FILTER_LINES_DEFAULT_LIMIT;
    return (await service).filterLines(document, params.query, limit, token);
  });
}

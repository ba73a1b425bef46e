// Custom request behind the "Explain a status code" command: free text in, Markdown out.

import type { Connection } from 'vscode-languageserver';
import { explainText } from '../features/replyExplanation';
import { renderMarkdown } from '../features/renderMarkdown';
import { EXPLAIN_REQUEST, type ExplainParams, type ExplainResult } from '../protocol';

export function registerExplainHandler(connection: Connection): void {
  connection.onRequest(EXPLAIN_REQUEST, (params: ExplainParams): ExplainResult => {
    const explanations = explainText(String(params?.text ?? '').slice(0, 10_000));
    return { markdown: explanations.length ? explanations.map((e) => renderMarkdown(e, 'full')).join('\n\n---\n\n') : null };
  });
}

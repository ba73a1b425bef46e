// Quick fix on a recipient problem of a message trace: the PowerShell that digs further, from the
// snippet set, opened in an untitled editor by the client command the tracking log's fix uses.
// Get-MessageTraceDetailV2 for the message and recipient when the row has a MessageTraceId (or a
// network message ID, which the documentation passes as one); Get-MessageTraceV2 -MessageId otherwise.
// Values come from the file: each is checked for shape and quoted by text/powerShell.ts.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CodeAction, CodeActionKind, type Diagnostic } from 'vscode-languageserver-types';
import type { CancellationToken } from '../../common/cancellation';
import { OPEN_POWERSHELL_COMMAND, type OpenPowerShellArgs } from '../../common/protocol';
import { DIAGNOSTIC_SOURCE } from '../shared/problemList';
import { traceTableOf } from './traceDocument';
import { TRACE_PROBLEM } from './traceDiagnostics';
import { rowRecipientOutcomes, TraceReplyReader } from '../../analysis/messageTraceOutcomes';
import { firstColumnOf, rowAtOffset, type TraceRow, type TraceTable, traceColumnValue } from '../../formats/messageTrace/traceTable';
import { cleanDocumentValue, snippetByPrefix } from '../../knowledge/investigations';
import { powerShellValueFills, renderSnippetBody } from '../../knowledge/snippetText';

export const TRACE_DETAIL_TITLE = 'Show this recipient\'s trace details in PowerShell';
export const TRACE_MESSAGE_TITLE = 'Trace this message in PowerShell';
export const DETAIL_SNIPPET = 'mf-exo-trace-detail-id';
export const MESSAGE_SNIPPET = 'mf-exo-trace-msgid';

const TRACEABLE = new Set<string>([TRACE_PROBLEM.failed, TRACE_PROBLEM.pending, TRACE_PROBLEM.quarantined, TRACE_PROBLEM.filtered, TRACE_PROBLEM.expanded]);

/** A GUID with dashes, or its 32 hex digits: both are what a [Guid] parameter takes. */
const GUID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})$/i;

export function getTraceCodeActions(document: TextDocument, diagnostics: readonly Diagnostic[], token?: CancellationToken): CodeAction[] {
  const table = traceTableOf(document);
  if (!table || token?.isCancellationRequested) return [];
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  const replies = new TraceReplyReader();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !TRACEABLE.has(String(diagnostic.code))) continue;
    const offset = document.offsetAt(diagnostic.range.start);
    const rowIndex = rowAtOffset(table, offset);
    if (rowIndex < 0) continue;
    const row = table.rows[rowIndex]!;
    const item = rowRecipientOutcomes(table, row, replies).find((o) => o.start === offset);
    const script = traceScript(table, row, item?.recipient ?? '');
    if (!script || seen.has(script.text)) continue;
    seen.add(script.text);
    actions.push({
      title: script.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: script.title, command: OPEN_POWERSHELL_COMMAND, arguments: [{ text: script.text } satisfies OpenPowerShellArgs] },
    });
  }
  return actions;
}

/** The filled command for a row and recipient, or undefined when no value has a safe shape. */
export function traceScript(table: TraceTable, row: TraceRow, recipientValue: string): { title: string; text: string } | undefined {
  const idColumn = firstColumnOf(table, ['messagetraceid', 'network_message_id']);
  const traceId = idColumn ? traceColumnValue(table, row, idColumn) : '';
  const recipient = cleanDocumentValue('recipient', recipientValue);
  const detail = snippetByPrefix(DETAIL_SNIPPET);
  if (detail && recipient && GUID.test(traceId)) {
    const fills = powerShellValueFills(detail.body, new Map([[1, traceId], [2, recipient]]));
    if (fills.has(1) && fills.has(2)) return { title: TRACE_DETAIL_TITLE, text: `${renderSnippetBody(detail.body, fills)}\n` };
  }
  const messageColumn = firstColumnOf(table, ['message_id', 'messageid']);
  const messageId = cleanDocumentValue('messageId', messageColumn ? traceColumnValue(table, row, messageColumn) : '');
  const byMessage = snippetByPrefix(MESSAGE_SNIPPET);
  if (!byMessage || !messageId) return undefined;
  const fills = powerShellValueFills(byMessage.body, new Map([[1, messageId]]));
  return fills.has(1) ? { title: TRACE_MESSAGE_TITLE, text: `${renderSnippetBody(byMessage.body, fills)}\n` } : undefined;
}

// The outline of a message trace, one entry per message (named by its subject, else its ID, with
// the sender), its recipients with their outcomes as children; and folding of each run of rows of
// one message (the extended report and the detail export write several rows per message).

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type DocumentSymbol, type FoldingRange, SymbolKind } from 'vscode-languageserver-types';
import type { CancellationToken } from '../../common/cancellation';
import { offsetRange, traceIndexOf, traceTableOf } from './traceDocument';
import { clip, rowRecipientOutcomes, TraceReplyReader } from '../../analysis/messageTraceOutcomes';
import { traceMessageKey } from '../../formats/messageTrace/traceIndex';
import { firstColumnOf, traceColumnValue } from '../../formats/messageTrace/traceTable';

/** The most messages listed, and recipients per message: a big trace keeps a usable outline. */
export const MAX_OUTLINE_MESSAGES = 5000;
export const MAX_OUTLINE_RECIPIENTS = 50;

const OUTCOME_LABEL: Record<string, string> = {
  delivered: 'delivered', failed: 'failed', pending: 'pending', quarantined: 'quarantined', filtered: 'filtered as spam', expanded: 'expanded', none: 'no status yet',
};

export function findTraceSymbols(document: TextDocument, token?: CancellationToken): DocumentSymbol[] {
  const table = traceTableOf(document);
  if (!table || token?.isCancellationRequested) return [];
  const index = traceIndexOf(table);
  const replies = new TraceReplyReader();
  const subjectColumn = firstColumnOf(table, ['message_subject', 'subject']);
  const senderColumn = firstColumnOf(table, ['sender_address', 'senderaddress', 'sender']);
  const symbols: DocumentSymbol[] = [];
  let skipped = 0;
  for (const [key, rows] of index.messages) {
    if (symbols.length >= MAX_OUTLINE_MESSAGES) { skipped++; continue; }
    if (symbols.length % 256 === 255 && token?.isCancellationRequested) return symbols;
    const first = table.rows[rows[0]!]!;
    const last = table.rows[rows[rows.length - 1]!]!;
    const subject = subjectColumn ? rows.map((r) => traceColumnValue(table, table.rows[r]!, subjectColumn)).find(Boolean) : undefined;
    const sender = senderColumn ? traceColumnValue(table, first, senderColumn) : '';
    const recipients = new Map<string, { recipient: string; outcome: string; start: number; end: number }>();
    for (const r of rows) {
      for (const item of rowRecipientOutcomes(table, table.rows[r]!, replies)) {
        if (!item.recipient) continue;
        recipients.set(item.recipient.toLowerCase(), { recipient: item.recipient, outcome: item.outcome, start: item.start, end: item.end });
      }
    }
    const children: DocumentSymbol[] = [];
    for (const { recipient, outcome, start, end } of recipients.values()) {
      if (children.length >= MAX_OUTLINE_RECIPIENTS) break;
      const range = offsetRange(document, start, end);
      children.push({ name: recipient, detail: OUTCOME_LABEL[outcome] ?? outcome, kind: SymbolKind.Field, range, selectionRange: range });
    }
    if (recipients.size > MAX_OUTLINE_RECIPIENTS) {
      const range = offsetRange(document, last.start, last.start);
      children.push({ name: `${recipients.size - MAX_OUTLINE_RECIPIENTS} more recipients`, kind: SymbolKind.Field, range, selectionRange: range });
    }
    const range = offsetRange(document, first.start, last.end);
    const id = key.includes('\u0000') ? '' : key;
    symbols.push({
      name: clip(subject || id || '(no subject)'),
      detail: [sender && `from ${sender}`, subject && id ? id : ''].filter(Boolean).join(' · '),
      kind: SymbolKind.Event, range, selectionRange: offsetRange(document, first.start, first.end), children,
    });
  }
  if (skipped > 0) {
    const end = table.rows[table.rows.length - 1]!;
    const range = offsetRange(document, end.start, end.start);
    symbols.push({ name: `${skipped} more messages not listed`, kind: SymbolKind.Event, range, selectionRange: range });
  }
  return symbols;
}

export function getTraceFoldingRanges(document: TextDocument, token?: CancellationToken): FoldingRange[] {
  const table = traceTableOf(document);
  if (!table || token?.isCancellationRequested) return [];
  const ranges: FoldingRange[] = [];
  let runStart = 0;
  let runKey = table.rows.length ? traceMessageKey(table, 0) : '';
  for (let i = 1; i <= table.rows.length; i++) {
    const key = i < table.rows.length ? traceMessageKey(table, i) : undefined;
    if (key === runKey) continue;
    const first = table.rows[runStart]!;
    const last = table.rows[i - 1]!;
    const endLine = last.line + last.lineCount - 1;
    if (endLine > first.line) ranges.push({ startLine: first.line, endLine });
    runStart = i;
    runKey = key ?? '';
    if (i % 4096 === 0 && token?.isCancellationRequested) return ranges;
  }
  return ranges;
}

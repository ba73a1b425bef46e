// Outline of a log: one symbol per message (tracking) or per SMTP session (protocol), whose
// children are its rows in file order.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { CancellationToken } from './cancellation';
import { exchangeLogOf, rowRange, wholeRowRange } from './exchangeLogDocument';
import { type ExchangeLog, fieldOf, fieldRange, type LogRow, valueOf } from '../formats/exchangeLog';
import { sessionRows } from '../formats/protocolLog';
import { messageRows } from '../formats/trackingLog';

/** Longest name or detail shown; a hostile field may be megabytes long. */
const MAX_LABEL = 100;

export function findLogSymbols(document: TextDocument, token?: CancellationToken): DocumentSymbol[] {
  const log = exchangeLogOf(document);
  if (!log || token?.isCancellationRequested) return [];
  return log.kind === 'protocol' ? sessionSymbols(log) : messageSymbols(log);
}

function messageSymbols(log: ExchangeLog): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  for (const [key, rowIndexes] of messageRows(log)) {
    const rows = rowIndexes.map((i) => log.rows[i]!);
    const first = rows[0]!;
    const subject = rows.map((r) => valueOf(log, fieldOf(r, 'message-subject'))).find(Boolean) ?? '';
    const sender = rows.map((r) => valueOf(log, fieldOf(r, 'sender-address'))).find(Boolean) ?? '';
    const children = rows.map((row) => eventSymbol(log, row));
    symbols.push({
      name: clip(`${subject || '(no subject)'} · ${sender || '(no sender)'}`),
      detail: clip(`${children.map((c) => c.name).join(' › ')}  ${key}`),
      kind: SymbolKind.Object,
      range: spanRange(log, rows),
      selectionRange: selection(log, first, 'message-id'),
      children,
    });
  }
  return symbols;
}

function eventSymbol(log: ExchangeLog, row: LogRow): DocumentSymbol {
  const event = valueOf(log, fieldOf(row, 'event-id')) || '(no event)';
  const time = valueOf(log, fieldOf(row, 'date-time'));
  const source = valueOf(log, fieldOf(row, 'source'));
  const recipients = valueOf(log, fieldOf(row, 'recipient-address')).replaceAll(';', ', ');
  return {
    name: clip(event),
    detail: clip([time, source, recipients].filter(Boolean).join(' · ')),
    kind: SymbolKind.Event,
    range: wholeRowRange(log, row),
    selectionRange: selection(log, row, 'event-id'),
  };
}

function sessionSymbols(log: ExchangeLog): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  for (const [sessionId, rowIndexes] of sessionRows(log)) {
    const rows = rowIndexes.map((i) => log.rows[i]!);
    const remote = rows.map((r) => valueOf(log, fieldOf(r, 'remote-endpoint'))).find(Boolean) ?? '';
    const greeting = rows.map((r) => valueOf(log, fieldOf(r, 'data'))).find((d) => /^(?:EHLO|HELO) /i.test(d)) ?? '';
    symbols.push({
      name: clip(`${remote || '(no remote endpoint)'}${greeting ? ` · ${greeting}` : ''}`),
      detail: clip(`session ${sessionId} · ${rows.length} lines`),
      kind: SymbolKind.Object,
      range: spanRange(log, rows),
      selectionRange: selection(log, rows[0]!, 'session-id'),
      children: rows.map((row) => {
        const event = valueOf(log, fieldOf(row, 'event'));
        const data = valueOf(log, fieldOf(row, 'data')) || valueOf(log, fieldOf(row, 'context'));
        return {
          name: clip(`${event} ${data}`.trim() || '(empty)'),
          detail: valueOf(log, fieldOf(row, 'date-time')),
          kind: SymbolKind.Event,
          range: wholeRowRange(log, row),
          selectionRange: selection(log, row, 'event'),
        };
      }),
    });
  }
  return symbols;
}

/** From the first row's start to the last row's end: other messages' rows may sit in between. */
function spanRange(log: ExchangeLog, rows: readonly LogRow[]) {
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  return { start: wholeRowRange(log, first).start, end: wholeRowRange(log, last).end };
}

/** A column's range in a row, or the row's start when the column is missing. */
function selection(log: ExchangeLog, row: LogRow, column: string) {
  const field = fieldOf(row, column);
  if (field < 0) return rowRange(log, row, row.start, row.start);
  const { start, end } = fieldRange(log, field);
  return rowRange(log, row, start, end);
}

function clip(text: string): string {
  const oneLine = text.replace(/[\r\n]+/g, ' ');
  return oneLine.length > MAX_LABEL ? `${oneLine.slice(0, MAX_LABEL - 1)}…` : oneLine;
}

// Outline of a log: one symbol per message (tracking) or per SMTP session (protocol), whose
// children are its rows in file order.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { CancellationToken } from '../../common/cancellation';
import { exchangeLogOf, rowRange, wholeRowRange } from './exchangeLogDocument';
import type { ExchangeLog, LogRow } from '../../formats/exchangeLog';
import { fieldOf, fieldRange, valueOf } from '../../formats/exchangeLogLookups';
import { sessionRows } from '../../formats/protocolLog';
import { messageRows } from '../../formats/trackingLog';

/** Longest name or detail shown; a hostile field may be megabytes long. */
const MAX_LABEL = 100;

/**
 * Most entries (messages or sessions and their rows) in one outline: a 50 MB log would otherwise
 * answer with tens of megabytes. A last entry says how many are left out.
 */
export const MAX_OUTLINE_ENTRIES = 5000;
/** Most rows listed under one message or session; a last child says how many more it has. */
export const MAX_OUTLINE_CHILDREN = 50;
/** Groups built between two checks of the cancellation token. */
const GROUPS_PER_CHECK = 256;

export function findLogSymbols(document: TextDocument, token?: CancellationToken): DocumentSymbol[] {
  const log = exchangeLogOf(document);
  if (!log || token?.isCancellationRequested) return [];
  const outline = new Outline(log, log.kind === 'protocol' ? 'sessions' : 'messages', token);
  return log.kind === 'protocol' ? sessionSymbols(log, outline) : messageSymbols(log, outline);
}

/** The symbols listed so far, within the entry budget. */
class Outline {
  readonly symbols: DocumentSymbol[] = [];
  private entries = 0;
  private groupsSeen = 0;
  constructor(private readonly log: ExchangeLog, private readonly noun: string, private readonly token: CancellationToken | undefined) {}

  /** The rows a group may list, or undefined once the budget is spent or the request cancelled. */
  admit(rowIndexes: readonly number[]): LogRow[] | undefined {
    this.groupsSeen++;
    if (this.entries >= MAX_OUTLINE_ENTRIES) return undefined;
    if (this.groupsSeen % GROUPS_PER_CHECK === 0 && this.token?.isCancellationRequested) { this.entries = MAX_OUTLINE_ENTRIES; return undefined; }
    const listed = Math.min(rowIndexes.length, MAX_OUTLINE_CHILDREN, MAX_OUTLINE_ENTRIES - this.entries - 1);
    this.entries += 1 + listed;
    return rowIndexes.slice(0, Math.max(listed, 1)).map((i) => this.log.rows[i]!);
  }

  /** The group's children, with a last one counting the rows not listed. */
  children(listed: DocumentSymbol[], rows: readonly LogRow[], total: number): DocumentSymbol[] {
    if (listed.length >= total) return listed;
    const last = rows[rows.length - 1]!;
    const range = wholeRowRange(this.log, last);
    return [...listed, { name: `… ${total - listed.length} more rows not listed`, kind: SymbolKind.Event, range, selectionRange: { start: range.start, end: range.start } }];
  }

  finish(totalGroups: number): DocumentSymbol[] {
    const left = totalGroups - this.symbols.length;
    const last = this.symbols[this.symbols.length - 1];
    if (left > 0 && last) {
      const at = { start: last.range.end, end: last.range.end };
      this.symbols.push({ name: `… ${left} more ${this.noun} not listed`, detail: `the outline lists the first ${this.symbols.length}`, kind: SymbolKind.Object, range: at, selectionRange: at });
    }
    return this.symbols;
  }
}

function messageSymbols(log: ExchangeLog, outline: Outline): DocumentSymbol[] {
  const messages = messageRows(log);
  for (const [key, rowIndexes] of messages) {
    const rows = outline.admit(rowIndexes);
    if (!rows) break;
    const first = rows[0]!;
    const subject = firstValue(log, rowIndexes, 'message-subject');
    const sender = firstValue(log, rowIndexes, 'sender-address');
    const children = rows.map((row) => eventSymbol(log, row));
    outline.symbols.push({
      name: clip(`${subject || '(no subject)'} · ${sender || '(no sender)'}`),
      detail: clip(`${children.map((c) => c.name).join(' › ')}  ${key}`),
      kind: SymbolKind.Object,
      range: spanRange(log, rowIndexes),
      selectionRange: selection(log, first, 'message-id'),
      children: outline.children(children, rows, rowIndexes.length),
    });
  }
  return outline.finish(messages.size);
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

function sessionSymbols(log: ExchangeLog, outline: Outline): DocumentSymbol[] {
  const sessions = sessionRows(log);
  for (const [sessionId, rowIndexes] of sessions) {
    const rows = outline.admit(rowIndexes);
    if (!rows) break;
    const remote = firstValue(log, rowIndexes, 'remote-endpoint');
    const greeting = firstValue(log, rowIndexes, 'data', (d) => /^(?:EHLO|HELO) /i.test(d));
    const listed = rows.map((row): DocumentSymbol => {
      const event = valueOf(log, fieldOf(row, 'event'));
      const data = valueOf(log, fieldOf(row, 'data')) || valueOf(log, fieldOf(row, 'context'));
      return {
        name: clip(`${event} ${data}`.trim() || '(empty)'),
        detail: valueOf(log, fieldOf(row, 'date-time')),
        kind: SymbolKind.Event,
        range: wholeRowRange(log, row),
        selectionRange: selection(log, row, 'event'),
      };
    });
    outline.symbols.push({
      name: clip(`${remote || '(no remote endpoint)'}${greeting ? ` · ${greeting}` : ''}`),
      detail: clip(`session ${sessionId} · ${rowIndexes.length} lines`),
      kind: SymbolKind.Object,
      range: spanRange(log, rowIndexes),
      selectionRange: selection(log, rows[0]!, 'session-id'),
      children: outline.children(listed, rows, rowIndexes.length),
    });
  }
  return outline.finish(sessions.size);
}

/** The first non-empty value of a column among a group's rows (all of them, listed or not) that passes `accept`. */
function firstValue(log: ExchangeLog, rowIndexes: readonly number[], column: string, accept: (value: string) => boolean = () => true): string {
  for (const i of rowIndexes) {
    const value = valueOf(log, fieldOf(log.rows[i]!, column));
    if (value && accept(value)) return value;
  }
  return '';
}

/** From the first row's start to the last row's end: other messages' rows may sit in between. */
function spanRange(log: ExchangeLog, rowIndexes: readonly number[]) {
  const first = log.rows[rowIndexes[0]!]!;
  const last = log.rows[rowIndexes[rowIndexes.length - 1]!]!;
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

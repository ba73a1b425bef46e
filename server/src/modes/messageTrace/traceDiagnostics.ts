// Problems in message traces: one per recipient that failed, is pending, was quarantined or
// filtered as spam, or was a group that got expanded, naming the recipient, the message and the
// reason; and rows that cannot be read as written. Delivered and sent recipients give nothing.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { type CancellationToken, SlicedWork, type YieldControl } from '../../common/cancellation';
import { MESSAGE_TRACE } from '../../common/languages';
import type { ProblemFields } from '../../common/problemFields';
import { DIAGNOSTIC_SOURCE, ProblemList } from '../shared/problemList';
import { offsetRange, rememberTraceIndex, traceTableOf } from './traceDocument';
import { clip, type RecipientTraceOutcome, rowRecipientOutcomes, TraceReplyReader } from '../../analysis/messageTraceOutcomes';
import { QUOTED, UNTERMINATED } from '../../formats/csv';
import { traceDuration } from '../../formats/messageTrace/traceDates';
import { type TraceIndex, TraceIndexBuilder, traceMessageKey } from '../../formats/messageTrace/traceIndex';
import { firstColumnOf, type TraceRow, type TraceTable, traceColumnValue } from '../../formats/messageTrace/traceTable';
import type { TraceOutcome } from '../../knowledge/messageTraceFacts';
import { type WritableFields, writeTraceReplyFields } from './traceReplyFields';

export const TRACE_PROBLEM = {
  failed: 'trace-failed',
  pending: 'trace-pending',
  quarantined: 'trace-quarantined',
  filtered: 'trace-filtered',
  expanded: 'trace-expanded',
  fieldCount: 'trace-field-count',
  unterminatedQuote: 'trace-unterminated-quote',
  badTime: 'trace-bad-time',
  dateOrder: 'trace-date-order',
  longValue: 'trace-long-value',
  noHeader: 'trace-no-header',
} as const;

/** The problems of a recipient outcome, by outcome; delivered and none report nothing. */
const REPORTED: Partial<Record<TraceOutcome, { code: string; severity: DiagnosticSeverity; outcome: string }>> = {
  failed: { code: TRACE_PROBLEM.failed, severity: DiagnosticSeverity.Error, outcome: 'failed' },
  pending: { code: TRACE_PROBLEM.pending, severity: DiagnosticSeverity.Warning, outcome: 'deferred' },
  quarantined: { code: TRACE_PROBLEM.quarantined, severity: DiagnosticSeverity.Warning, outcome: 'quarantined' },
  filtered: { code: TRACE_PROBLEM.filtered, severity: DiagnosticSeverity.Warning, outcome: 'filtered' },
  expanded: { code: TRACE_PROBLEM.expanded, severity: DiagnosticSeverity.Information, outcome: 'expanded' },
};

/** Cells longer than this are read from their start only by hovers; the problem says so. */
export const LONG_VALUE = 64 * 1024;

const ROWS_PER_SLICE = 2000;

/** What is added once the problem list is full: the list only counts it. */
const OMITTED: Omit<Diagnostic, 'source'> = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: '' };

export async function validateMessageTrace(
  document: TextDocument, settings: { readonly maxProblems: number }, token: CancellationToken | undefined, yieldControl: YieldControl,
): Promise<Diagnostic[]> {
  if (token?.isCancellationRequested) return [];
  const table = traceTableOf(document);
  if (!table) return document.languageId === MESSAGE_TRACE ? [notATrace(document)] : [];
  const slices = new SlicedWork(ROWS_PER_SLICE, token, yieldControl);
  // One pass: each row goes into the index and is checked while its text is at hand. A pending
  // recipient's message waits for the whole index (its message's first time, the report's newest).
  const builder = new TraceIndexBuilder(table);
  const found: Omit<Diagnostic, 'source'>[] = [];
  let omitted = 0;
  const waiting: { at: number; row: number; item: RecipientTraceOutcome; key: string }[] = [];
  const add = (start: number, end: number, severity: DiagnosticSeverity, message: string, code: string, data?: ProblemFields): void => {
    if (found.length >= settings.maxProblems) { omitted++; return; }
    const range = offsetRange(document, start, end);
    found.push(data ? { range, severity, message, code, data } : { range, severity, message, code });
  };
  if (table.dates.assumed && table.timeColumn >= 0) {
    const f = table.header.firstField + table.timeColumn;
    add(table.fields.starts[f]!, table.fields.ends[f]!, DiagnosticSeverity.Information, `dates read ${table.dates.reason}`, TRACE_PROBLEM.dateOrder);
  }
  const replies = new TraceReplyReader();
  const reported = new Set<string>();
  for (let i = 0; i < table.rows.length; i++) {
    builder.addRow(i);
    const row = table.rows[i]!;
    const time = builder.timeOf(i);
    checkShape(table, row, time, add);
    for (const item of rowRecipientOutcomes(table, row, replies, true)) {
      const kind = REPORTED[item.outcome];
      if (!kind) continue;
      const key = traceMessageKey(table, i);
      // The extended report repeats a recipient's status on every event row of its message.
      const once = `${key}\u0000${item.recipient.toLowerCase()}\u0000${item.outcome}`;
      if (reported.has(once)) continue;
      reported.add(once);
      // Past the limit only the count of omitted problems is kept: no message or fields are built.
      if (found.length >= settings.maxProblems) { omitted++; continue; }
      if (item.outcome === 'pending') waiting.push({ at: found.length, row: i, item, key });
      const message = item.outcome === 'pending' ? '' : problemMessage(table, row, item, undefined);
      add(item.start, item.end, kind.severity, message, kind.code, problemFields(table, row, time, item, kind.outcome));
    }
    if (slices.step() && !(await slices.next())) return [];
  }
  const index = builder.finish();
  rememberTraceIndex(table, index);
  const firstTimes = new Map<string, number>();
  for (const { at, row, item, key } of waiting) {
    found[at] = { ...found[at]!, message: problemMessage(table, table.rows[row]!, item, pendingFor(table, index, row, key, firstTimes)) };
  }
  const problems = new ProblemList(settings.maxProblems);
  for (const problem of found) problems.add(problem);
  for (let k = 0; k < omitted; k++) problems.add(OMITTED);
  return problems.finish();
}

type Add = (start: number, end: number, severity: DiagnosticSeverity, message: string, code: string) => void;

function checkShape(table: TraceTable, row: TraceRow, time: number, add: Add): void {
  const expected = table.header.names.length;
  const { starts, ends, flags } = table.fields;
  // Only a row longer than LONG_VALUE can hold a long value, and only its last field can be a quote
  // never closed (the scanner ends the record there): other rows need no look at each field.
  const last = row.firstField + row.fieldCount - 1;
  const open = row.fieldCount > 0 && (flags[last]! & (QUOTED | UNTERMINATED)) === (QUOTED | UNTERMINATED);
  if (row.end - row.start > LONG_VALUE || open) {
    for (let f = row.firstField; f < row.firstField + row.fieldCount; f++) {
      if ((flags[f]! & (QUOTED | UNTERMINATED)) === (QUOTED | UNTERMINATED)) {
        add(starts[f]!, ends[f]!, DiagnosticSeverity.Error, 'quoted value never closed: it is cut before the next row, which is read as usual', TRACE_PROBLEM.unterminatedQuote);
      }
      if (ends[f]! - starts[f]! > LONG_VALUE) {
        const name = table.header.names[f - row.firstField] ?? `field ${f - row.firstField + 1}`;
        add(starts[f]!, starts[f]! + 1, DiagnosticSeverity.Information,
          `${name} holds ${(ends[f]! - starts[f]!).toLocaleString('en-US')} characters: hovers read its first ${LONG_VALUE.toLocaleString('en-US')}`, TRACE_PROBLEM.longValue);
      }
    }
  }
  if (row.fieldCount < expected) {
    add(row.start, row.end, DiagnosticSeverity.Error,
      `row cut short: expected ${expected} fields as the header names, found ${row.fieldCount}; the columns it lacks are read as empty`, TRACE_PROBLEM.fieldCount);
  } else if (row.fieldCount > expected) {
    add(row.start, row.end, DiagnosticSeverity.Warning,
      `${row.fieldCount} fields but the header names ${expected}: the values past the last column are not read`, TRACE_PROBLEM.fieldCount);
  }
  if (table.timeColumn >= 0 && table.timeColumn < row.fieldCount && Number.isNaN(time)) {
    const f = row.firstField + table.timeColumn;
    const raw = table.text.slice(starts[f]!, Math.min(ends[f]!, starts[f]! + 200)).replace(/^"|"$/g, '').trim();
    if (raw) add(starts[f]!, ends[f]!, DiagnosticSeverity.Warning, `"${clip(raw)}" is not a time this reader understands: this row's time is left out`, TRACE_PROBLEM.badTime);
  }
}

/** How long a pending recipient has waited: since its message arrived, to its deferral or the report's newest row. */
function pendingFor(table: TraceTable, index: TraceIndex, rowIndex: number, key: string, firstTimes: Map<string, number>): string | undefined {
  const event = table.kind === 'extended' || table.kind === 'trace-detail';
  let first = firstTimes.get(key);
  if (first === undefined) {
    first = Number.NaN;
    for (const r of index.messages.get(key) ?? []) {
      const time = index.times[r]!;
      if (!Number.isNaN(time) && !(time >= first)) first = time;
    }
    firstTimes.set(key, first);
  }
  const until = event ? index.times[rowIndex]! : index.newest;
  if (Number.isNaN(first) || Number.isNaN(until)) return undefined;
  return event
    ? `deferred ${traceDuration(until - first)} after the message arrived`
    : `${traceDuration(until - first)} between its arrival and the newest message of this report`;
}

const OUTCOME_WORDS: Record<string, string> = {
  failed: 'delivery failed',
  pending: 'still pending: delivery is under way or being retried',
  quarantined: 'quarantined',
  filtered: 'filtered as spam',
  expanded: 'a distribution group, expanded to its members, who have rows of their own',
};

function problemMessage(table: TraceTable, row: TraceRow, item: RecipientTraceOutcome, pending: string | undefined): string {
  const who = item.recipient || '(recipient not listed)';
  const reason = item.reply ? `${item.reply.label}: ${item.reply.summary}` : item.reason;
  const what = `${OUTCOME_WORDS[item.outcome] ?? item.outcome} (${item.verdict})`;
  const parts = [`${who}: ${what}`];
  if (item.outcome === 'pending' && pending) parts.push(pending);
  if (reason) parts.push(reason);
  return `${parts.join('; ')} · ${messageName(table, row)}`;
}

/** The message named by its subject, else its Message-ID, else its trace ID. */
export function messageName(table: TraceTable, row: TraceRow): string {
  const subjectColumn = firstColumnOf(table, ['message_subject', 'subject']);
  const subject = subjectColumn ? traceColumnValue(table, row, subjectColumn) : '';
  if (subject) return `"${clip(subject)}"`;
  const idColumn = firstColumnOf(table, ['message_id', 'messageid', 'network_message_id', 'messagetraceid']);
  const id = idColumn ? traceColumnValue(table, row, idColumn) : '';
  return id ? `message ${clip(id)}` : 'message without subject or ID';
}

function problemFields(table: TraceTable, row: TraceRow, time: number, item: RecipientTraceOutcome, outcome: string): ProblemFields {
  const value = (columns: readonly string[]): string => {
    const column = firstColumnOf(table, columns);
    return column ? traceColumnValue(table, row, column) : '';
  };
  const sender = value(['sender_address', 'senderaddress', 'sender']);
  const messageId = value(['message_id', 'messageid']).replace(/^<|>$/g, '');
  const queueId = value(['network_message_id', 'messagetraceid']);
  // Set one by one in this order (as the Problems panel and the command line list them), not spread.
  const fields: WritableFields = {};
  if (item.recipient) fields.recipient = item.recipient;
  if (sender) fields.sender = sender;
  writeTraceReplyFields(fields, item, item.outcome === 'failed');
  if (messageId) fields.messageid = messageId;
  if (queueId) fields.queueid = queueId;
  const timestamp = timestampOf(table, row, time);
  if (timestamp) fields.timestamp = timestamp.timestamp;
  fields.outcome = outcome;
  return fields;
}

/** ISO 8601 when the time is UTC (the cmdlets, a report in UTC); otherwise as written, in the report's zone. */
function timestampOf(table: TraceTable, row: TraceRow, time: number): { timestamp: string } | undefined {
  if (Number.isNaN(time)) return undefined;
  const utc = table.kind === 'message-trace' || table.kind === 'trace-detail' || table.timeZone === 'utc';
  if (utc) return { timestamp: new Date(time).toISOString() };
  const written = table.timeColumn >= 0 ? traceColumnValue(table, row, table.header.names[table.timeColumn]!.toLowerCase()) : '';
  return written ? { timestamp: written } : undefined;
}

/** A document of our language without a trace's header: most often UTF-16 opened in another encoding. */
function notATrace(document: TextDocument): Diagnostic {
  const head = document.getText({ start: { line: 0, character: 0 }, end: document.positionAt(4096) });
  const wide = head.includes('\u0000') || head.startsWith('\u00FF\u00FE') || head.startsWith('\u00EF\u00BB\u00BF');
  return {
    range: { start: { line: 0, character: 0 }, end: document.positionAt(Math.min(lineLength(head), 200)) },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: TRACE_PROBLEM.noHeader,
    message: wide
      ? 'this file is read in the wrong encoding (it holds NUL characters or a byte order mark read as text): reopen it with the encoding UTF-16 LE (or UTF-8 with BOM)'
      : 'no message trace header in the first lines: expected the column names of an admin-center report or of Export-Csv of a trace cmdlet',
  };
}

function lineLength(text: string): number {
  const end = text.search(/[\r\n]/);
  return end < 0 ? text.length : end;
}

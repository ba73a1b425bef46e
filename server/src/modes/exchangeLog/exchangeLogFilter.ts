// Filter Lines (#15) in Exchange message tracking and SMTP protocol logs, over the parsed log every
// log feature reads. Tracking rows: event-id, the status its event means, recipient and sender
// columns, the codes and reason of recipient-status, client-ip and client-hostname; `id` is every
// row of the message. Protocol rows: the event column, the reply's class, MAIL FROM and RCPT TO,
// the remote endpoint; `id` is the whole session.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationToken, SlicedWork, YieldControl } from '../../common/cancellation';
import { CharCode } from '../../common/charCode';
import { FILTER_FIELDS, type FilterField, type LineQuery } from '../../common/lineQuery';
import type { ExchangeLog, LogRow } from '../../formats/exchangeLog';
import { fieldOf, valueOf } from '../../formats/exchangeLogLookups';
import { sessionRows } from '../../formats/protocolLog';
import { messageKey, messageRows, splitItems, statusGroups } from '../../formats/trackingLog';
import { lookupTraceEvent } from '../../knowledge/messageTraceFacts';
import { clientParts, type FilterOutcome, type FilterRecords, runLineFilter, statusWordsOf } from '../shared/lineFilter';
import { ReplyValueReader } from '../shared/replyFilterValues';
import { exchangeLogOf } from './exchangeLogDocument';

/** Both kinds of log have every field. */
const FIELDS: ReadonlySet<FilterField> = new Set(FILTER_FIELDS);
/** The columns that name a tracking row's message, and a DSN's `reference` to the message it reports on. */
const TRACKING_ID_COLUMNS = ['internal-message-id', 'network-message-id', 'message-id', 'reference'];

export function filterExchangeLog(
  document: TextDocument, query: LineQuery, limit: number, token: CancellationToken | undefined, yieldControl: YieldControl,
): Promise<FilterOutcome> {
  const log = exchangeLogOf(document);
  if (!log) return Promise.resolve({ lines: [], total: 0 });
  const records = log.kind === 'protocol' ? new ProtocolRows(log) : new TrackingRows(log);
  return runLineFilter(records, query, limit, token, yieldControl);
}

abstract class LogRows {
  readonly count: number;
  protected readonly replies = new ReplyValueReader();

  constructor(protected readonly log: ExchangeLog) {
    this.count = log.rows.length;
  }

  lines(record: number): { line: number; count: number } {
    const row = this.log.rows[record]!;
    return { line: row.line, count: row.lineCount };
  }

  text(record: number): string {
    const row = this.log.rows[record]!;
    return this.log.text.slice(row.start, row.end);
  }

  protected value(row: LogRow, column: string): string {
    return valueOf(this.log, fieldOf(row, column));
  }
}

class TrackingRows extends LogRows implements FilterRecords {
  readonly family = 'message tracking logs';
  readonly fields = FIELDS;

  values(record: number, field: Exclude<FilterField, 'id'>): readonly string[] {
    const { log } = this;
    const row = log.rows[record]!;
    switch (field) {
      case 'event': return nonEmpty(this.value(row, 'event-id'));
      case 'status': {
        const fact = lookupTraceEvent(this.value(row, 'event-id'));
        return fact ? statusWordsOf(fact.outcome) : [];
      }
      case 'recipient': return splitItems(log, fieldOf(row, 'recipient-address')).map((item) => item.text);
      case 'sender': return nonEmpty(this.value(row, 'sender-address'));
      case 'client': return [...nonEmpty(this.value(row, 'client-ip')), ...nonEmpty(this.value(row, 'client-hostname'))];
      case 'code': case 'reason': {
        const outcome = lookupTrackingOutcome(this.value(row, 'event-id'));
        const values: string[] = [];
        for (const status of statusGroups(log, row)) {
          const read = this.replies.read(status.text, outcome);
          if (field === 'code') values.push(...read.codes);
          else if (read.reason) values.push(read.reason);
        }
        return values;
      }
    }
  }

  async recordsOfIds(matches: (id: string) => boolean, slices: SlicedWork): Promise<ReadonlySet<number> | undefined> {
    const { log } = this;
    const records = new Set<number>();
    const keys = new Set<string>();
    for (let r = 0; r < log.rows.length; r++) {
      if (slices.step() && !(await slices.next())) return undefined;
      const row = log.rows[r]!;
      if (!TRACKING_ID_COLUMNS.some((column) => { const id = this.value(row, column); return id !== '' && matches(id); })) continue;
      records.add(r);
      const key = messageKey(log, row);
      if (key) keys.add(key);
    }
    // No row matched: the message groups are not built for nothing.
    const groups = keys.size > 0 ? messageRows(log) : undefined;
    for (const key of keys) for (const r of groups?.get(key) ?? []) records.add(r);
    return records;
  }
}

/** A failure (true), a delay (false), or neither, as the tracking event says. */
function lookupTrackingOutcome(eventId: string): boolean | undefined {
  const outcome = lookupTraceEvent(eventId)?.outcome;
  return outcome === 'failed' ? true : outcome === 'pending' ? false : undefined;
}

class ProtocolRows extends LogRows implements FilterRecords {
  readonly family = 'SMTP protocol logs';
  readonly fields = FIELDS;

  values(record: number, field: Exclude<FilterField, 'id'>): readonly string[] {
    const row = this.log.rows[record]!;
    switch (field) {
      case 'event': return nonEmpty(this.value(row, 'event'));
      case 'client': return nonEmpty(this.value(row, 'remote-endpoint')).flatMap(clientParts);
      case 'recipient': return commandAddress(this.value(row, 'data'), 'RCPT TO:');
      case 'sender': return commandAddress(this.value(row, 'data'), 'MAIL FROM:');
      case 'status': {
        const replyClass = this.replyClass(row);
        return replyClass ? REPLY_CLASS_STATUS[replyClass] ?? [] : [];
      }
      case 'code': case 'reason': {
        const replyClass = this.replyClass(row);
        if (!replyClass) return [];
        const read = this.replies.read(this.value(row, 'data'), replyClass === '5' ? true : replyClass === '4' ? false : undefined);
        return field === 'code' ? read.codes : read.reason ? [read.reason] : [];
      }
    }
  }

  /** "2" to "5" for a row that sends or receives a reply; undefined otherwise. */
  private replyClass(row: LogRow): string | undefined {
    const event = this.value(row, 'event');
    if (event !== '<' && event !== '>') return undefined;
    const data = this.value(row, 'data');
    const c0 = data.charCodeAt(0);
    if (c0 < CharCode.Digit2 || c0 > CharCode.Digit5 || !isDigit(data.charCodeAt(1)) || !isDigit(data.charCodeAt(2))) return undefined;
    const after = data.charCodeAt(3);
    return data.length === 3 || after === CharCode.Space || after === CharCode.Dash ? data[0] : undefined;
  }

  async recordsOfIds(matches: (id: string) => boolean, slices: SlicedWork): Promise<ReadonlySet<number> | undefined> {
    const records = new Set<number>();
    for (const [sessionId, rows] of sessionRows(this.log)) {
      if (slices.step() && !(await slices.next())) return undefined;
      if (matches(sessionId)) for (const r of rows) records.add(r);
    }
    return records;
  }
}

/** What a reply's class counts as: 5xx refuses, 4xx defers, 2xx and 3xx go on. */
const REPLY_CLASS_STATUS: Readonly<Record<string, readonly string[]>> = {
  5: ['failed', 'rejected'], 4: ['deferred'], 3: ['intermediate'], 2: ['success'],
};

const isDigit = (c: number): boolean => c >= CharCode.Digit0 && c <= CharCode.Digit9;
const nonEmpty = (value: string): string[] => (value ? [value] : []);

/** The address of "MAIL FROM:<a@b> SIZE=..." or "RCPT TO:<a@b>" (any case, bounded). */
function commandAddress(data: string, command: string): string[] {
  if (data.length < command.length || data.slice(0, command.length).toUpperCase() !== command) return [];
  let at = command.length;
  while (data.charCodeAt(at) === CharCode.Space) at++;
  const bracketed = data.charCodeAt(at) === CharCode.LessThan;
  const start = bracketed ? at + 1 : at;
  let end = data.indexOf(bracketed ? '>' : ' ', start);
  if (end < 0) end = data.length;
  return end > start && end - start <= 320 ? [data.slice(start, end)] : [];
}

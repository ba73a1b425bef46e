// Filter Lines (#15) in Exchange Online message traces, from the outcomes the Problems panel reads:
// each row's recipients with their status (the Status column, a Recipient_status entry, or the
// row's event), the reply codes and reason, sender and client columns, the event column of the
// detail reports; `id` is every row of the message (Message-ID, network message id, trace id).

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationToken, SlicedWork, YieldControl } from '../../common/cancellation';
import { CharCode } from '../../common/charCode';
import { FILTER_FIELDS, type FilterField, type LineQuery } from '../../common/lineQuery';
import { type RecipientTraceOutcome, rowRecipientOutcomes, TraceReplyReader } from '../../analysis/messageTraceOutcomes';
import { splitPieces } from '../../formats/messageTrace/traceFields';
import { LINK_COLUMNS, traceMessageKey } from '../../formats/messageTrace/traceIndex';
import { type TraceTable, traceField, traceValue, traceValueRange } from '../../formats/messageTrace/traceTable';
import { type FilterOutcome, type FilterRecords, runLineFilter, statusWordsOf } from '../shared/lineFilter';
import { ReplyValueReader } from '../shared/replyFilterValues';
import { traceIndexOf, traceTableOf } from './traceDocument';

const FIELDS: ReadonlySet<FilterField> = new Set(FILTER_FIELDS);
const RECIPIENT_COLUMNS = ['recipient_address', 'recipientaddress', 'recipient'];
const SENDER_COLUMNS = ['sender_address', 'senderaddress', 'sender'];
const CLIENT_COLUMNS = ['fromip', 'client_ip', 'original_client_ip'];
const EVENT_COLUMNS = ['event_id', 'event'];

export function filterMessageTrace(
  document: TextDocument, query: LineQuery, limit: number, token: CancellationToken | undefined, yieldControl: YieldControl,
): Promise<FilterOutcome> {
  const table = traceTableOf(document);
  if (!table) return Promise.resolve({ lines: [], total: 0 });
  return runLineFilter(new TraceRows(table), query, limit, token, yieldControl);
}

class TraceRows implements FilterRecords {
  readonly family = 'message traces';
  readonly fields = FIELDS;
  readonly count: number;
  private readonly traceReplies = new TraceReplyReader();
  private readonly replies = new ReplyValueReader();
  private lastRow = -1;
  private lastOutcomes: RecipientTraceOutcome[] = [];

  constructor(private readonly table: TraceTable) {
    this.count = table.rows.length;
  }

  lines(record: number): { line: number; count: number } {
    const row = this.table.rows[record]!;
    return { line: row.line, count: row.lineCount };
  }

  text(record: number): string {
    const row = this.table.rows[record]!;
    return this.table.text.slice(row.start, row.end);
  }

  values(record: number, field: Exclude<FilterField, 'id'>): readonly string[] {
    switch (field) {
      case 'event': return this.columns(record, EVENT_COLUMNS);
      case 'sender': return this.columns(record, SENDER_COLUMNS);
      case 'client': return this.columns(record, CLIENT_COLUMNS);
      case 'recipient': return [...this.columns(record, RECIPIENT_COLUMNS, true), ...this.outcomes(record).map((o) => o.recipient).filter(Boolean)];
      case 'status': return this.outcomes(record).flatMap((o) => [...statusWordsOf(o.outcome), o.verdict]);
      case 'code': return this.outcomes(record).flatMap((o) => (o.reply ? [o.reply.basic, o.reply.enhanced, o.reply.transport].filter((c): c is string => !!c) : []));
      case 'reason': return this.outcomes(record).flatMap((o) => {
        if (!o.reason || (o.outcome !== 'failed' && o.outcome !== 'pending')) return [];
        const reason = this.replies.read(o.reason, o.outcome === 'failed').reason;
        return reason ? [reason] : [];
      });
    }
  }

  async recordsOfIds(matches: (id: string) => boolean, slices: SlicedWork): Promise<ReadonlySet<number> | undefined> {
    const { table } = this;
    const index = traceIndexOf(table);
    const columns = LINK_COLUMNS.filter((c) => table.columns.has(c));
    const records = new Set<number>();
    const keys = new Set<string>();
    for (let r = 0; r < table.rows.length; r++) {
      if (slices.step() && !(await slices.next())) return undefined;
      const row = table.rows[r]!;
      if (!columns.some((column) => { const id = traceValue(table, traceField(table, row, column)); return id !== '' && matches(id); })) continue;
      records.add(r);
      keys.add(traceMessageKey(table, r));
    }
    for (const key of keys) for (const r of index.messages.get(key) ?? []) records.add(r);
    return records;
  }

  /** The recipient outcomes of a row, read once for all the fields asked of it. */
  private outcomes(record: number): RecipientTraceOutcome[] {
    if (record !== this.lastRow) {
      this.lastRow = record;
      this.lastOutcomes = rowRecipientOutcomes(this.table, this.table.rows[record]!, this.traceReplies);
    }
    return this.lastOutcomes;
  }

  /** Values of the first of `columns` the report has; `split` reads a semicolon list. */
  private columns(record: number, columns: readonly string[], split = false): string[] {
    const { table } = this;
    const row = table.rows[record]!;
    const column = columns.find((c) => table.columns.has(c));
    if (!column) return [];
    const field = traceField(table, row, column);
    if (field < 0) return [];
    if (split) {
      const { start, end } = traceValueRange(table, field);
      return splitPieces(table.text, start, end, CharCode.Semicolon).map((piece) => piece.text);
    }
    const value = traceValue(table, field);
    return value ? [value] : [];
  }
}

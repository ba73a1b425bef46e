// What hovers, references, the outline and problems read across rows of a message trace: each
// row's time, the rows of each message, and the rows carrying each value of an ID column. Built
// row by row, so validation can build it in its cancellable slices.

import { parseTraceTime } from './traceDates';
import { type TraceTable, traceColumnValue, traceField, traceValue } from './traceTable';

/** The ID columns that tie rows together (lower case), for references and highlights. */
export const LINK_COLUMNS: readonly string[] = ['message_id', 'network_message_id', 'internal_message_id', 'messageid', 'messagetraceid'];

/** What identifies a row's message, in order of preference. */
const MESSAGE_KEY_COLUMNS: readonly string[] = ['network_message_id', 'messagetraceid', 'message_id', 'messageid', 'internal_message_id'];

export interface TraceIndex {
  /** Each row's time in ms (see parseTraceTime); NaN when it has none that reads. */
  readonly times: Float64Array;
  /** The newest time of the file; NaN when no row has one. */
  readonly newest: number;
  /** Lower-case column → value → row indexes, in file order. */
  readonly links: ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>;
  /** Message key → row indexes, in file order; Map order is the order messages first appear. */
  readonly messages: ReadonlyMap<string, readonly number[]>;
}

/** What identifies a row's message: the first ID column with a value, else its time, sender and subject. */
export function traceMessageKey(table: TraceTable, rowIndex: number): string {
  const row = table.rows[rowIndex]!;
  for (const column of MESSAGE_KEY_COLUMNS) {
    const value = traceColumnValue(table, row, column);
    if (value) return value;
  }
  const time = table.timeColumn >= 0 && table.timeColumn < row.fieldCount ? traceValue(table, row.firstField + table.timeColumn) : '';
  return `${time}\u0000${traceColumnValue(table, row, 'sender')}\u0000${traceColumnValue(table, row, 'subject')}`;
}

export class TraceIndexBuilder {
  private readonly times: Float64Array;
  private newest = Number.NaN;
  private readonly links = new Map<string, Map<string, number[]>>();
  private readonly messages = new Map<string, number[]>();
  private readonly linkColumns: string[];

  constructor(private readonly table: TraceTable) {
    this.times = new Float64Array(table.rows.length).fill(Number.NaN);
    this.linkColumns = LINK_COLUMNS.filter((c) => table.columns.has(c));
    for (const column of this.linkColumns) this.links.set(column, new Map());
  }

  addRow(index: number): void {
    const { table } = this;
    const row = table.rows[index]!;
    if (table.timeColumn >= 0 && table.timeColumn < row.fieldCount) {
      const time = parseTraceTime(traceValue(table, row.firstField + table.timeColumn), table.dates);
      this.times[index] = time;
      if (!Number.isNaN(time) && !(time <= this.newest)) this.newest = time;
    }
    for (const column of this.linkColumns) {
      const field = traceField(table, row, column);
      const value = traceValue(table, field);
      if (!value) continue;
      push(this.links.get(column)!, value, index);
    }
    push(this.messages, traceMessageKey(table, index), index);
  }

  finish(): TraceIndex {
    return { times: this.times, newest: this.newest, links: this.links, messages: this.messages };
  }
}

function push(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (list) list.push(index); else map.set(key, [index]);
}

/** The index in one synchronous pass, for a request that comes before validation built it. */
export function buildTraceIndex(table: TraceTable): TraceIndex {
  const builder = new TraceIndexBuilder(table);
  for (let i = 0; i < table.rows.length; i++) builder.addRow(i);
  return builder.finish();
}

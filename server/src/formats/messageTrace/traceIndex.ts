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
  private readonly linkMaps: Map<string, number[]>[];
  /** Positions in linkColumns of the message key columns the report has, in order of preference. */
  private readonly keyColumns: number[];
  /** One row's values of the link columns, reused row after row. */
  private readonly values: string[];
  /** The rows of a message follow each other: the last value's list is kept for the next row. */
  private readonly lastLinks: ({ value: string; list: number[] } | undefined)[];
  private lastMessage: { value: string; list: number[] } | undefined;

  constructor(private readonly table: TraceTable) {
    this.times = new Float64Array(table.rows.length).fill(Number.NaN);
    this.linkColumns = LINK_COLUMNS.filter((c) => table.columns.has(c));
    this.linkMaps = this.linkColumns.map((column) => {
      const map = new Map<string, number[]>();
      this.links.set(column, map);
      return map;
    });
    this.keyColumns = MESSAGE_KEY_COLUMNS.map((c) => this.linkColumns.indexOf(c)).filter((i) => i >= 0);
    this.values = this.linkColumns.map(() => '');
    this.lastLinks = this.linkColumns.map(() => undefined);
  }

  addRow(index: number): void {
    const { table, values } = this;
    const row = table.rows[index]!;
    if (table.timeColumn >= 0 && table.timeColumn < row.fieldCount) {
      const time = parseTraceTime(traceValue(table, row.firstField + table.timeColumn), table.dates);
      this.times[index] = time;
      if (!Number.isNaN(time) && !(time <= this.newest)) this.newest = time;
    }
    for (let c = 0; c < values.length; c++) {
      const value = traceValue(table, traceField(table, row, this.linkColumns[c]!));
      values[c] = value;
      if (!value) continue;
      const last = this.lastLinks[c];
      if (last?.value === value) last.list.push(index);
      else this.lastLinks[c] = { value, list: push(this.linkMaps[c]!, value, index) };
    }
    // As traceMessageKey: the first message key column with a value, else the time, sender and subject.
    let key: string | undefined;
    for (const c of this.keyColumns) if (values[c]) { key = values[c]; break; }
    key ??= traceMessageKey(table, index);
    if (this.lastMessage?.value === key) this.lastMessage.list.push(index);
    else this.lastMessage = { value: key, list: push(this.messages, key, index) };
  }

  finish(): TraceIndex {
    return { times: this.times, newest: this.newest, links: this.links, messages: this.messages };
  }
}

/** Adds a row to a key's list and returns the list. */
function push(map: Map<string, number[]>, key: string, index: number): number[] {
  const list = map.get(key);
  if (list) { list.push(index); return list; }
  const created = [index];
  map.set(key, created);
  return created;
}

/** The index in one synchronous pass, for a request that comes before validation built it. */
export function buildTraceIndex(table: TraceTable): TraceIndex {
  const builder = new TraceIndexBuilder(table);
  for (let i = 0; i < table.rows.length; i++) builder.addRow(i);
  return builder.finish();
}

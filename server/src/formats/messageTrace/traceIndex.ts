// What hovers, references, the outline and problems read across rows of a message trace: each
// row's time, the rows of each message, and the rows carrying each value of an ID column. Built
// row by row, so validation can build it in its cancellable slices; the ID columns are read
// when a hover or a reference first asks for one.

import { parseTraceTime, parseTraceTimeAt } from './traceDates';
import { type TraceTable, traceColumnValue, traceField, traceValue, traceValueRange } from './traceTable';
import { ESCAPED_QUOTES, TEXT_AFTER_QUOTE } from '../csv';

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
  private readonly messages = new Map<string, number[]>();
  /** The rows of a message follow each other: the last key's list is kept for the next row. */
  private lastMessage: { value: string; list: number[] } | undefined;

  constructor(private readonly table: TraceTable) {
    this.times = new Float64Array(table.rows.length).fill(Number.NaN);
  }

  addRow(index: number): void {
    const { table } = this;
    const row = table.rows[index]!;
    if (table.timeColumn >= 0 && table.timeColumn < row.fieldCount) {
      const time = rowTime(table, row.firstField + table.timeColumn);
      this.times[index] = time;
      if (!Number.isNaN(time) && !(time <= this.newest)) this.newest = time;
    }
    const key = traceMessageKey(table, index);
    if (this.lastMessage?.value === key) this.lastMessage.list.push(index);
    else this.lastMessage = { value: key, list: push(this.messages, key, index) };
  }

  finish(): TraceIndex {
    return { times: this.times, newest: this.newest, links: new LinkColumns(this.table), messages: this.messages };
  }
}

/** A time field read as parseTraceTime reads its value, in place when it is not quoted. */
function rowTime(table: TraceTable, field: number): number {
  const flags = table.fields.flags[field]!;
  if (flags & (ESCAPED_QUOTES | TEXT_AFTER_QUOTE)) return parseTraceTime(traceValue(table, field), table.dates);
  const { start, end } = traceValueRange(table, field);
  return parseTraceTimeAt(table.text, start, end, table.dates);
}

type ValueRows = ReadonlyMap<string, readonly number[]>;

/**
 * The rows of each value of each ID column, a column read the first time a hover or a reference
 * asks for it: problems never need them, and most hovers need one column at most.
 */
class LinkColumns implements ReadonlyMap<string, ValueRows> {
  private readonly built = new Map<string, Map<string, number[]>>();
  private readonly columns: readonly string[];

  constructor(private readonly table: TraceTable) {
    this.columns = LINK_COLUMNS.filter((c) => table.columns.has(c));
  }

  get size(): number { return this.columns.length; }

  has(column: string): boolean { return this.columns.includes(column); }

  get(column: string): ValueRows | undefined {
    if (!this.has(column)) return undefined;
    let map = this.built.get(column);
    if (!map) this.built.set(column, map = linkColumn(this.table, column));
    return map;
  }

  *entries(): MapIterator<[string, ValueRows]> {
    for (const column of this.columns) yield [column, this.get(column)!];
  }

  *keys(): MapIterator<string> { yield* this.columns; }

  *values(): MapIterator<ValueRows> {
    for (const column of this.columns) yield this.get(column)!;
  }

  [Symbol.iterator](): MapIterator<[string, ValueRows]> { return this.entries(); }

  forEach(callback: (value: ValueRows, key: string, map: ReadonlyMap<string, ValueRows>) => void): void {
    for (const [column, rows] of this.entries()) callback(rows, column, this);
  }
}

/** Value → rows of one ID column, in file order. */
function linkColumn(table: TraceTable, column: string): Map<string, number[]> {
  const map = new Map<string, number[]>();
  let last: { value: string; list: number[] } | undefined;
  for (let i = 0; i < table.rows.length; i++) {
    const value = traceValue(table, traceField(table, table.rows[i]!, column));
    if (!value) continue;
    if (last?.value === value) last.list.push(i);
    else last = { value, list: push(map, value, i) };
  }
  return map;
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

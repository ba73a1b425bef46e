// What hovers, references, the outline and problems read across rows of a message trace: each
// row's time, the rows of each message, and the rows carrying each value of an ID column. Built
// row by row, so validation can build it in its cancellable slices; the ID columns are read
// when a hover or a reference first asks for one.

import { parseTraceTime, parseTraceTimeAt } from './traceDates';
import { type TraceRow, type TraceTable, traceColumnValue, traceField, traceValue, traceValueRange } from './traceTable';
import { ESCAPED_QUOTES, QUOTED, TEXT_AFTER_QUOTE } from '../csv';
import { CharCode } from '../../common/charCode';

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
  return messageKeyOf(table, table.rows[rowIndex]!).key;
}

/** A row's message key and the column index it was read from (-1 for time, sender and subject). */
function messageKeyOf(table: TraceTable, row: TraceRow): { key: string; column: number } {
  for (const column of MESSAGE_KEY_COLUMNS) {
    const value = traceColumnValue(table, row, column);
    if (value) return { key: value, column: table.columns.get(column)! };
  }
  const time = table.timeColumn >= 0 && table.timeColumn < row.fieldCount ? traceValue(table, row.firstField + table.timeColumn) : '';
  return { key: `${time}\u0000${traceColumnValue(table, row, 'sender')}\u0000${traceColumnValue(table, row, 'subject')}`, column: -1 };
}

/** The indexes of the key columns the report has, in order of preference. */
function keyColumnsOf(table: TraceTable): number[] {
  return MESSAGE_KEY_COLUMNS.flatMap((name) => {
    const index = table.columns.get(name);
    return index === undefined ? [] : [index];
  });
}

/**
 * Offsets of a field's value when it can be read in place: not quoted, or quoted with nothing to
 * undo, and with no blank or control character at either end for trim() to take. -1 otherwise.
 */
function plainValueStart(table: TraceTable, field: number): number {
  const flags = table.fields.flags[field]!;
  if (flags !== 0 && flags !== QUOTED) return -1;
  const start = table.fields.starts[field]! + flags;
  const end = table.fields.ends[field]! - flags;
  if (end <= start) return end === start ? start : -1;
  return isPrintable(table.text.charCodeAt(start)) && isPrintable(table.text.charCodeAt(end - 1)) ? start : -1;
}

/** Printable ASCII other than the space: never trimmed. */
const isPrintable = (c: number): boolean => c > CharCode.Space && c < 127;

export class TraceIndexBuilder {
  private readonly times: Float64Array;
  private newest = Number.NaN;
  private readonly messages = new Map<string, number[]>();
  /** The rows of a message follow each other: the last key's list is kept for the next row. */
  private lastMessage: { value: string; column: number; list: number[] } | undefined;
  private readonly keyColumns: readonly number[];

  constructor(private readonly table: TraceTable) {
    this.times = new Float64Array(table.rows.length).fill(Number.NaN);
    this.keyColumns = keyColumnsOf(table);
  }

  addRow(index: number): void {
    const { table } = this;
    const row = table.rows[index]!;
    if (table.timeColumn >= 0 && table.timeColumn < row.fieldCount) {
      const time = rowTime(table, row.firstField + table.timeColumn);
      this.times[index] = time;
      if (!Number.isNaN(time) && !(time <= this.newest)) this.newest = time;
    }
    const last = this.lastMessage;
    if (last && this.sameKeyAs(row, last)) { last.list.push(index); return; }
    const { key, column } = messageKeyOf(table, row);
    if (last?.value === key) { last.list.push(index); return; }
    this.lastMessage = { value: key, column, list: push(this.messages, key, index) };
  }

  /**
   * Says, without copying a value out, that a row's message key is `last`'s: the column `last` was
   * read from holds the same characters, and every column preferred to it is empty. False when
   * that cannot be told in place (quotes to undo, blanks to trim): the key is then read as usual.
   */
  private sameKeyAs(row: TraceRow, last: { value: string; column: number }): boolean {
    const { table } = this;
    for (const column of this.keyColumns) {
      if (column >= row.fieldCount) {
        if (column === last.column) return false;
        continue;
      }
      const field = row.firstField + column;
      const start = plainValueStart(table, field);
      if (start < 0) return false;
      const length = table.fields.ends[field]! - table.fields.flags[field]! - start;
      if (column === last.column) return length === last.value.length && table.text.startsWith(last.value, start);
      if (length > 0) return false;
    }
    return false;
  }

  /** The time of a row added already (see TraceIndex.times). */
  timeOf(index: number): number {
    return this.times[index]!;
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

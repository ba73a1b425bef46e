// Reading a parsed Exchange log back: a row's fields by column, decoded values and their ranges,
// and what sits on a line or at an offset. Every search is a binary search over rows in file order.

import { CharCode } from '../common/charCode';
import { fieldValue, valueRange } from './csv';
import type { Directive, ExchangeLog, LogRow } from './exchangeLog';

/**
 * The last index in [lo, hi] for which `isAtOrBefore` holds, or -1. `isAtOrBefore` must hold for a
 * prefix of the range and fail after it (as "starts before offset" does on rows in file order).
 */
export function lastIndexWhere(lo: number, hi: number, isAtOrBefore: (index: number) => boolean): number {
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (isAtOrBefore(mid)) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/** The row has as many fields as its columns: only such rows are grouped into messages and sessions. */
export function isWellFormed(row: LogRow): boolean {
  return row.fieldCount === row.schema.names.length;
}

/** Field index (into log.fields) of a named column in a row, or -1 when the row lacks it. */
export function fieldOf(row: LogRow, column: string): number {
  const i = row.schema.columns.get(column);
  return i === undefined || i >= row.fieldCount ? -1 : row.firstField + i;
}

/** The decoded value of a field index, "" for -1. */
export function valueOf(log: ExchangeLog, field: number): string {
  if (field < 0) return '';
  const { fields } = log;
  return fieldValue(log.text, fields.starts[field]!, fields.ends[field]!, fields.flags[field]!);
}

export function columnValue(log: ExchangeLog, row: LogRow, column: string): string {
  return valueOf(log, fieldOf(row, column));
}

/** Raw range of a field (quotes included). */
export function fieldRange(log: ExchangeLog, field: number): { start: number; end: number } {
  return { start: log.fields.starts[field]!, end: log.fields.ends[field]! };
}

/** Range of a field's value, inside its quotes. */
export function fieldValueRange(log: ExchangeLog, field: number): { start: number; end: number } {
  const { fields } = log;
  return valueRange(log.text, fields.starts[field]!, fields.ends[field]!, fields.flags[field]!);
}

/** Index of the row covering a line, or -1. Rows are in line order. */
export function rowAtLine(log: ExchangeLog, line: number): number {
  const { rows } = log;
  const found = lastIndexWhere(0, rows.length - 1, (i) => rows[i]!.line <= line);
  return found >= 0 && line < rows[found]!.line + rows[found]!.lineCount ? found : -1;
}

/** The directive on a line, if the line is one. */
export function directiveAtLine(log: ExchangeLog, line: number): Directive | undefined {
  const { directives } = log;
  const found = directives[lastIndexWhere(0, directives.length - 1, (i) => directives[i]!.line <= line)];
  return found?.line === line ? found : undefined;
}

/**
 * Index (into log.fields) of the field of `row` holding `offset`, or -1 (on a comma, or past the
 * end). With `touching`, an offset just after a field's last character counts too, as a caret does.
 */
export function fieldAtOffset(log: ExchangeLog, row: LogRow, offset: number, touching = false): number {
  const { starts, ends } = log.fields;
  const found = lastIndexWhere(row.firstField, row.firstField + row.fieldCount - 1, (i) => starts[i]! <= offset);
  if (found < 0) return -1;
  const end = ends[found]!;
  if (offset < end || (touching && offset === end && end > starts[found]!)) return found;
  return -1;
}

/**
 * Line and character of an offset inside a row. Single-line rows need no search; rows with line
 * breaks in quoted fields are walked from their start.
 */
export function positionInRow(log: ExchangeLog, row: LogRow, offset: number): { line: number; character: number } {
  // A row on line 0 may follow a byte order mark, which is part of that line.
  const firstLineStart = row.line === 0 ? 0 : row.start;
  if (row.lineCount === 1) return { line: row.line, character: offset - firstLineStart };
  const { text } = log;
  let line = row.line;
  let lineStart = firstLineStart;
  for (let k = row.start; k < offset; k++) {
    const c = text.charCodeAt(k);
    if (c === CharCode.LineFeed) { line++; lineStart = k + 1; }
    else if (c === CharCode.CarriageReturn) {
      if (text.charCodeAt(k + 1) === CharCode.LineFeed) k++;
      line++;
      lineStart = k + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** Offset of a line/character position that falls inside a row. */
export function offsetInRow(log: ExchangeLog, row: LogRow, line: number, character: number): number {
  const firstLineStart = row.line === 0 ? 0 : row.start;
  if (row.lineCount === 1 || line === row.line) return firstLineStart + character;
  const { text } = log;
  let current = row.line;
  let k = row.start;
  while (current < line && k < row.end) {
    const c = text.charCodeAt(k);
    if (c === CharCode.LineFeed) current++;
    else if (c === CharCode.CarriageReturn) { if (text.charCodeAt(k + 1) === CharCode.LineFeed) k++; current++; }
    k++;
  }
  return k + character;
}

/** UTC timestamp as Exchange writes it: yyyy-mm-ddThh:mm:ss with optional fraction, then Z. */
export function isValidTimestamp(text: string, start: number, end: number): boolean {
  return !Number.isNaN(utcMsAt(text, start, end));
}

/**
 * Milliseconds since 1970 of a field holding a timestamp as Exchange writes it (isValidTimestamp
 * says which); NaN otherwise. Read from the digits in place: the mail flow report reads every row's.
 */
export function timestampMs(log: ExchangeLog, field: number): number {
  if (field < 0) return Number.NaN;
  const { start, end } = fieldValueRange(log, field);
  return utcMsAt(log.text, start, end);
}

/**
 * The time `text` writes from `start` to `end` in Exchange's UTC form, or NaN. In place, with no
 * closure and no Date object: the Problems panel checks every row's.
 */
function utcMsAt(text: string, start: number, end: number): number {
  const len = end - start;
  if (len < 20 || len > 28 || text.charCodeAt(start + 10) !== CharCode.UpperT || text.charCodeAt(end - 1) !== CharCode.UpperZ
    || text.charCodeAt(start + 4) !== CharCode.Dash || text.charCodeAt(start + 7) !== CharCode.Dash
    || text.charCodeAt(start + 13) !== CharCode.Colon || text.charCodeAt(start + 16) !== CharCode.Colon) return Number.NaN;
  // A digit out of place reads as a negative number.
  const year = digitsAt(text, start, 4);
  const month = digitsAt(text, start + 5, 2);
  const day = digitsAt(text, start + 8, 2);
  const hour = digitsAt(text, start + 11, 2);
  const minute = digitsAt(text, start + 14, 2);
  const second = digitsAt(text, start + 17, 2);
  if (year < 1900 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return Number.NaN;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31)) return Number.NaN;
  let ms = 0;
  if (len > 20) {
    if (text.charCodeAt(start + 19) !== CharCode.Dot) return Number.NaN;
    const digits = len - 21;
    const fraction = digits >= 1 && digits <= 7 ? digitsAt(text, start + 20, digits) : -1;
    if (fraction < 0) return Number.NaN;
    ms = digits <= 3 ? fraction * 10 ** (3 - digits) : Math.floor(fraction / 10 ** (digits - 3));
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

/** The number the `count` ASCII digits at `from` write; -1 when one is not a digit. */
export function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - CharCode.Digit0;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

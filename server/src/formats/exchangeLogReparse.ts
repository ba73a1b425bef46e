// Re-reading a log after edits: only the rows the edits touched are read again; the rows after them
// keep their fields with moved offsets.

import { afterLineBreak, FieldStore, type StoredRecord } from './csv';
import { CharCode } from '../common/charCode';
import { type ExchangeLog, type LogKind, type LogRow, parseExchangeLog, type ParseState, parseStateOf, readRow, RECORD_START_SPAN, rememberParseState } from './exchangeLog';
import { lastIndexWhere } from './exchangeLogLookups';

/**
 * Which rows of a reparsed log were taken over from the log before: rows [0, keptBefore) unchanged,
 * rows [keptBefore, freshEnd) read again, and rows from freshEnd on are the previous log's rows
 * from `resumedFrom` on, moved.
 */
export interface RowReuse {
  readonly keptBefore: number;
  readonly freshEnd: number;
  readonly resumedFrom: number;
}

const rowReuses = new WeakMap<ExchangeLog, RowReuse>();

/** How `log` reused the rows of the log it was reparsed from; undefined when it was parsed whole. */
export function rowReuseOf(log: ExchangeLog): RowReuse | undefined {
  return rowReuses.get(log);
}

/** Characters compared at once when looking for where two versions of a text differ. */
const COMPARE_CHUNK = 1 << 16;

/** Length of the common start of `a` and `b`, up to `limit`. */
export function commonPrefix(a: string, b: string, limit: number): number {
  let k = 0;
  while (k + COMPARE_CHUNK <= limit && a.slice(k, k + COMPARE_CHUNK) === b.slice(k, k + COMPARE_CHUNK)) k += COMPARE_CHUNK;
  while (k < limit && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  return k;
}

/** Length of the common end of `a` and `b`, up to `limit`. */
export function commonSuffix(a: string, b: string, limit: number): number {
  let k = 0;
  const chunkEndingAt = (s: string, end: number): string => s.slice(s.length - end - COMPARE_CHUNK, s.length - end);
  while (k + COMPARE_CHUNK <= limit && chunkEndingAt(a, k) === chunkEndingAt(b, k)) k += COMPARE_CHUNK;
  while (k < limit && a.charCodeAt(a.length - 1 - k) === b.charCodeAt(b.length - 1 - k)) k++;
  return k;
}

/**
 * The log of `text`, reusing `previous` (the log of an earlier version of the same document): only
 * the rows the edits touched are read again, and the rows after them keep their fields with moved
 * offsets. Edits in or before the last header, or that write a header line, parse the whole text.
 */
export function reparseExchangeLog(previous: ExchangeLog, text: string, fallbackKind: LogKind): ExchangeLog {
  const old = previous.text;
  if (old === text) return previous;
  const state = parseStateOf(previous);
  const rows = previous.rows;
  if (!state || state.fallbackKind !== fallbackKind || rows.length === 0) return parseExchangeLog(text, fallbackKind);
  const prefix = commonPrefix(old, text, Math.min(old.length, text.length));
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
  const shift = text.length - old.length;
  const changedEnd = text.length - suffix; // in the new text

  // The first row that may change: the one holding the character before the edit, or the one
  // before it when the edit is where startsRecord looks: it may decide whether that line starts a
  // record, and so where an unclosed quote in the row before ends.
  const touched = lastRowStartingBefore(rows, prefix);
  const first = touched > 0 && prefix < rows[touched]!.start + RECORD_START_SPAN ? touched - 1 : touched;
  const lastDirective = previous.directives[previous.directives.length - 1];
  if (first < 0 || (lastDirective && lastDirective.end >= rows[first]!.start)) return parseExchangeLog(text, fallbackKind);

  const resumed: ParseState = { ...state, block: rows[first]!.block, inHeader: false };
  const scanned = new FieldStore(256);
  const fresh: LogRow[] = [];
  let pos = rows[first]!.start;
  let line = rows[first]!.line;
  let resumeAt = -1; // index of the first old row read again unchanged
  const n = text.length;
  while (pos < n) {
    if (pos >= changedEnd) {
      const same = rowStartingAt(rows, pos - shift, first);
      if (same >= 0) { resumeAt = same; break; }
    }
    const c = text.charCodeAt(pos);
    if (c === CharCode.Hash) return parseExchangeLog(text, fallbackKind);
    if (c === CharCode.CarriageReturn || c === CharCode.LineFeed) {
      pos = afterLineBreak(text, pos);
      line++;
      continue;
    }
    const { row, next } = readRow(text, pos, line, scanned, resumed);
    fresh.push(row);
    line += row.lineCount;
    if (next === pos) break;
    pos = next;
  }

  const { rows: result, fields: store } = spliceRows(previous.rows, previous.fields, first, fresh, scanned, resumeAt, shift, line);
  const log: ExchangeLog = { text, kind: previous.kind, blocks: previous.blocks, directives: previous.directives, rows: result, fields: store };
  rememberParseState(log, state);
  rowReuses.set(log, { keptBefore: first, freshEnd: first + fresh.length, resumedFrom: resumeAt >= 0 ? resumeAt : rows.length });
  return log;
}

/** Index of the last row starting before `offset`, or -1. */
function lastRowStartingBefore(rows: readonly LogRow[], offset: number): number {
  return lastIndexWhere(0, rows.length - 1, (i) => rows[i]!.start < offset);
}

/** Index of the row (at or after `from`) starting exactly at `offset`, or -1. */
export function rowStartingAt(rows: readonly StoredRecord[], offset: number, from: number): number {
  const found = lastIndexWhere(from, rows.length - 1, (i) => rows[i]!.start <= offset);
  return found >= 0 && rows[found]!.start === offset ? found : -1;
}

/**
 * The rows and fields of a new version: the previous rows before `first` as they were, the rows read
 * again (`fresh`, their fields in `freshFields`), then, when `resumeAt` >= 0, the previous rows from
 * there on, moved by `shift` characters and to start at line `line` (where the reading stopped).
 */
export function spliceRows<R extends StoredRecord>(
  rows: readonly R[], fields: FieldStore, first: number, fresh: readonly R[], freshFields: FieldStore, resumeAt: number, shift: number, line: number,
): { rows: R[]; fields: FieldStore } {
  const keptFields = rows[first]!.firstField;
  const tailFields = resumeAt >= 0 ? fields.length - rows[resumeAt]!.firstField : 0;
  const store = new FieldStore(keptFields + freshFields.length + tailFields + 1);
  store.appendShifted(fields, 0, keptFields, 0);
  store.appendShifted(freshFields, 0, freshFields.length, 0);
  const result: R[] = rows.slice(0, first);
  for (const row of fresh) result.push({ ...row, firstField: row.firstField + keptFields });
  if (resumeAt >= 0) {
    const fieldShift = store.length - rows[resumeAt]!.firstField;
    const lineShift = line - rows[resumeAt]!.line;
    store.appendShifted(fields, rows[resumeAt]!.firstField, fields.length, shift);
    for (let i = resumeAt; i < rows.length; i++) {
      const row = rows[i]!;
      result.push({ ...row, start: row.start + shift, end: row.end + shift, line: row.line + lineShift, firstField: row.firstField + fieldShift });
    }
  }
  return { rows: result, fields: store };
}

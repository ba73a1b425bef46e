// Exchange transport logs (message tracking and SMTP protocol logs): "#Name: value" header
// directives, then RFC 4180 rows whose columns the #Fields directive names. A log may start its
// header again part-way through, with other columns. Every directive, row and field keeps its offsets.

import { afterLineBreak, FieldStore, fieldValue, indexWithin, lineEnd, scanRecord, valueRange } from './csv';
import { knownTrackingFieldLists, PROTOCOL_FIELD_NAMES, trackingFieldCountOfBuild } from '../knowledge/exchangeLogFacts';

export type LogKind = 'tracking' | 'protocol';

export interface Directive {
  /** "Fields", "Version", ... as written, without the "#" and the colon. */
  readonly name: string;
  readonly value: string;
  readonly line: number;
  /** Offset of the "#". */
  readonly start: number;
  readonly valueStart: number;
  /** End of the line's content, before its line break. */
  readonly end: number;
}

/** The columns rows are read with. */
export interface LogSchema {
  readonly names: readonly string[];
  readonly columns: ReadonlyMap<string, number>;
  /** The #Fields directive that declared it; absent when the columns were inferred. */
  readonly declaredBy?: Directive;
  /** Offsets of each name on the #Fields line: [start0, end0, start1, end1, ...]. */
  readonly nameOffsets?: readonly number[];
}

export interface HeaderBlock {
  readonly startLine: number;
  endLine: number;
  readonly directives: Directive[];
  schema?: LogSchema;
  version?: string;
  kind?: LogKind;
}

export interface LogRow {
  readonly line: number;
  /** Lines the row spans: more than one when a quoted field holds a line break. */
  readonly lineCount: number;
  readonly start: number;
  readonly end: number;
  /** Index of the row's first field in the log's FieldStore. */
  readonly firstField: number;
  readonly fieldCount: number;
  readonly schema: LogSchema;
  /** The columns were inferred: no #Fields directive came before this row in its header. */
  readonly schemaInferred: boolean;
  readonly block: HeaderBlock | undefined;
}

export interface ExchangeLog {
  readonly text: string;
  /** From the first #Log-type directive; undefined when the file has none we recognise. */
  readonly kind: LogKind | undefined;
  readonly blocks: readonly HeaderBlock[];
  readonly directives: readonly Directive[];
  readonly rows: readonly LogRow[];
  readonly fields: FieldStore;
}

export function logKindOfType(type: string): LogKind | undefined {
  const lower = type.toLowerCase();
  if (lower.includes('message tracking')) return 'tracking';
  if (lower.includes('protocol log')) return 'protocol';
  return undefined;
}

const HASH = 35;
const COLON = 58;
const COMMA = 44;
const CR = 13;
const LF = 10;

/** What the parser carries from one line to the next; kept per log so a later version can resume from it. */
interface ParseState {
  block: HeaderBlock | undefined;
  inHeader: boolean;
  firstKind: LogKind | undefined;
  lastDeclared: LogSchema | undefined;
  readonly inferred: Map<string, LogSchema>;
  readonly fallbackKind: LogKind;
}

const parseStates = new WeakMap<ExchangeLog, ParseState>();

/**
 * Parses a whole log. `fallbackKind` (from the document's language) applies when no #Log-type
 * says what the file is.
 */
export function parseExchangeLog(text: string, fallbackKind: LogKind): ExchangeLog {
  const store = new FieldStore(fieldCapacity(text));
  const blocks: HeaderBlock[] = [];
  const directives: Directive[] = [];
  const rows: LogRow[] = [];
  const n = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  const state: ParseState = { block: undefined, inHeader: false, firstKind: undefined, lastDeclared: undefined, inferred: new Map(), fallbackKind };

  while (pos < n) {
    const c = text.charCodeAt(pos);
    if (c === HASH) {
      const end = lineEnd(text, pos);
      const directive = readDirective(text, pos, end, line);
      directives.push(directive);
      let { block } = state;
      if (!state.inHeader || !block) {
        block = state.block = { startLine: line, endLine: line, directives: [] };
        blocks.push(block);
        state.inHeader = true;
      }
      block.endLine = line;
      block.directives.push(directive);
      applyDirective(block, directive, text);
      if (block.kind && !state.firstKind) state.firstKind = block.kind;
      if (block.schema?.declaredBy === directive) state.lastDeclared = block.schema;
      pos = afterLineBreak(text, end);
      line++;
      continue;
    }
    if (c === CR || c === LF) {
      pos = afterLineBreak(text, pos);
      line++;
      continue;
    }
    const { row, next } = readRow(text, pos, line, store, state);
    rows.push(row);
    line += row.lineCount;
    if (next === pos) break;
    pos = next;
  }
  const log: ExchangeLog = { text, kind: state.firstKind ?? fallbackKind, blocks, directives, rows, fields: store };
  parseStates.set(log, state);
  return log;
}

/** Reads the record at `pos` as a row, with the columns the header before it declares or implies. */
function readRow(text: string, pos: number, line: number, store: FieldStore, state: ParseState): { row: LogRow; next: number } {
  state.inHeader = false;
  const { block } = state;
  const firstField = store.length;
  const record = scanRecord(text, pos, store, startsRecord);
  const fieldCount = store.length - firstField;
  let schema = block?.schema;
  let schemaInferred = false;
  if (!schema) {
    schemaInferred = true;
    schema = state.lastDeclared ?? inferSchema(block?.kind ?? state.firstKind ?? state.fallbackKind, block?.version, fieldCount, state.inferred);
  }
  const row: LogRow = { line, lineCount: record.innerLineBreaks + 1, start: pos, end: record.end, firstField, fieldCount, schema, schemaInferred, block };
  return { row, next: record.next };
}

/**
 * Fields a text can hold at most: one per comma plus one per line. Counting them first sizes the
 * store once, where doubling would hold the old and the new arrays at once for a moment.
 */
function fieldCapacity(text: string): number {
  let count = 1;
  for (let at = text.indexOf(',', 0); at >= 0; at = text.indexOf(',', at + 1)) count++;
  for (let at = text.indexOf('\n', 0); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  for (let at = text.indexOf('\r', 0); at >= 0; at = text.indexOf('\r', at + 1)) count++;
  return count;
}

/** Characters compared at once when looking for where two versions of a text differ. */
const COMPARE_CHUNK = 1 << 16;

/** Length of the common start of `a` and `b`, up to `limit`. */
function commonPrefix(a: string, b: string, limit: number): number {
  let k = 0;
  while (k + COMPARE_CHUNK <= limit && a.slice(k, k + COMPARE_CHUNK) === b.slice(k, k + COMPARE_CHUNK)) k += COMPARE_CHUNK;
  while (k < limit && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  return k;
}

/** Length of the common end of `a` and `b`, up to `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  let k = 0;
  while (k + COMPARE_CHUNK <= limit && a.slice(a.length - k - COMPARE_CHUNK, a.length - k) === b.slice(b.length - k - COMPARE_CHUNK, b.length - k)) k += COMPARE_CHUNK;
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
  const state = parseStates.get(previous);
  const rows = previous.rows;
  if (!state || state.fallbackKind !== fallbackKind || rows.length === 0) return parseExchangeLog(text, fallbackKind);
  const prefix = commonPrefix(old, text, Math.min(old.length, text.length));
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
  const shift = text.length - old.length;
  const changedEnd = text.length - suffix; // in the new text

  // The first row that may change: the one holding the character before the edit.
  const first = lastRowStartingBefore(rows, prefix);
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
    if (c === HASH) return parseExchangeLog(text, fallbackKind);
    if (c === CR || c === LF) {
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

  const keptFields = rows[first]!.firstField;
  const tailFields = resumeAt >= 0 ? previous.fields.length - rows[resumeAt]!.firstField : 0;
  const store = new FieldStore(keptFields + scanned.length + tailFields + 1);
  store.appendShifted(previous.fields, 0, keptFields, 0);
  store.appendShifted(scanned, 0, scanned.length, 0);
  const result: LogRow[] = rows.slice(0, first);
  for (const row of fresh) result.push({ ...row, firstField: row.firstField + keptFields });
  if (resumeAt >= 0) {
    const fieldShift = store.length - rows[resumeAt]!.firstField;
    const lineShift = line - rows[resumeAt]!.line;
    store.appendShifted(previous.fields, rows[resumeAt]!.firstField, previous.fields.length, shift);
    for (let i = resumeAt; i < rows.length; i++) {
      const row = rows[i]!;
      result.push({
        line: row.line + lineShift, lineCount: row.lineCount, start: row.start + shift, end: row.end + shift, firstField: row.firstField + fieldShift,
        fieldCount: row.fieldCount, schema: row.schema, schemaInferred: row.schemaInferred, block: row.block,
      });
    }
  }
  const log: ExchangeLog = { text, kind: previous.kind, blocks: previous.blocks, directives: previous.directives, rows: result, fields: store };
  parseStates.set(log, state);
  return log;
}

/** Index of the last row starting before `offset`, or -1. */
function lastRowStartingBefore(rows: readonly LogRow[], offset: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.start < offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/** Index of the row (at or after `from`) starting exactly at `offset`, or -1. */
function rowStartingAt(rows: readonly LogRow[], offset: number, from: number): number {
  let lo = from;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = rows[mid]!.start;
    if (start === offset) return mid;
    if (start < offset) lo = mid + 1; else hi = mid - 1;
  }
  return -1;
}

/**
 * Lines that can only begin a record or a header: a directive or a row's timestamp. A quote left
 * open never runs past them (Exchange writes no line breaks inside its quoted fields).
 */
function startsRecord(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos);
  if (c === HASH) return true;
  if (c < 48 || c > 57) return false;
  return text.charCodeAt(pos + 4) === 45 && text.charCodeAt(pos + 7) === 45 && text.charCodeAt(pos + 10) === 84 && isDigitAt(text, pos + 1) && isDigitAt(text, pos + 5);
}

const isDigitAt = (text: string, pos: number): boolean => {
  const c = text.charCodeAt(pos);
  return c >= 48 && c <= 57;
};

function readDirective(text: string, start: number, end: number, line: number): Directive {
  const colon = indexWithin(text, COLON, start, end);
  const nameEnd = colon >= 0 ? colon : end;
  let valueStart = Math.min(nameEnd + 1, end);
  while (valueStart < end && (text.charCodeAt(valueStart) === 32 || text.charCodeAt(valueStart) === 9)) valueStart++;
  return { name: text.slice(start + 1, nameEnd).trim(), value: text.slice(valueStart, end).trimEnd(), line, start, valueStart, end };
}

function applyDirective(block: HeaderBlock, directive: Directive, text: string): void {
  switch (directive.name.toLowerCase()) {
    case 'version':
      block.version = directive.value;
      break;
    case 'log-type':
      block.kind = logKindOfType(directive.value);
      break;
    case 'fields': {
      const names: string[] = [];
      const nameOffsets: number[] = [];
      let from = directive.valueStart;
      for (;;) {
        let to = indexWithin(text, COMMA, from, directive.end);
        if (to < 0) to = directive.end;
        let s = from;
        let e = to;
        while (s < e && text.charCodeAt(s) === 32) s++;
        while (e > s && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
        names.push(text.slice(s, e).toLowerCase());
        nameOffsets.push(s, e);
        if (to >= directive.end) break;
        from = to + 1;
      }
      block.schema = makeSchema(names, directive, nameOffsets);
      break;
    }
    default:
      break;
  }
}

function makeSchema(names: readonly string[], declaredBy?: Directive, nameOffsets?: readonly number[]): LogSchema {
  const columns = new Map<string, number>();
  names.forEach((name, i) => { if (!columns.has(name)) columns.set(name, i); });
  return declaredBy ? { names, columns, declaredBy, ...(nameOffsets ? { nameOffsets } : {}) } : { names, columns };
}

/**
 * Columns for rows no #Fields line describes: the protocol log's nine, or the tracking list whose
 * length matches the row (Exchange 2010, 2013 and 2016+ write 26, 27 and 30 fields), else the one
 * the #Version build writes.
 */
function inferSchema(kind: LogKind, version: string | undefined, fieldCount: number, cache: Map<string, LogSchema>): LogSchema {
  let names: readonly string[];
  if (kind === 'protocol') names = PROTOCOL_FIELD_NAMES;
  else {
    const lists = knownTrackingFieldLists();
    const wanted = version ? trackingFieldCountOfBuild(version) : undefined;
    names = lists.find((l) => l.length === fieldCount) ?? lists.find((l) => l.length === wanted) ?? lists[0]!;
  }
  const key = `${kind}:${names.length}`;
  let schema = cache.get(key);
  if (!schema) cache.set(key, schema = makeSchema(names));
  return schema;
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
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const row = rows[mid]!;
    if (line < row.line) hi = mid - 1;
    else if (line >= row.line + row.lineCount) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The directive on a line, if the line is one. */
export function directiveAtLine(log: ExchangeLog, line: number): Directive | undefined {
  const { directives } = log;
  let lo = 0;
  let hi = directives.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = directives[mid]!;
    if (line < d.line) hi = mid - 1;
    else if (line > d.line) lo = mid + 1;
    else return d;
  }
  return undefined;
}

/**
 * Index (into log.fields) of the field of `row` holding `offset`, or -1 (on a comma, or past the
 * end). With `touching`, an offset just after a field's last character counts too, as a caret does.
 */
export function fieldAtOffset(log: ExchangeLog, row: LogRow, offset: number, touching = false): number {
  const { starts, ends } = log.fields;
  let lo = row.firstField;
  let hi = row.firstField + row.fieldCount - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
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
    if (c === LF) { line++; lineStart = k + 1; }
    else if (c === CR) {
      if (text.charCodeAt(k + 1) === LF) k++;
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
    if (c === LF) current++;
    else if (c === CR) { if (text.charCodeAt(k + 1) === LF) k++; current++; }
    k++;
  }
  return k + character;
}

/** UTC timestamp as Exchange writes it: yyyy-mm-ddThh:mm:ss with optional fraction, then Z. */
export function isValidTimestamp(text: string, start: number, end: number): boolean {
  const len = end - start;
  if (len < 20 || len > 28) return false;
  const d = (i: number): number => {
    const c = text.charCodeAt(start + i) - 48;
    return c >= 0 && c <= 9 ? c : -100;
  };
  const at = (i: number, ch: number): boolean => text.charCodeAt(start + i) === ch;
  if (!at(4, 45) || !at(7, 45) || !at(10, 84) || !at(13, 58) || !at(16, 58)) return false;
  const year = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3);
  const month = d(5) * 10 + d(6);
  const day = d(8) * 10 + d(9);
  const hour = d(11) * 10 + d(12);
  const minute = d(14) * 10 + d(15);
  const second = d(17) * 10 + d(18);
  if (year < 1900 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  if (day > days) return false;
  let k = 19;
  if (at(k, 46)) {
    k++;
    const fractionStart = k;
    while (k < len && d(k) >= 0) k++;
    if (k === fractionStart || k - fractionStart > 7) return false;
  }
  return k === len - 1 && at(k, 90);
}

const valueIndexes = new WeakMap<ExchangeLog, Map<string, Map<string, number[]>>>();

/** Row indexes holding each value of a column (well-formed rows only); built once per parsed log and column. */
export function rowsByColumnValue(log: ExchangeLog, column: string): ReadonlyMap<string, readonly number[]> {
  let perColumn = valueIndexes.get(log);
  if (!perColumn) valueIndexes.set(log, perColumn = new Map());
  let index = perColumn.get(column);
  if (!index) {
    index = new Map();
    log.rows.forEach((row, i) => {
      if (!isWellFormed(row)) return;
      const value = valueOf(log, fieldOf(row, column));
      if (!value) return;
      const list = index!.get(value);
      if (list) list.push(i); else index!.set(value, [i]);
    });
    perColumn.set(column, index);
  }
  return index;
}

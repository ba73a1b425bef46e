// Exchange transport logs (message tracking and SMTP protocol logs): "#Name: value" header
// directives, then RFC 4180 rows whose columns the #Fields directive names. A log may start its
// header again part-way through, with other columns. Every directive, row and field keeps its offsets.
// Reading fields back is in exchangeLogLookups.ts, re-reading after edits in exchangeLogReparse.ts.

import { CharCode } from '../common/charCode';
import { afterLineBreak, CHARACTER_STOPS, FieldStore, indexWithin, lineEnd, type RecordStartTest, scanRecord, SeekingStops, type StopFinder, type StoredRecord } from './csv';
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

export interface LogRow extends StoredRecord {
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

/** What the parser carries from one line to the next; kept per log so a later version can resume from it. */
export interface ParseState {
  block: HeaderBlock | undefined;
  inHeader: boolean;
  firstKind: LogKind | undefined;
  lastDeclared: LogSchema | undefined;
  readonly inferred: Map<string, LogSchema>;
  readonly fallbackKind: LogKind;
}

const parseStates = new WeakMap<ExchangeLog, ParseState>();

/** The state the parser ended `log` with, for a reparse to resume from. */
export function parseStateOf(log: ExchangeLog): ParseState | undefined {
  return parseStates.get(log);
}

/** Records the state a log (parsed or reparsed) ended with. */
export function rememberParseState(log: ExchangeLog, state: ParseState): void {
  parseStates.set(log, state);
}

/**
 * Parses a whole log. `fallbackKind` (from the document's language) applies when no #Log-type
 * says what the file is.
 */
export function parseExchangeLog(text: string, fallbackKind: LogKind): ExchangeLog {
  return parseExchangeLogPart(text, newParseState(fallbackKind), 0).log;
}

export function newParseState(fallbackKind: LogKind): ParseState {
  return { block: undefined, inHeader: false, firstKind: undefined, lastDeclared: undefined, inferred: new Map(), fallbackKind };
}

/**
 * Parses one part of a log that is read in parts (a stream): `text` starts on line `firstLine` of
 * the whole log, and `state` carries the header in force from the part before and on to the next.
 * Offsets are the part's own; lines are the whole log's. A part should end before a line that
 * starts a record, so no record is cut in two. Also returns the line the next part starts on.
 */
export function parseExchangeLogPart(
  text: string, state: ParseState, firstLine: number, moreFollows = false, capacity = fieldCapacity(text),
): { log: ExchangeLog; nextLine: number } {
  // Before the next part, the end of this one is where a record starts: a quote left open stops there as it would in the whole text.
  const isRecordStart = moreFollows ? startsRecordOrEnds : startsRecord;
  const store = new FieldStore(capacity);
  const blocks: HeaderBlock[] = [];
  const directives: Directive[] = [];
  const rows: LogRow[] = [];
  // Every record of the part is read in order: commas, quotes and breaks found by native searches.
  const stops = new SeekingStops(text);
  const n = text.length;
  let pos = firstLine === 0 && text.charCodeAt(0) === CharCode.ByteOrderMark ? 1 : 0;
  let line = firstLine;

  while (pos < n) {
    const c = text.charCodeAt(pos);
    if (c === CharCode.Hash) {
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
    if (c === CharCode.CarriageReturn || c === CharCode.LineFeed) {
      pos = afterLineBreak(text, pos);
      line++;
      continue;
    }
    const { row, next } = readRow(text, pos, line, store, state, isRecordStart, stops);
    rows.push(row);
    line += row.lineCount;
    if (next === pos) break;
    pos = next;
  }
  const log: ExchangeLog = { text, kind: state.firstKind ?? state.fallbackKind, blocks, directives, rows, fields: store };
  rememberParseState(log, state);
  return { log, nextLine: line };
}

/** Reads the record at `pos` as a row, with the columns the header before it declares or implies. */
export function readRow(
  text: string, pos: number, line: number, store: FieldStore, state: ParseState, isRecordStart: RecordStartTest = startsRecord,
  stops: StopFinder = CHARACTER_STOPS,
): { row: LogRow; next: number } {
  state.inHeader = false;
  const { block } = state;
  const firstField = store.length;
  const record = scanRecord(text, pos, store, isRecordStart, stops);
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

/**
 * Lines that can only begin a record or a header: a directive or a row's timestamp. A quote left
 * open never runs past them (Exchange writes no line breaks inside its quoted fields).
 */
/** How many characters from a line's start startsRecord reads ("2026-11-23T"). */
export const RECORD_START_SPAN = 11;

export function startsRecord(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos);
  if (c === CharCode.Hash) return true;
  if (c < CharCode.Digit0 || c > CharCode.Digit9) return false;
  return text.charCodeAt(pos + 4) === CharCode.Dash && text.charCodeAt(pos + 7) === CharCode.Dash && text.charCodeAt(pos + 10) === CharCode.UpperT
    && isDigitAt(text, pos + 1) && isDigitAt(text, pos + 5);
}

const startsRecordOrEnds = (text: string, pos: number): boolean => pos >= text.length || startsRecord(text, pos);

const isDigitAt = (text: string, pos: number): boolean => {
  const c = text.charCodeAt(pos);
  return c >= CharCode.Digit0 && c <= CharCode.Digit9;
};

function readDirective(text: string, start: number, end: number, line: number): Directive {
  const colon = indexWithin(text, CharCode.Colon, start, end);
  const nameEnd = colon >= 0 ? colon : end;
  let valueStart = Math.min(nameEnd + 1, end);
  while (valueStart < end && (text.charCodeAt(valueStart) === CharCode.Space || text.charCodeAt(valueStart) === CharCode.Tab)) valueStart++;
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
        let to = indexWithin(text, CharCode.Comma, from, directive.end);
        if (to < 0) to = directive.end;
        let s = from;
        let e = to;
        while (s < e && text.charCodeAt(s) === CharCode.Space) s++;
        while (e > s && (text.charCodeAt(e - 1) === CharCode.Space || text.charCodeAt(e - 1) === CharCode.Tab)) e--;
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


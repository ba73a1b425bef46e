// Exchange Online message traces as a table: the admin center's CSV reports and Export-Csv of the
// trace cmdlets. The header line names the columns (matched case-insensitively, never by position)
// and says which report this is; rows keep their exact offsets in a FieldStore, as the tracking log does.

import { CharCode } from '../../common/charCode';
import { DateOrderVote, type DateReading } from './traceDates';
import { afterLineBreak, FieldStore, fieldValue, indexWithin, lineEnd, QUOTED, scanRecord, SeekingStops, type StoredRecord, UNTERMINATED } from '../csv';

export type TraceReportKind = 'summary' | 'enhanced-summary' | 'extended' | 'message-trace' | 'trace-detail';

/** A row of the table: a record of its FieldStore. */
export type TraceRow = StoredRecord;

export interface TraceHeader {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  /** Index of the header's first field in the FieldStore. */
  readonly firstField: number;
  /** Column names as written (quotes removed, blanks trimmed). */
  readonly names: readonly string[];
}

export interface TraceTable {
  readonly text: string;
  readonly kind: TraceReportKind;
  /** Windows PowerShell 5.1's "#TYPE <type name>" first line, when there is one. */
  readonly typeLine?: { readonly line: number; readonly start: number; readonly end: number; readonly typeName: string };
  readonly header: TraceHeader;
  /** Lower-case column name → column index. */
  readonly columns: ReadonlyMap<string, number>;
  /** The column that holds each row's time, -1 when none does. */
  readonly timeColumn: number;
  /** The zone the time column's name carries ("utc" from origin_timestamp_utc), when it carries one. */
  readonly timeZone?: string;
  /** How this file writes its dates (the order of slash dates, and whether it was assumed). */
  readonly dates: DateReading;
  readonly fields: FieldStore;
  readonly rows: readonly TraceRow[];
}

/** How far into a document its header is looked for: a type line, blank lines, the header. */
export const TRACE_HEAD_LIMIT = 8192;

/** Columns Export-Csv adds to objects that came through a remoting session: known, never a report's own. */
export const REMOTING_COLUMNS: readonly string[] = ['pscomputername', 'runspaceid', 'psshowcomputername'];

/** The report a header line belongs to, from the lower-case names it holds; undefined for any other CSV. */
export function traceKindOf(names: ReadonlySet<string>): TraceReportKind | undefined {
  const some = (prefix: string): boolean => [...names].some((n) => n.startsWith(prefix));
  if (names.has('messagetraceid') && names.has('event') && (names.has('detail') || names.has('action'))) return 'trace-detail';
  if (names.has('received') && names.has('status') && (names.has('senderaddress') || names.has('recipientaddress'))) return 'message-trace';
  if (names.has('event_id') && (names.has('network_message_id') || names.has('message_id') || names.has('recipient_status'))) return 'extended';
  if (some('origin_timestamp') && (names.has('recipient_status') || names.has('sender_address'))) return 'enhanced-summary';
  if (names.has('sender') && names.has('recipient') && names.has('status') && some('date')) return 'summary';
  return undefined;
}

/** The time column of a report and the zone its name carries. */
function timeColumnOf(kind: TraceReportKind, names: readonly string[]): { index: number; zone?: string } {
  const lower = names.map((n) => n.toLowerCase());
  const exact = kind === 'message-trace' ? 'received' : kind === 'trace-detail' ? 'date' : undefined;
  if (exact) return { index: lower.indexOf(exact) };
  for (const prefix of kind === 'summary' ? ['date'] : ['date_time', 'origin_timestamp']) {
    const index = lower.findIndex((n) => n.startsWith(prefix));
    if (index < 0) continue;
    const rest = lower[index]!.slice(prefix.length).replace(/^[_ (]+|[) ]+$/g, '');
    return rest ? { index, zone: rest } : { index };
  }
  return { index: -1 };
}

interface HeadFound {
  readonly kind: TraceReportKind;
  readonly typeLine?: TraceTable['typeLine'];
  /** Offset and line of the header record. */
  readonly start: number;
  readonly line: number;
}

/**
 * Finds the header of a message trace near the start of a text (after a byte order mark, a #TYPE
 * line and blank lines), reading at most TRACE_HEAD_LIMIT characters. Undefined for other text.
 */
export function findTraceHeader(text: string): HeadFound | undefined {
  let pos = text.charCodeAt(0) === CharCode.ByteOrderMark ? 1 : 0;
  let line = 0;
  let typeLine: TraceTable['typeLine'];
  const limit = Math.min(text.length, TRACE_HEAD_LIMIT);
  while (pos < limit) {
    const end = lineEnd(text, pos);
    if (end >= limit && end < text.length) return undefined;
    const content = text.slice(pos, end).trim();
    if (content === '') { pos = afterLineBreak(text, end); line++; continue; }
    if (!typeLine && /^#TYPE\b/i.test(content)) {
      typeLine = { line, start: pos, end, typeName: content.slice(5).trim() };
      pos = afterLineBreak(text, end);
      line++;
      continue;
    }
    const names = new Set(headerNames(text.slice(pos, end)).map((n) => n.toLowerCase()));
    const kind = traceKindOf(names);
    return kind ? { kind, ...(typeLine ? { typeLine } : {}), start: pos, line } : undefined;
  }
  return undefined;
}

/** The names of a one-line header, quotes removed and blanks trimmed. */
function headerNames(line: string): string[] {
  const store = new FieldStore(64);
  scanRecord(line, 0, store);
  const names: string[] = [];
  for (let i = 0; i < store.length; i++) names.push(fieldValue(line, store.starts[i]!, store.ends[i]!, store.flags[i]!).trim());
  return names;
}

/** Says whether a line can only be the start of a record of this report: used to stop a stray quote. */
export type RecordStart = (text: string, pos: number) => boolean;

/**
 * Which lines can only start a record, so a stray quote stops before them: in the admin center's
 * reports whose first column is a time, a line starting with a date; in PowerShell's exports, where
 * every value is quoted, a line starting with a quote whose first value closes and is followed by ",".
 */
function recordStartTest(firstColumn: string, allQuoted: boolean): RecordStart | undefined {
  if (allQuoted) {
    return (text, pos) => {
      if (text.charCodeAt(pos) !== CharCode.DoubleQuote) return false;
      const limit = Math.min(text.length, pos + QUOTED_START_REACH);
      for (let k = pos + 1; k < limit; k++) {
        const c = text.charCodeAt(k);
        if (c === CharCode.LineFeed || c === CharCode.CarriageReturn) return false;
        if (c === CharCode.DoubleQuote) return text.charCodeAt(k + 1) === CharCode.Comma && text.charCodeAt(k + 2) === CharCode.DoubleQuote;
      }
      return false;
    };
  }
  if (!/^(date|origin_timestamp|received)/i.test(firstColumn)) return undefined;
  return (text, pos) => {
    const at = text.charCodeAt(pos) === CharCode.DoubleQuote ? pos + 1 : pos;
    return isTimeStart(text, at);
  };
}

/** How far a line is read for the end of its first quoted value: a record-start test stays cheap. */
const QUOTED_START_REACH = 256;

/** Four digits and a dash, or one or two digits and a slash, dot or dash: how a date starts in any culture. */
function isTimeStart(text: string, pos: number): boolean {
  let k = pos;
  while (k < pos + 4 && text.charCodeAt(k) >= CharCode.Digit0 && text.charCodeAt(k) <= CharCode.Digit9) k++;
  const digits = k - pos;
  const sep = text.charCodeAt(k);
  if (digits === 4) return sep === CharCode.Dash || sep === CharCode.Slash || sep === CharCode.Dot;
  return digits >= 1 && digits <= 2 && (sep === CharCode.Slash || sep === CharCode.Dot || sep === CharCode.Dash);
}

/** Parses a message trace; undefined when the text does not start like one (see findTraceHeader). */
export function parseTraceTable(text: string): TraceTable | undefined {
  const head = findTraceHeader(text);
  if (!head) return undefined;
  const fields = new FieldStore(1024);
  const headerEnd = scanRecord(text, head.start, fields);
  const names: string[] = [];
  for (let i = 0; i < fields.length; i++) names.push(fieldValue(text, fields.starts[i]!, fields.ends[i]!, fields.flags[i]!).trim());
  const columns = new Map<string, number>();
  names.forEach((name, index) => { if (!columns.has(name.toLowerCase())) columns.set(name.toLowerCase(), index); });
  const header: TraceHeader = { line: head.line, start: head.start, end: headerEnd.end, firstField: 0, names };
  const time = timeColumnOf(head.kind, names);
  const allQuoted = fields.length > 0 && Array.from({ length: fields.length }, (_, i) => fields.flags[i]! & QUOTED).every(Boolean);
  const isRecordStart = recordStartTest(names[0] ?? '', allQuoted);
  const rows: TraceRow[] = [];
  const vote = new DateOrderVote();
  const source: RowSource = { text, fields, isRecordStart, timeColumn: time.index, sizeStore: { fieldsBefore: fields.length } };
  readTraceRows(source, headerEnd.next, head.line + 1 + headerEnd.innerLineBreaks, rows, vote);
  const table: TraceTable = {
    text, kind: head.kind, ...(head.typeLine ? { typeLine: head.typeLine } : {}), header, columns,
    timeColumn: time.index, ...(time.zone ? { timeZone: time.zone } : {}), dates: vote.decide(), fields, rows,
  };
  rowReadings.set(table, { ...(isRecordStart ? { isRecordStart } : {}), rowsFrom: headerEnd.next, vote });
  return table;
}

/** How a table's rows were read, kept so that a new version of its text reads its rows the same way. */
export interface RowReading {
  readonly isRecordStart?: RecordStart;
  /** Offset just after the header's line break, where rows may start. */
  readonly rowsFrom: number;
  /** The votes of every row's time, which decided the table's DateReading. */
  readonly vote: DateOrderVote;
}

const rowReadings = new WeakMap<TraceTable, RowReading>();

export function rowReadingOf(table: TraceTable): RowReading | undefined {
  return rowReadings.get(table);
}

export function rememberRowReading(table: TraceTable, reading: RowReading): void {
  rowReadings.set(table, reading);
}

/** What reading rows reads besides where it is: the text, the store the fields go to, and how the header says to read. */
export interface RowSource {
  readonly text: string;
  readonly fields: FieldStore;
  readonly isRecordStart?: RecordStart | undefined;
  readonly timeColumn: number;
  /** Set when the rows read are the whole table's: the store is then sized for them from the first rows (fields it held before). */
  readonly sizeStore?: { readonly fieldsBefore: number };
}

/**
 * Reads rows from offset `from` (on zero-based line `fromLine`) to the end of the text, or until
 * `stopBefore` says no row may be read from an offset: their fields go to the source's store, the
 * rows to `rows`, the votes of their times to `vote`. Returns where it stopped (-1 at the end of the
 * text) and the line there.
 */
export function readTraceRows(
  source: RowSource, from: number, fromLine: number, rows: TraceRow[], vote: DateOrderVote, stopBefore?: (pos: number) => boolean,
): { stoppedAt: number; line: number } {
  const { text, fields, isRecordStart, timeColumn } = source;
  let pos = from;
  let line = fromLine;
  let read = 0;
  const stops = new SeekingStops(text);
  while (pos < text.length) {
    if (stopBefore?.(pos)) return { stoppedAt: pos, line };
    if (++read === SAMPLE_ROWS && source.sizeStore) reserveFields(fields, fields.length - source.sizeStore.fieldsBefore, pos - from, text.length - pos);
    const blankEnd = blankLineEnd(text, pos);
    if (blankEnd >= 0) { pos = afterLineBreak(text, blankEnd); line++; continue; }
    const firstField = fields.length;
    const record = scanRecord(text, pos, fields, isRecordStart, stops);
    const row: TraceRow = { start: pos, end: record.end, line, lineCount: 1 + record.innerLineBreaks, firstField, fieldCount: fields.length - firstField };
    rows.push(row);
    voteOfRow(text, fields, timeColumn, row, vote, 1);
    line += 1 + record.innerLineBreaks;
    if (record.next === pos) break;
    pos = record.next;
  }
  return { stoppedAt: -1, line };
}

/** Rows read before the rest of the text's fields are reckoned from them. */
const SAMPLE_ROWS = 64;
/** Fewest characters per field reckoned: a sample of empty fields does not reserve a field per character. */
const MIN_CHARS_PER_FIELD = 8;

/**
 * Room for the fields of the `left` characters still to read, reckoned from the `sampled` fields of
 * the `sampledChars` read so far (a tenth more), so a whole report's offsets are not copied at each
 * doubling of the store.
 */
function reserveFields(fields: FieldStore, sampled: number, sampledChars: number, left: number): void {
  const charsPerField = Math.max(MIN_CHARS_PER_FIELD, sampledChars / Math.max(1, sampled));
  fields.reserve(fields.length + (left / charsPerField) * 1.1);
}

/** Adds (weight 1) or takes back (weight -1) the vote of a row's time on the order of slash dates. */
export function voteOfRow(text: string, fields: FieldStore, timeColumn: number, row: TraceRow, vote: DateOrderVote, weight: 1 | -1): void {
  if (timeColumn < 0 || timeColumn >= row.fieldCount) return;
  const f = row.firstField + timeColumn;
  // Only slash dates vote: a value without a slash is not copied out.
  const start = fields.starts[f]!;
  const end = fields.ends[f]!;
  if (end - start <= 66 && indexWithin(text, CharCode.Slash, start, end) >= 0) vote.add(fieldValue(text, start, end, fields.flags[f]!), weight);
}

/** Where a line of only blanks ends (its line break, or the end of the text); -1 for any other line. Reads only its blanks. */
function blankLineEnd(text: string, from: number): number {
  let k = from;
  for (; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === CharCode.LineFeed || c === CharCode.CarriageReturn) return k;
    if (c !== CharCode.Space && c !== CharCode.Tab) return -1;
  }
  return k;
}

/** The field index of a column in a row, or -1 when the row is too short or the report lacks the column. */
export function traceField(table: TraceTable, row: TraceRow, column: string): number {
  const index = table.columns.get(column);
  return index === undefined || index >= row.fieldCount ? -1 : row.firstField + index;
}

/** A field's value (quotes removed, trimmed); '' for -1. */
export function traceValue(table: TraceTable, field: number): string {
  if (field < 0) return '';
  return fieldValue(table.text, table.fields.starts[field]!, table.fields.ends[field]!, table.fields.flags[field]!).trim();
}

/** A row's value in a column, '' when it has none. */
export function traceColumnValue(table: TraceTable, row: TraceRow, column: string): string {
  return traceValue(table, traceField(table, row, column));
}

/** The first of `columns` the report has, lower case; undefined when it has none of them. */
export function firstColumnOf(table: TraceTable, columns: readonly string[]): string | undefined {
  return columns.find((c) => table.columns.has(c));
}

/** Offsets of a field's value inside its quotes. */
export function traceValueRange(table: TraceTable, field: number): { start: number; end: number } {
  const { starts, ends, flags } = table.fields;
  const start = starts[field]!;
  const end = ends[field]!;
  const flag = flags[field]!;
  if (!(flag & QUOTED)) return { start, end };
  if (flag & UNTERMINATED) return { start: start + 1, end };
  return { start: start + 1, end: Math.max(start + 1, end - 1) };
}

/** The index of the row whose record holds `offset`, or -1 (binary search over the rows' starts). */
export function rowAtOffset(table: TraceTable, offset: number): number {
  const { rows } = table;
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.start <= offset) lo = mid + 1; else hi = mid;
  }
  const index = lo - 1;
  return index >= 0 && offset <= rows[index]!.end ? index : -1;
}

/** The field of a row (or of the header) that holds `offset`, or -1; `touching` also takes the offset just past a field. */
export function fieldAtOffset(table: TraceTable, firstField: number, fieldCount: number, offset: number, touching = false): number {
  const { starts, ends } = table.fields;
  for (let f = firstField; f < firstField + fieldCount; f++) {
    if (offset >= starts[f]! && (offset < ends[f]! || (touching && offset === ends[f]!))) return f;
    if (offset === ends[f]! && f === firstField + fieldCount - 1) return f;
  }
  return -1;
}

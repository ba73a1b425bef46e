// RFC 4180 records, scanned by hand in one pass: every field keeps its exact offsets, nothing is
// copied until a value is asked for, and hostile input (an unclosed quote, a million commas, binary)
// costs linear time.

import { CharCode } from '../common/charCode';

/** Field flags, OR-ed together. */
export const QUOTED = 1;
/** The quoted value holds doubled quotes ("") that stand for one quote each. */
export const ESCAPED_QUOTES = 2;
/** The closing quote is missing: the field was cut at the end of the line it started on. */
export const UNTERMINATED = 4;
/** Characters follow the closing quote before the next comma: kept as part of the value. */
export const TEXT_AFTER_QUOTE = 8;
/** The value holds a line break (only possible inside quotes). */
export const MULTILINE = 16;

/** Field offsets of many records in growable typed arrays: a field is an index into them. */
export class FieldStore {
  starts: Int32Array;
  ends: Int32Array;
  flags: Uint8Array;
  length = 0;

  constructor(capacity = 1024) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
  }

  push(start: number, end: number, flags: number): void {
    if (this.length === this.starts.length) this.grow();
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.flags[this.length] = flags;
    this.length++;
  }

  /** Appends fields [from, to) of `source` with their offsets moved by `shift`. */
  appendShifted(source: FieldStore, from: number, to: number, shift: number): void {
    const count = to - from;
    while (this.length + count > this.starts.length) this.grow();
    const at = this.length;
    this.ends.set(source.ends.subarray(from, to), at);
    this.starts.set(source.starts.subarray(from, to), at);
    this.flags.set(source.flags.subarray(from, to), at);
    if (shift !== 0) {
      for (let i = at; i < at + count; i++) {
        this.starts[i]! += shift;
        this.ends[i]! += shift;
      }
    }
    this.length += count;
  }

  /** Makes room for at least `capacity` fields at once: a reader that can tell how many are coming saves growing step by step. */
  reserve(capacity: number): void {
    if (capacity > this.starts.length) this.resize(Math.ceil(capacity));
  }

  private grow(): void {
    this.resize(Math.max(this.starts.length * 2, 1024));
  }

  private resize(size: number): void {
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const ends = new Int32Array(size);
    ends.set(this.ends);
    const flags = new Uint8Array(size);
    flags.set(this.flags);
    this.starts = starts;
    this.ends = ends;
    this.flags = flags;
  }
}

/** A record read into a FieldStore, with its place in the text: what the log and trace rows share. */
export interface StoredRecord {
  /** Offsets of the record, line break excluded. */
  readonly start: number;
  readonly end: number;
  /** Zero-based line of the record's first character, and how many lines it spans (more than one when a quoted field holds a line break). */
  readonly line: number;
  readonly lineCount: number;
  /** Index of its first field in the FieldStore, and how many it has. */
  readonly firstField: number;
  readonly fieldCount: number;
}

/** Where a scanned record ended. */
export interface RecordEnd {
  /** Offset just past the record's last field (its line break is not included). */
  readonly end: number;
  /** Offset where the next record starts, after the line break. */
  readonly next: number;
  /** Line breaks inside quoted fields: the record spans this many lines plus one. */
  readonly innerLineBreaks: number;
}

/** Says whether a line starting at `pos` must begin a new record, even inside an open quote. */
export type RecordStartTest = (text: string, pos: number) => boolean;

/** Finds where a scan stops next: what tells scanRecord how to look ahead. */
export interface StopFinder {
  /** The first comma, CR or LF at or after `from`, or the text's length. */
  fieldEnd(text: string, from: number): number;
  /** The first double quote, CR or LF at or after `from`, or the text's length. */
  quoteOrBreak(text: string, from: number): number;
}

/** Reads character by character up to the stop: nothing kept between calls, nothing read past the stop. */
export const CHARACTER_STOPS: StopFinder = {
  fieldEnd(text, from) {
    let k = from;
    while (k < text.length) {
      const c = text.charCodeAt(k);
      // Most characters sort after the comma, and the three that end a field do not: one test for most.
      if (c > CharCode.Comma) { k++; continue; }
      if (c === CharCode.Comma || c === CharCode.LineFeed || c === CharCode.CarriageReturn) break;
      k++;
    }
    return k;
  },
  quoteOrBreak(text, from) {
    let k = from;
    while (k < text.length) {
      const c = text.charCodeAt(k);
      if (c === CharCode.DoubleQuote || c === CharCode.LineFeed || c === CharCode.CarriageReturn) break;
      k++;
    }
    return k;
  },
};

/**
 * Stops found by indexOf (native code reads many characters at a time, a loop in JavaScript one):
 * the next comma, quote, CR and LF each kept while it stays ahead, so over the records of one text
 * each kind of character is searched past once and the scan stays linear however the text is
 * built. One per text, shared by the scans of all its records; only for that text.
 */
export class SeekingStops implements StopFinder {
  // For each character: the offset searched from, and the first one found there (the text's length when none).
  private commaFrom = 0;
  private commaAt = -1;
  private quoteFrom = 0;
  private quoteAt = -1;
  private lineFeedFrom = 0;
  private lineFeedAt = -1;
  private returnFrom = 0;
  private returnAt = -1;

  constructor(private readonly text: string) {}

  fieldEnd(_text: string, from: number): number {
    if (from < this.commaFrom || from > this.commaAt) this.commaAt = this.search(',', this.commaFrom = from);
    const lineBreak = this.lineBreak(from);
    return this.commaAt < lineBreak ? this.commaAt : lineBreak;
  }

  quoteOrBreak(_text: string, from: number): number {
    if (from < this.quoteFrom || from > this.quoteAt) this.quoteAt = this.search('"', this.quoteFrom = from);
    const lineBreak = this.lineBreak(from);
    return this.quoteAt < lineBreak ? this.quoteAt : lineBreak;
  }

  private lineBreak(from: number): number {
    if (from < this.lineFeedFrom || from > this.lineFeedAt) this.lineFeedAt = this.search('\n', this.lineFeedFrom = from);
    if (from < this.returnFrom || from > this.returnAt) this.returnAt = this.search('\r', this.returnFrom = from);
    return this.lineFeedAt < this.returnAt ? this.lineFeedAt : this.returnAt;
  }

  private search(character: string, from: number): number {
    const at = this.text.indexOf(character, from);
    return at < 0 ? this.text.length : at;
  }
}

/**
 * Scans one record starting at `start` and appends its fields to `store` (raw ranges: quotes
 * included). A record ends at CR, LF or CRLF outside quotes, or at the end of the text. A quote
 * left open until the end of the text closes at the end of its own line instead (flag UNTERMINATED),
 * so one stray quote costs one field, not the rest of the file. With `isRecordStart`, a quote also
 * stops at a line break followed by what can only be a new record: without it a stray quote would
 * pair with the next quoted field and turn every later field inside out. `stops` says how to look
 * ahead (a loop over a whole text's records saves time with one SeekingStops of that text).
 */
export function scanRecord(
  text: string, start: number, store: FieldStore, isRecordStart?: RecordStartTest, stops: StopFinder = CHARACTER_STOPS,
): RecordEnd {
  const n = text.length;
  let pos = start;
  let innerLineBreaks = 0;
  for (;;) {
    const fieldStart = pos;
    let flags = 0;
    if (pos < n && text.charCodeAt(pos) === CharCode.DoubleQuote) {
      flags = QUOTED;
      let k = pos + 1;
      let breaks = 0;
      let closed = false;
      let stoppedAtRecord = false;
      while (k < n) {
        k = stops.quoteOrBreak(text, k);
        if (k >= n) break;
        if (text.charCodeAt(k) === CharCode.DoubleQuote) {
          if (k + 1 < n && text.charCodeAt(k + 1) === CharCode.DoubleQuote) { flags |= ESCAPED_QUOTES; k += 2; continue; }
          closed = true;
          k++;
          break;
        }
        const after = afterLineBreak(text, k);
        if (isRecordStart?.(text, after)) { stoppedAtRecord = true; break; }
        breaks++;
        k = after;
      }
      if (!closed) {
        // Before a line that starts a record the field takes the lines up to it; at the end of the
        // text it is cut at the end of its first line and the lines after it are read as records again.
        const end = stoppedAtRecord ? k : lineEnd(text, pos);
        if (stoppedAtRecord && breaks > 0) { flags |= MULTILINE; innerLineBreaks += breaks; }
        flags = (flags | UNTERMINATED) & ~ESCAPED_QUOTES;
        if (hasDoubledQuote(text, pos + 1, end)) flags |= ESCAPED_QUOTES;
        store.push(fieldStart, end, flags);
        return { end, next: afterLineBreak(text, end), innerLineBreaks };
      }
      if (breaks > 0) { flags |= MULTILINE; innerLineBreaks += breaks; }
      pos = k;
    }
    // To the next comma or line break; after a closing quote, what comes before it stays in this field.
    const stop = stops.fieldEnd(text, pos);
    if (flags !== 0 && stop > pos) flags |= TEXT_AFTER_QUOTE;
    pos = stop;
    store.push(fieldStart, pos, flags);
    if (pos < n && text.charCodeAt(pos) === CharCode.Comma) { pos++; continue; }
    return { end: pos, next: afterLineBreak(text, pos), innerLineBreaks };
  }
}

/** Offset of the first CR or LF at or after `from`, or the text's length. */
export function lineEnd(text: string, from: number): number {
  const n = text.length;
  let k = from;
  while (k < n) {
    const c = text.charCodeAt(k);
    if (c === CharCode.LineFeed || c === CharCode.CarriageReturn) return k;
    k++;
  }
  return n;
}

/** Offset after the line break at `pos` (CRLF counts as one), or `pos` at the end of the text. */
export function afterLineBreak(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  if (c === CharCode.CarriageReturn) return text.charCodeAt(pos + 1) === CharCode.LineFeed ? pos + 2 : pos + 1;
  if (c === CharCode.LineFeed) return pos + 1;
  return pos;
}

function hasDoubledQuote(text: string, from: number, to: number): boolean {
  for (let k = indexWithin(text, CharCode.DoubleQuote, from, to); k >= 0 && k + 1 < to; k = indexWithin(text, CharCode.DoubleQuote, k + 1, to)) {
    if (text.charCodeAt(k + 1) === CharCode.DoubleQuote) return true;
  }
  return false;
}

/**
 * Offset of the first `charCode` in [from, to), or -1. Unlike indexOf it never reads past `to`:
 * a search for a character a field lacks would otherwise read the rest of the file, once per field.
 */
export function indexWithin(text: string, charCode: number, from: number, to: number): number {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === charCode) return k;
  return -1;
}

/** The value a raw field range stands for: quotes removed, doubled quotes made single. */
export function fieldValue(text: string, start: number, end: number, flags: number): string {
  if (!(flags & QUOTED)) return text.slice(start, end);
  const inner = valueRange(text, start, end, flags);
  let value = text.slice(inner.start, inner.end);
  if (flags & ESCAPED_QUOTES) value = value.replaceAll('""', '"');
  if (flags & TEXT_AFTER_QUOTE) value += text.slice(inner.end + 1, end);
  return value;
}

/** The range inside the quotes of a quoted field (the field itself when unquoted). */
export function valueRange(text: string, start: number, end: number, flags: number): { start: number; end: number } {
  if (!(flags & QUOTED)) return { start, end };
  if (flags & UNTERMINATED) return { start: start + 1, end };
  if (!(flags & TEXT_AFTER_QUOTE)) return { start: start + 1, end: end - 1 };
  // Find the closing quote again: the first lone quote after the opening one.
  let k = start + 1;
  while (k < end) {
    if (text.charCodeAt(k) === CharCode.DoubleQuote) {
      if (text.charCodeAt(k + 1) === CharCode.DoubleQuote) { k += 2; continue; }
      return { start: start + 1, end: k };
    }
    k++;
  }
  return { start: start + 1, end };
}

/** Every record of a whole text as decoded values: a convenience for tests and small inputs. */
export function parseCsv(text: string): string[][] {
  const store = new FieldStore();
  const records: string[][] = [];
  let pos = text.charCodeAt(0) === CharCode.ByteOrderMark ? 1 : 0;
  while (pos < text.length) {
    const first = store.length;
    const { next } = scanRecord(text, pos, store);
    // Sized up front: an array grown by push reserves room for 17 values, and 50,000 short records
    // kept that much alive each, enough for the garbage collector to outgrow the text.
    const record = new Array<string>(store.length - first);
    for (let i = first; i < store.length; i++) record[i - first] = fieldValue(text, store.starts[i]!, store.ends[i]!, store.flags[i]!);
    records.push(record);
    pos = next;
  }
  return records;
}

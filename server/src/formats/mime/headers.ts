// RFC 5322 header blocks, read leniently: folded lines, a space before the colon, an mbox "From "
// line, and a missing blank line all parse. Every field keeps its exact raw offsets.

import { decodeWords } from 'postal-mime';
import { caselessAt, CharCode } from '../../common/charCode';
import { isSpaceOrTab, LineBreakFinder, lineAt, pastBreak, type LineSpan } from './lines';

export interface HeaderField {
  /** The name as written ("Received"). */
  readonly name: string;
  /** The name in lower case, for lookups. */
  readonly key: string;
  /** Raw offset of the name. */
  readonly start: number;
  readonly nameEnd: number;
  /** Raw offset of the value's first character, after the colon and blanks. */
  readonly valueStart: number;
  /** Raw offset just past the value's last character (the final line break excluded). */
  readonly end: number;
  /** The value unfolded (line breaks removed, the folding blanks kept), not yet RFC 2047 decoded. */
  readonly value: string;
  /** Unfolded offsets at which a continuation line starts, paired with the raw offset of that character. */
  readonly folds: readonly (readonly [number, number])[];
}

export interface HeaderBlock {
  readonly fields: readonly HeaderField[];
  /** Raw offset of the first header line. */
  readonly start: number;
  /** Raw offset just past the last header line's content. */
  readonly end: number;
  /** Raw offset of the body: after the blank line, or where the headers stopped. */
  readonly bodyStart: number;
  /** True when the block ended on something other than a blank line. */
  readonly missingSeparator: boolean;
}

/** Longest field name we accept; beyond it a line is body text, not a header. */
const MAX_NAME = 120;
/** Header blocks larger than this many fields are cut short: a defence, real mail has a few hundred. */
const MAX_FIELDS = 5000;

/**
 * Reads the header block at `start`. `isDelimiter` tells a MIME boundary line (it is asked only
 * about lines starting with "-"), which ends the block (an empty part) rather than being read as a header.
 */
export function parseHeaderBlock(
  text: string, start: number, limit = text.length, isDelimiter?: (line: LineSpan) => boolean, breaks = new LineBreakFinder(text),
): HeaderBlock {
  const fields: HeaderField[] = [];
  let pos = start;
  let end = start;
  let current: ParsedField | undefined;

  // An mbox envelope line ("From sender date") may precede the first header.
  if (text.startsWith('From ', pos)) pos = lineAt(text, pos, limit).next;

  // Lines are walked with plain offsets (no object per line), finding line breaks with indexOf and
  // remembering the next one of each kind: header blocks are the hottest loop of the analysis. A
  // reader of many blocks in one text passes one finder to all of them, so each search is done once.
  while (pos < limit) {
    const lineEnd = Math.min(breaks.next(pos), limit);
    const next = pastBreak(text, lineEnd, limit);
    if (lineEnd === pos) return { fields, start, end, bodyStart: next, missingSeparator: false };
    const first = text.charCodeAt(pos);
    if (isDelimiter && first === CharCode.Dash && isDelimiter({ start: pos, end: lineEnd, next })) break;
    if (isSpaceOrTab(first)) {
      if (!current) break; // a continuation with nothing to continue: body text
      current.addLine(pos, lineEnd);
      end = lineEnd;
      pos = next;
      continue;
    }
    const colon = fieldColon(text, pos, lineEnd);
    if (colon < 0 || fields.length >= MAX_FIELDS) break;
    let nameEnd = colon;
    while (nameEnd > pos && isSpaceOrTab(text.charCodeAt(nameEnd - 1))) nameEnd--;
    let valueStart = colon + 1;
    while (valueStart < lineEnd && isSpaceOrTab(text.charCodeAt(valueStart))) valueStart++;
    current = new ParsedField(text, pos, nameEnd, valueStart, lineEnd);
    fields.push(current);
    end = lineEnd;
    pos = next;
  }
  return { fields, start, end, bodyStart: pos, missingSeparator: pos < limit };
}

/**
 * A field as parsed: its name, value and folds are built only when read, since most fields of a
 * returned message (DKIM signatures, spam reports) are never looked at; lookups by name compare
 * the raw text in place.
 */
class ParsedField implements HeaderField {
  private cachedName: string | undefined;
  private cachedKey: string | undefined;
  /** Raw [start, end) of each continuation line; undefined for the many fields on one line. */
  private continuations: number[] | undefined;
  private readonly firstEnd: number;
  private cachedValue: string | undefined;
  private cachedFolds: (readonly [number, number])[] | undefined;

  constructor(
    private readonly text: string, readonly start: number, readonly nameEnd: number, readonly valueStart: number, public end: number,
  ) {
    this.firstEnd = end;
  }

  get name(): string {
    return (this.cachedName ??= this.text.slice(this.start, this.nameEnd));
  }

  get key(): string {
    return (this.cachedKey ??= this.name.toLowerCase());
  }

  /** True when the name is `key` (lower case) in any case, read from the raw text without building the name. */
  is(key: string): boolean {
    return this.nameEnd - this.start === key.length && caselessAt(this.text, this.start, key);
  }

  addLine(lineStart: number, lineEnd: number): void {
    (this.continuations ??= []).push(lineStart, lineEnd);
    this.end = lineEnd;
  }

  get value(): string {
    if (this.cachedValue === undefined) {
      let value = this.text.slice(this.valueStart, this.firstEnd);
      const more = this.continuations;
      if (more) for (let i = 0; i < more.length; i += 2) value += this.text.slice(more[i], more[i + 1]);
      this.cachedValue = value;
    }
    return this.cachedValue;
  }

  get folds(): readonly (readonly [number, number])[] {
    if (this.cachedFolds === undefined) {
      const folds: [number, number][] = [];
      const more = this.continuations;
      let length = this.firstEnd - this.valueStart;
      if (more) {
        for (let i = 0; i < more.length; i += 2) {
          folds.push([length, more[i]!]);
          length += more[i + 1]! - more[i]!;
        }
      }
      this.cachedFolds = folds;
    }
    return this.cachedFolds;
  }
}

/** Offset of the colon ending a field name on the line [lineStart, lineEnd), or -1 when the line is not a field. */
function fieldColon(text: string, lineStart: number, lineEnd: number): number {
  // The colon may follow a name of MAX_NAME characters (as in the email grammar).
  const stop = Math.min(lineEnd, lineStart + MAX_NAME + 1);
  let sawSpace = false;
  for (let i = lineStart; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === CharCode.Colon) return i > lineStart ? i : -1;
    if (isSpaceOrTab(c)) { sawSpace = true; continue; }
    // Only blanks may sit between the name and the colon ("Subject :"); a name is printable ASCII.
    if (sawSpace || c < CharCode.Exclamation || c > CharCode.Tilde) return -1;
  }
  return -1;
}

/** Raw offset of the character at `offset` in the field's unfolded value. */
export function valueOffsetToRaw(field: HeaderField, offset: number): number {
  // The last fold at or before the offset, by binary search: a field folded thousands of times is
  // asked once per code found in it.
  const folds = field.folds;
  let lo = 0;
  let hi = folds.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (folds[mid]![0] <= offset) lo = mid + 1; else hi = mid;
  }
  return lo === 0 ? field.valueStart + offset : folds[lo - 1]![1] + (offset - folds[lo - 1]![0]);
}

/** First field with this (lower-case) name. */
const named = (field: HeaderField, key: string): boolean => (field instanceof ParsedField ? field.is(key) : field.key === key);

export function header(block: Pick<HeaderBlock, 'fields'> | undefined, key: string): HeaderField | undefined {
  // A plain loop: asked several times for each of a message's parts, a callback would be made each time.
  if (block) for (const field of block.fields) if (named(field, key)) return field;
  return undefined;
}

export function headers(block: Pick<HeaderBlock, 'fields'> | undefined, key: string): HeaderField[] {
  return block ? block.fields.filter((f) => named(f, key)) : [];
}

/** Characters of a header value decoded; longer values (a hostile 1 MB Subject) are cut, as no reader needs more. */
const MAX_DECODED_VALUE = 8 * 1024;

/** The value with RFC 2047 encoded words decoded and runs of blanks collapsed. */
export function decodedValue(field: HeaderField | undefined): string {
  if (!field) return '';
  const raw = field.value.length > MAX_DECODED_VALUE ? field.value.slice(0, MAX_DECODED_VALUE) : field.value;
  const value = raw.includes('=?') ? safeDecodeWords(raw) : raw;
  return hasBlankRun(value) ? value.replace(/[ \t]+/g, ' ').trim() : value.trim();
}

/** True when the value holds a tab or two blanks in a row: most values hold neither, and need no copy. */
function hasBlankRun(value: string): boolean {
  let previousSpace = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === CharCode.Tab) return true;
    const space = c === CharCode.Space;
    if (space && previousSpace) return true;
    previousSpace = space;
  }
  return false;
}

/** Encoded words ("=?utf-8?B?...?=") decoded; malformed ones are left as written. */
export function safeDecodeWords(value: string): string {
  try {
    return decodeWords(value);
  } catch {
    return value;
  }
}

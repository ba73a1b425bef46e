// Line walking that treats CRLF, LF and a bare CR alike, without splitting the text.

import { CharCode } from '../../common/charCode';

export interface LineSpan {
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just past the last character before the line break. */
  readonly end: number;
  /** Offset of the next line (past the break), or the text length on the last line. */
  readonly next: number;
}

/** The line starting at `start`; `limit` bounds the search (defaults to the text length). */
export function lineAt(text: string, start: number, limit = text.length): LineSpan {
  let i = start;
  while (i < limit) {
    const c = text.charCodeAt(i);
    // One comparison for the characters that are neither break (most of them).
    if (c <= CharCode.CarriageReturn && (c === CharCode.LineFeed || c === CharCode.CarriageReturn)) return { start, end: i, next: pastBreak(text, i, limit) };
    i++;
  }
  return { start, end: limit, next: limit };
}

/**
 * Offset just past the line break at `at` (a CRLF is one break), or `limit` when `at` is at or
 * beyond it (the last line, which has no break).
 */
export function pastBreak(text: string, at: number, limit = text.length): number {
  if (at >= limit) return limit;
  return text.charCodeAt(at) === CharCode.CarriageReturn && at + 1 < limit && text.charCodeAt(at + 1) === CharCode.LineFeed ? at + 2 : at + 1;
}

/**
 * The next line break at or after an offset, for a reader going forward through one text. Each
 * kind's next occurrence is remembered: a search for a CR in a text that has none reads to its end
 * once, not once per header block.
 */
export class LineBreakFinder {
  private lfFrom = Infinity;
  private lfAt = -1;
  private crFrom = Infinity;
  private crAt = -1;

  constructor(private readonly text: string) {}

  /** Offset of the first LF or CR at or after `from`, or the text's length. */
  next(from: number): number {
    if (!(from >= this.lfFrom && from <= this.lfAt)) { this.lfFrom = from; this.lfAt = indexOrEnd(this.text, '\n', from); }
    if (!(from >= this.crFrom && from <= this.crAt)) { this.crFrom = from; this.crAt = indexOrEnd(this.text, '\r', from); }
    return Math.min(this.lfAt, this.crAt);
  }
}

function indexOrEnd(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at < 0 ? text.length : at;
}

/** Offset where the line holding `offset` starts, looking back no further than `floor`. */
export function lineStartBefore(text: string, offset: number, floor = 0): number {
  let i = offset;
  while (i > floor) {
    const c = text.charCodeAt(i - 1);
    if (c === CharCode.LineFeed || c === CharCode.CarriageReturn) break;
    i--;
  }
  return i;
}

/** Offset of the line break that ends the line before `lineStart` (the break itself is excluded from bodies). */
export function endBeforeBreak(text: string, lineStart: number, floor: number): number {
  let end = lineStart;
  if (end > floor && text.charCodeAt(end - 1) === CharCode.LineFeed) end--;
  if (end > floor && text.charCodeAt(end - 1) === CharCode.CarriageReturn) end--;
  return end;
}

/** A space or a tab: the blanks of a mail line (folding, padding around a colon or a soft break). */
export const isSpaceOrTab = (c: number): boolean => c === CharCode.Space || c === CharCode.Tab;

export const isBlank = (text: string, span: LineSpan): boolean => {
  for (let i = span.start; i < span.end; i++) if (!isSpaceOrTab(text.charCodeAt(i))) return false;
  return true;
};

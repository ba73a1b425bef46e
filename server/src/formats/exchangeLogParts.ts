// An Exchange log read in parts, as text arrives (a file read in chunks, a pipe): each part ends
// before a line that starts a record, so every record is read whole and exactly as in the whole
// text, and the header in force carries from one part to the next. Memory stays bounded by the
// part size, whatever the log's size.

import { CharCode } from '../common/charCode';
import { type ExchangeLog, type LogKind, newParseState, parseExchangeLogPart, type ParseState, RECORD_START_SPAN, startsRecord } from './exchangeLog';

/**
 * Text held back at most while no record start is seen: a longer line (hostile, or not a log) is
 * cut at its last line break, or where it stands, so a gigabyte without one cannot fill memory.
 */
const MAX_PENDING_CHARS = 16 * 1024 * 1024;

export class ExchangeLogParts {
  private pending = '';
  private line = 0;
  /** Fields per character of the last part (a tracking log has about one per 15). */
  private fieldsPerChar = 1 / 8;
  private readonly state: ParseState;

  constructor(fallbackKind: LogKind, private readonly maxPending = MAX_PENDING_CHARS) {
    this.state = newParseState(fallbackKind);
  }

  /** Adds text; returns the log of the records it completed, or undefined when none is complete yet. */
  push(text: string): ExchangeLog | undefined {
    // Most often the new text holds a record start itself: then the text held back is not searched again.
    const cutInText = lastRecordStart(text, 0);
    if (cutInText > 0) {
      const part = this.pending + text.slice(0, cutInText);
      this.pending = text.slice(cutInText);
      return this.parse(part, true);
    }
    // Text held back had no record start in it: only the new text (and the line break before it) is searched.
    const searchFrom = Math.max(0, this.pending.length - RECORD_START_SPAN - 1);
    this.pending = this.pending ? this.pending + text : text;
    let cut = lastRecordStart(this.pending, searchFrom);
    if (cut <= 0) {
      if (this.pending.length < this.maxPending) return undefined;
      cut = lastLineStart(this.pending);
      if (cut <= 0) cut = this.pending.length;
    }
    const part = this.pending.slice(0, cut);
    this.pending = this.pending.slice(cut);
    return this.parse(part, true);
  }

  /** The log of the records left at the end of the text; undefined when nothing is left. */
  finish(): ExchangeLog | undefined {
    if (!this.pending) return undefined;
    const part = this.pending;
    this.pending = '';
    return this.parse(part, false);
  }

  private parse(text: string, moreFollows: boolean): ExchangeLog {
    // The store is sized by the fields per character of the part before, with room to spare: counting
    // a part's separators first, as a whole document does, costs a pass, and growing it a copy.
    const capacity = Math.ceil(text.length * this.fieldsPerChar * 1.125) + 64;
    const { log, nextLine } = parseExchangeLogPart(text, this.state, this.line, moreFollows, capacity);
    this.line = nextLine;
    if (text.length > 0) this.fieldsPerChar = log.fields.length / text.length;
    return log;
  }
}

/** Offset of the last line that starts a record and can be seen whole (its line break at or after `from`), or -1. */
function lastRecordStart(text: string, from: number): number {
  for (let at = text.lastIndexOf('\n', text.length - RECORD_START_SPAN - 1); at >= from; at = at > 0 ? text.lastIndexOf('\n', at - 1) : -1) {
    if (startsRecord(text, at + 1)) return at + 1;
  }
  return -1;
}

/** Offset just after the last line break, or -1. */
function lastLineStart(text: string): number {
  for (let at = text.length - 1; at >= 0; at--) {
    const c = text.charCodeAt(at);
    if (c === CharCode.LineFeed) return at + 1;
    // A lone CR ends a line too; the LF of a CRLF split across parts is read as an empty line.
    if (c === CharCode.CarriageReturn && at + 1 < text.length) return at + 1;
  }
  return -1;
}

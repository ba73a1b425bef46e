// The entry points for reading a mail log as message trails: a line reader that can be fed line by
// line (the command line streams 1 GB logs through it) and one call for a whole text.

import { CharCode } from '../../common/charCode';
import { type LineHead, LineHeadReader } from '../../formats/mailLog/lineHead';
import { type MailEvent, readEvent } from '../../formats/mailLog/lineEvents';
import type { MessageTrail } from './messageTrail';
import { TrailBuilder, type TrailBuilderOptions } from './trailBuilder';

export interface ReadLine {
  readonly head: LineHead;
  readonly event: MailEvent;
  /** The trail the line joined, if it names a message. */
  readonly trail?: MessageTrail;
}

/** Lines longer than this are read for their head and event only (both bounded windows). */
export const MAX_LINE_CHARS = 5 * 1024 * 1024;

export class MailLogReader {
  private readonly heads: LineHeadReader;
  private readonly builder: TrailBuilder;
  private lineNumber = 0;

  constructor(options: TrailBuilderOptions & { readonly referenceYear?: number }) {
    this.heads = new LineHeadReader(options.referenceYear);
    this.builder = new TrailBuilder(options);
  }

  /** Reads the line text[start, end) (no line break) as line number `line`; undefined when it is not a mail log line. */
  readLine(text: string, start = 0, end = text.length, line = this.lineNumber): ReadLine | undefined {
    this.lineNumber = line + 1;
    const head = this.heads.read(text, start, end);
    if (!head) return undefined;
    const event = readEvent(text, head, end);
    const trail = this.builder.add(line, head, text, event);
    return trail ? { head, event, trail } : { head, event };
  }

  /** Closes the trails still open (their deferred recipients stay "deferred": still being retried). */
  finish(): void {
    this.builder.finish();
  }

  /** Trails closed early because too many messages were open at once. */
  get evicted(): number {
    return this.builder.evicted;
  }
}

/**
 * Every message trail of a Postfix, Exim or Sendmail log, in the order the trails closed, each
 * with its sender, Message-ID, size, times and per-recipient outcome (delivered, bounced, expired,
 * deferred, unknown), attempts, last reply, DSN code, relay and delays. `referenceYear` is the year
 * given to time stamps without one (classic syslog; a later month followed by an earlier one starts
 * the next year). Reads CRLF and LF line ends; lines are read through bounded windows.
 */
export function readMailLogTrails(text: string, options: { readonly referenceYear?: number; readonly keepLines?: boolean } = {}): MessageTrail[] {
  const trails: MessageTrail[] = [];
  const reader = new MailLogReader({ ...options, onTrail: (trail) => trails.push(trail) });
  let line = 0;
  for (let start = 0; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const contentEnd = end > start && text.charCodeAt(end - 1) === CharCode.CarriageReturn ? end - 1 : end;
    reader.readLine(text, start, contentEnd, line);
    start = end + 1;
  }
  reader.finish();
  return trails;
}

// The head of one Postfix, Exim or Sendmail log line: its time stamp, the syslog host and program
// ("postfix-out/smtp[123]:"), and the message's id. Parsers only: offsets in, offsets out. Every
// pattern is anchored at a known offset and bounded, so a 5 MB line costs what its head costs.

export type MailSystemKind = 'postfix' | 'exim' | 'sendmail';

/** What kind of id a line carries. */
export type MailIdKind = 'postfix' | 'noqueue' | 'exim' | 'sendmail';

export interface LogTime {
  /** Offsets of the time stamp in the text. */
  readonly start: number;
  readonly end: number;
  /** Milliseconds since 1970; in UTC when `zoned`, otherwise the log's local time read as if UTC. */
  readonly epochMs: number;
  /** The time stamp has no year (classic syslog): it was inferred. */
  readonly yearInferred: boolean;
  /** The time stamp names its offset from UTC. */
  readonly zoned: boolean;
}

export interface LineHead {
  readonly time: LogTime;
  readonly system: MailSystemKind;
  /** Offsets of the syslog program name ("postfix-out/smtp"), when the line has one. */
  readonly programStart: number;
  readonly programEnd: number;
  /** The daemon: the program's last path part ("smtp", "qmgr"), "exim" or "sendmail". */
  readonly daemon: string;
  readonly idKind: MailIdKind | undefined;
  /** Offsets of the id ("3bZLDk1V50z37Dv", "1jmFYj-00039V-QX", "NOQUEUE"); -1 when none. */
  readonly idStart: number;
  readonly idEnd: number;
  /** Where the message text after the head (and after the id) starts. */
  readonly body: number;
}

import { CharCode } from '../../common/charCode';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Only this much of a line is read for its head: time stamps, host, program and id fit easily. */
const HEAD_WINDOW = 400;

// "2024-08-26T01:33:38.572449+00:00", "2024-01-02T03:04:05+0000" (journalctl -o short-iso), "...Z".
const RFC3339 = /(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d{1,9})?(Z|[+-]\d\d:?\d\d)?(?= )/y;
// "Nov 23 09:14:02", "Jan  4 20:47:07", "Jan 02 03:04:05.123456" (journalctl -o short-precise),
// "Mar 7 02:09:33" (some syslog daemons do not pad the day); optionally year first: "2013 Jun 10 06:28:17.123".
const SYSLOG = /(?:(\d{4}) )?([A-Z][a-z]{2}) ( ?\d\d?) (\d\d):(\d\d):(\d\d)(\.\d{1,9})?(?= )/y;
// Exim: "2020-06-19 04:51:49", with ".123" milliseconds and a " +0200" zone when so configured.
const EXIM_TIME = /(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(\.\d{1,6})?(?: ([+-]\d{4}))?(?= |$)/y;
// Exim's "[pid] " after its time stamp (log_selector +pid).
const EXIM_PID = / \[\d{1,10}\]/y;
const EXIM_ID = /([0-9A-Za-z]{6}-(?:[0-9A-Za-z]{11}-[0-9A-Za-z]{4}|[0-9A-Za-z]{6}-[0-9A-Za-z]{2}))(?= |$)/y;

/** Reads line heads in order; keeps the state that infers missing years. */
export class LineHeadReader {
  private year: number;
  private lastMonth = -1;
  /** The last syslog time stamp read by its pattern, where it is written: busy logs write many lines in the same second. */
  private lastStamp: { readonly source: string; readonly start: number; readonly length: number; readonly time: LogTime & { exim: boolean } } | undefined;
  /** The programs seen lately ("postfix/smtpd"), with their daemon and mail system: a log names a handful. */
  private readonly programs: KnownProgram[] = [];
  private nextProgram = 0;

  /** `referenceYear`: the year given to the first time stamp that has none (the current year by default). */
  constructor(referenceYear = new Date().getUTCFullYear()) {
    this.year = referenceYear;
  }

  /**
   * The head of the line text[start, end); undefined when it is not a mail log line. The syslog
   * source, the queue id and a repeated time stamp are read in place, character by character: they
   * are on every line, and a copy of the line's head, a match array or a program name per line would
   * be garbage on every line. Patterns run on a copy of the head only for the time stamps they read.
   */
  read(text: string, start: number, end: number): LineHead | undefined {
    const limit = Math.min(end, start + HEAD_WINDOW);
    const time = this.readTime(text, start, limit);
    if (!time) return this.eximWithoutSyslogTime(text, start, limit);
    let at = start + time.end;
    const timeSpan: LogTime = { start: start + time.start, end: start + time.end, epochMs: time.epochMs, yearInferred: time.yearInferred, zoned: time.zoned };
    if (time.exim) return eximHead(text.slice(start, limit), time.end, start, timeSpan);
    const programStart = syslogSource(text, at, limit);
    if (programStart < 0) return undefined;
    at = lastSourceEnd;
    const programEnd = lastProgramEnd;
    const { daemon, system } = this.programOf(text, programStart, programEnd);
    if (!system) return undefined;
    if (system === 'exim') {
      // Exim through syslog: its own time stamp may follow ("exim[12105]: 2016-04-28 15:53:37 [12105] 1avn...").
      const window = text.slice(start, limit);
      let from = at - start;
      EXIM_TIME.lastIndex = from;
      if (EXIM_TIME.exec(window)) {
        from = EXIM_TIME.lastIndex;
        EXIM_PID.lastIndex = from;
        if (EXIM_PID.exec(window)) from = EXIM_PID.lastIndex;
      }
      const id = eximId(window, from, start);
      return head(timeSpan, system, programStart, programEnd, daemon, id.idKind, id.idStart, id.idEnd, id.body);
    }
    const idLength = queueIdLength(text, at, limit);
    if (idLength > 0) {
      const idKind: MailIdKind = isNoQueue(text, at, idLength) ? 'noqueue' : system === 'sendmail' ? 'sendmail' : 'postfix';
      return head(timeSpan, system, programStart, programEnd, daemon, idKind, at, at + idLength, at + idLength + 2);
    }
    // Postfix names the message a warning is about after its level ("warning: 9BECF3F19D: ..."):
    // the line joins that message's trail and its body keeps the level, so it still reads as a warning.
    const level = system === 'postfix' ? levelLength(text, at, limit) : 0;
    const levelIdLength = level > 0 ? queueIdLength(text, at + level, limit) : 0;
    if (levelIdLength > 0 && !isNoQueue(text, at + level, levelIdLength)) {
      return head(timeSpan, system, programStart, programEnd, daemon, 'postfix', at + level, at + level + levelIdLength, at);
    }
    return head(timeSpan, system, programStart, programEnd, daemon, undefined, -1, -1, at);
  }

  /**
   * Exim through a syslog that writes no time stamp of its own, only the host ("mx exim[3751842]:
   * 2021-07-17 23:20:49 ..."): Exim's own time stamp after the source gives the line its time.
   */
  private eximWithoutSyslogTime(text: string, start: number, limit: number): LineHead | undefined {
    const programStart = sourceAt(text, start, limit);
    if (programStart < 0) return undefined;
    const sourceEnd = lastSourceEnd;
    const programEnd = lastProgramEnd;
    const { daemon, system } = this.programOf(text, programStart, programEnd);
    if (system !== 'exim') return undefined;
    const window = text.slice(start, limit);
    EXIM_TIME.lastIndex = sourceEnd - start;
    const m = EXIM_TIME.exec(window);
    if (!m) return undefined;
    const time: LogTime = { start: start + m.index, end: start + EXIM_TIME.lastIndex, epochMs: eximEpochMs(m), yearInferred: false, zoned: m[8] !== undefined };
    let from = EXIM_TIME.lastIndex;
    EXIM_PID.lastIndex = from;
    if (EXIM_PID.exec(window)) from = EXIM_PID.lastIndex;
    const id = eximId(window, from, start);
    return head(time, system, programStart, programEnd, daemon, id.idKind, id.idStart, id.idEnd, id.body);
  }

  /** The daemon and mail system of the program text[start, end), from the programs seen lately when it is one of them. */
  private programOf(text: string, start: number, end: number): KnownProgram {
    const length = end - start;
    for (const known of this.programs) {
      if (known.length === length && sameChars(text, start, known.source, known.start, length)) return known;
    }
    const program = text.slice(start, end);
    const daemon = program.slice(program.lastIndexOf('/') + 1);
    const known = { source: text, start, length, daemon, system: systemOf(program, daemon) };
    this.programs[this.nextProgram] = known;
    this.nextProgram = (this.nextProgram + 1) % KNOWN_PROGRAMS;
    return known;
  }

  private readTime(text: string, start: number, limit: number): (LogTime & { exim: boolean }) | undefined {
    // The shapes differ by their first characters: a letter starts classic syslog, a year the rest.
    const first = charAt(text, start, limit);
    if (first >= CharCode.UpperA && first <= CharCode.UpperZ) return this.readSyslogTime(text, start, limit);
    if (first < CharCode.Digit0 || first > CharCode.Digit9) return undefined;
    const tenth = charAt(text, start + 10, limit);
    if (tenth === CharCode.UpperT || tenth === CharCode.Space) {
      const window = text.slice(start, limit);
      let m: RegExpExecArray | null = null;
      if (tenth === CharCode.UpperT) {
        RFC3339.lastIndex = 0;
        m = RFC3339.exec(window);
      }
      if (m) {
        const ms = utc(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, m[7]);
        const zone = m[8];
        return { start: 0, end: RFC3339.lastIndex, epochMs: ms - offsetMinutes(zone) * 60_000, yearInferred: false, zoned: zone !== undefined, exim: false };
      }
      EXIM_TIME.lastIndex = 0;
      m = tenth === CharCode.Space ? EXIM_TIME.exec(window) : null;
      if (m) return { start: 0, end: EXIM_TIME.lastIndex, epochMs: eximEpochMs(m), yearInferred: false, zoned: m[8] !== undefined, exim: true };
    }
    return charAt(text, start + 4, limit) === CharCode.Space ? this.readSyslogTime(text, start, limit) : undefined;
  }

  private readSyslogTime(text: string, start: number, limit: number): (LogTime & { exim: boolean }) | undefined {
    const last = this.lastStamp;
    if (last) {
      const length = last.length;
      const followedBySpace = start + length < limit && text.charCodeAt(start + length) === CharCode.Space;
      if (followedBySpace && sameChars(text, start, last.source, last.start, length)) return last.time;
    }
    SYSLOG.lastIndex = 0;
    const m = SYSLOG.exec(text.slice(start, limit));
    if (!m) return undefined;
    const time = this.syslogTime(m);
    if (time) this.lastStamp = { source: text, start, length: m[0].length, time };
    return time;
  }

  private syslogTime(m: RegExpExecArray): (LogTime & { exim: boolean }) | undefined {
    const month = MONTHS.indexOf(m[2]!);
    if (month < 0) return undefined;
    const yearInferred = m[1] === undefined;
    let year: number;
    if (yearInferred) {
      // A month earlier than the previous line's means the log crossed a new year.
      if (this.lastMonth >= 0 && month < this.lastMonth) this.year++;
      this.lastMonth = month;
      year = this.year;
    } else year = +m[1]!;
    const ms = utc(year, month, +m[3]!.trim(), +m[4]!, +m[5]!, +m[6]!, m[7]);
    return { start: 0, end: m[0].length, epochMs: ms, yearInferred, zoned: false, exim: false };
  }
}

interface KnownProgram {
  /** Where the program name was read: source[start, start + length). */
  readonly source: string;
  readonly start: number;
  readonly length: number;
  readonly daemon: string;
  readonly system: MailSystemKind | undefined;
}

const KNOWN_PROGRAMS = 16;

function eximHead(window: string, at: number, start: number, time: LogTime): LineHead {
  EXIM_PID.lastIndex = at;
  if (EXIM_PID.exec(window)) at = EXIM_PID.lastIndex;
  const id = eximId(window, at, start);
  return head(time, 'exim', -1, -1, 'exim', id.idKind, id.idStart, id.idEnd, id.body);
}

/** The character at `i`, or NaN past `limit` (as charCodeAt past the end of a copy of the head). */
const charAt = (text: string, i: number, limit: number): number => (i < limit ? text.charCodeAt(i) : NaN);

/** text[at, at + length) is source[from, from + length), compared from the end: a time stamp differs in its last digits. */
function sameChars(text: string, at: number, source: string, from: number, length: number): boolean {
  for (let i = length - 1; i >= 0; i--) if (text.charCodeAt(at + i) !== source.charCodeAt(from + i)) return false;
  return true;
}

/** One object shape for every head, so the code reading heads stays monomorphic. */
function head(
  time: LogTime, system: MailSystemKind, programStart: number, programEnd: number, daemon: string,
  idKind: MailIdKind | undefined, idStart: number, idEnd: number, body: number,
): LineHead {
  return { time, system, programStart, programEnd, daemon, idKind, idStart, idEnd, body };
}

function eximId(window: string, at: number, start: number): { idKind?: MailIdKind; idStart: number; idEnd: number; body: number } {
  if (window.charCodeAt(at) === CharCode.Space) at++;
  EXIM_ID.lastIndex = at;
  const id = EXIM_ID.exec(window);
  if (!id) return { idStart: -1, idEnd: -1, body: start + at };
  const end = at + id[1]!.length;
  return { idKind: 'exim', idStart: start + at, idEnd: start + end, body: start + Math.min(end + 1, window.length) };
}

// The syslog source and the queue id are read by hand, character by character: they are on every
// line, and a regular expression's match array and captures would be garbage on every line.

/** Where the last syslog source read ends (after "]: " or ": ") and its program ends. */
let lastSourceEnd = 0;
let lastProgramEnd = 0;

/**
 * " host program[pid]: " or " host program: " at `at` (before `limit`): the program's offset, or -1.
 * The host is any run without space, tab, ":", "[" or "]"; the program letters, digits and "_.-/";
 * the pid digits.
 */
function syslogSource(text: string, at: number, limit: number): number {
  return charAt(text, at, limit) === CharCode.Space ? sourceAt(text, at + 1, limit) : -1;
}

/** "host program[pid]: " or "host program: " at `at`, as syslogSource without the space before. */
function sourceAt(text: string, at: number, limit: number): number {
  let i = at;
  while (i < limit && isHostChar(text.charCodeAt(i))) i++;
  if (i === at || charAt(text, i, limit) !== CharCode.Space) return -1;
  const program = ++i;
  while (i < limit && isProgramChar(text.charCodeAt(i))) i++;
  if (i === program) return -1;
  lastProgramEnd = i;
  if (charAt(text, i, limit) === OPEN_SQUARE) {
    const digits = ++i;
    while (isDigit(charAt(text, i, limit))) i++;
    if (i === digits || charAt(text, i, limit) !== CLOSE_SQUARE) return -1;
    i++;
  }
  if (charAt(text, i, limit) !== CharCode.Colon || charAt(text, i + 1, limit) !== CharCode.Space) return -1;
  lastSourceEnd = i + 2;
  return program;
}

const OPEN_SQUARE = 0x5b;
const CLOSE_SQUARE = 0x5d;

const isDigit = (c: number): boolean => c >= CharCode.Digit0 && c <= CharCode.Digit9;
const isLetter = (c: number): boolean => (c >= CharCode.UpperA && c <= CharCode.UpperZ) || (c >= CharCode.LowerA && c <= CharCode.LowerZ);
const isProgramChar = (c: number): boolean =>
  isLetter(c) || isDigit(c) || c === CharCode.Underscore || c === CharCode.Dot || c === HYPHEN || c === CharCode.Slash;
const isHostChar = (c: number): boolean => c !== CharCode.Space && c !== CharCode.Tab && c !== CharCode.Colon && c !== OPEN_SQUARE && c !== CLOSE_SQUARE;
const HYPHEN = 0x2d;

/**
 * The longest queue id read, with room to spare. Postfix's short ids are 5 hex digits of
 * microseconds and the inode number in hex, up to 16 more on 64-bit file systems (21 in all); long
 * ids (enable_long_queue_ids) write the same numbers in base 52 and 51 with a "z" between.
 */
const MAX_QUEUE_ID = 30;

/**
 * The length of a Postfix queue id (short hex, long base-52) or Sendmail queue id at `at`: 5 to MAX_QUEUE_ID
 * letters and digits followed by ": ", with a digit or all capitals ("DADADADADA" in an anonymised
 * log; "warning" is no id). 0 when there is none.
 */
function queueIdLength(text: string, at: number, limit: number): number {
  let i = at;
  let digit = false;
  let lower = false;
  for (let c = charAt(text, i, limit); isLetter(c) || isDigit(c); c = charAt(text, ++i, limit)) {
    if (isDigit(c)) digit = true;
    else if (c >= CharCode.LowerA) lower = true;
  }
  const length = i - at;
  if (length < 5 || length > MAX_QUEUE_ID || charAt(text, i, limit) !== CharCode.Colon || charAt(text, i + 1, limit) !== CharCode.Space) return 0;
  return digit || !lower ? length : 0;
}

/** Postfix's message levels (msg(3)) before ": " at `at`: the length with ": ", or 0. */
function levelLength(text: string, at: number, limit: number): number {
  for (const level of MESSAGE_LEVELS) {
    if (at + level.length <= limit && text.startsWith(level, at)) return level.length;
  }
  return 0;
}
const MESSAGE_LEVELS = ['warning: ', 'error: ', 'fatal: ', 'panic: '];

function isNoQueue(text: string, at: number, length: number): boolean {
  return length === 7 && text.startsWith('NOQUEUE', at);
}

/** "postfix" in any case at the start of the program name. */
function startsWithPostfix(program: string): boolean {
  if (program.length < 7) return false;
  for (let i = 0; i < 7; i++) if ((program.charCodeAt(i) | 0x20) !== POSTFIX_CODES[i]) return false;
  return true;
}
const POSTFIX_CODES = [...'postfix'].map((c) => c.charCodeAt(0));

function systemOf(program: string, daemon: string): MailSystemKind | undefined {
  if (startsWithPostfix(program)) return 'postfix';
  if (daemon === 'exim' || daemon === 'exim4') return 'exim';
  // Sendmail logs as "sendmail", "sm-mta" or "sm-msp-queue", or under its process title where the
  // system takes that for the name ("sm-acceptingconnections").
  if (daemon === 'sendmail' || daemon.startsWith('sm-')) return 'sendmail';
  return undefined;
}

/** The epoch milliseconds of an EXIM_TIME match, its zone applied. */
function eximEpochMs(m: RegExpExecArray): number {
  return utc(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, m[7]) - offsetMinutes(m[8]) * 60_000;
}

function utc(year: number, month: number, day: number, hour: number, minute: number, second: number, fraction: string | undefined): number {
  return Date.UTC(year, month, day, hour, minute, second) + (fraction ? Math.floor(Number(`0${fraction}`) * 1000) : 0);
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

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
// "Nov 23 09:14:02", "Jan  4 20:47:07", "Jan 02 03:04:05.123456" (journalctl -o short-precise);
// optionally year first: "2013 Jun 10 06:28:17.123".
const SYSLOG = /(?:(\d{4}) )?([A-Z][a-z]{2}) ([ \d]\d) (\d\d):(\d\d):(\d\d)(\.\d{1,9})?(?= )/y;
// Exim: "2020-06-19 04:51:49", with ".123" milliseconds and a " +0200" zone when so configured.
const EXIM_TIME = /(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(\.\d{1,6})?(?: ([+-]\d{4}))?(?= |$)/y;
// Exim's "[pid] " after its time stamp (log_selector +pid).
const EXIM_PID = / \[\d{1,10}\]/y;
const EXIM_ID = /([0-9A-Za-z]{6}-(?:[0-9A-Za-z]{11}-[0-9A-Za-z]{4}|[0-9A-Za-z]{6}-[0-9A-Za-z]{2}))(?= |$)/y;

/** Reads line heads in order; keeps the state that infers missing years. */
export class LineHeadReader {
  private year: number;
  private lastMonth = -1;

  /** `referenceYear`: the year given to the first time stamp that has none (the current year by default). */
  constructor(referenceYear = new Date().getUTCFullYear()) {
    this.year = referenceYear;
  }

  /** The head of the line text[start, end); undefined when it is not a mail log line. */
  read(text: string, start: number, end: number): LineHead | undefined {
    const limit = Math.min(end, start + HEAD_WINDOW);
    const window = text.slice(start, limit);
    const time = this.readTime(window);
    if (!time) return undefined;
    let at = time.end;
    const timeSpan: LogTime = { start: start + time.start, end: start + time.end, epochMs: time.epochMs, yearInferred: time.yearInferred, zoned: time.zoned };
    if (time.exim) return this.eximHead(window, at, start, timeSpan);
    const programAt = syslogSource(window, at);
    if (programAt < 0) return undefined;
    at = lastSourceEnd;
    const program = window.slice(programAt, lastProgramEnd);
    const programStart = start + programAt;
    const slash = program.lastIndexOf('/');
    const daemon = program.slice(slash + 1);
    const system = systemOf(program, daemon);
    if (!system) return undefined;
    const programEnd = programStart + program.length;
    if (system === 'exim') {
      // Exim through syslog: its own time stamp may follow ("exim[12105]: 2016-04-28 15:53:37 [12105] 1avn...").
      EXIM_TIME.lastIndex = at;
      if (EXIM_TIME.exec(window)) {
        at = EXIM_TIME.lastIndex;
        EXIM_PID.lastIndex = at;
        if (EXIM_PID.exec(window)) at = EXIM_PID.lastIndex;
      }
      const id = eximId(window, at, start);
      return head(timeSpan, system, programStart, programEnd, daemon, id.idKind, id.idStart, id.idEnd, id.body);
    }
    const idLength = queueIdLength(window, at);
    if (idLength > 0) {
      const idKind: MailIdKind = isNoQueue(window, at, idLength) ? 'noqueue' : system === 'sendmail' ? 'sendmail' : 'postfix';
      return head(timeSpan, system, programStart, programEnd, daemon, idKind, start + at, start + at + idLength, start + at + idLength + 2);
    }
    return head(timeSpan, system, programStart, programEnd, daemon, undefined, -1, -1, start + at);
  }

  private eximHead(window: string, at: number, start: number, time: LogTime): LineHead {
    EXIM_PID.lastIndex = at;
    if (EXIM_PID.exec(window)) at = EXIM_PID.lastIndex;
    const id = eximId(window, at, start);
    return head(time, 'exim', -1, -1, 'exim', id.idKind, id.idStart, id.idEnd, id.body);
  }

  private readTime(window: string): (LogTime & { exim: boolean }) | undefined {
    // The shapes differ by their first characters: a letter starts classic syslog, a year the rest.
    const first = window.charCodeAt(0);
    if (first >= CharCode.UpperA && first <= CharCode.UpperZ) return this.readSyslogTime(window);
    if (first < CharCode.Digit0 || first > CharCode.Digit9) return undefined;
    let m: RegExpExecArray | null = null;
    if (window.charCodeAt(10) === CharCode.UpperT) {
      RFC3339.lastIndex = 0;
      m = RFC3339.exec(window);
    }
    if (m) {
      const ms = utc(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, m[7]);
      const zone = m[8];
      return { start: 0, end: RFC3339.lastIndex, epochMs: ms - offsetMinutes(zone) * 60_000, yearInferred: false, zoned: zone !== undefined, exim: false };
    }
    EXIM_TIME.lastIndex = 0;
    m = window.charCodeAt(10) === CharCode.Space ? EXIM_TIME.exec(window) : null;
    if (m) {
      const ms = utc(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, m[7]);
      return { start: 0, end: EXIM_TIME.lastIndex, epochMs: ms - offsetMinutes(m[8]) * 60_000, yearInferred: false, zoned: m[8] !== undefined, exim: true };
    }
    return window.charCodeAt(4) === CharCode.Space ? this.readSyslogTime(window) : undefined;
  }

  private readSyslogTime(window: string): (LogTime & { exim: boolean }) | undefined {
    // Busy logs write many lines in the same second: the last stamp read is read again for free.
    const last = this.lastStamp;
    if (last && window.startsWith(last.text) && window.charCodeAt(last.text.length) === CharCode.Space) return last.time;
    SYSLOG.lastIndex = 0;
    const m = SYSLOG.exec(window);
    if (!m) return undefined;
    const time = this.syslogTime(m);
    if (time) this.lastStamp = { text: m[0], time };
    return time;
  }

  private lastStamp: { readonly text: string; readonly time: LogTime & { exim: boolean } } | undefined;

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
 * " host program[pid]: " or " host program: " at `at`: the program's offset, or -1. The host is
 * any run without space, tab, ":", "[" or "]"; the program letters, digits and "_.-/"; the pid digits.
 */
function syslogSource(window: string, at: number): number {
  if (window.charCodeAt(at) !== CharCode.Space) return -1;
  let i = at + 1;
  while (i < window.length && isHostChar(window.charCodeAt(i))) i++;
  if (i === at + 1 || window.charCodeAt(i) !== CharCode.Space) return -1;
  const program = ++i;
  while (i < window.length && isProgramChar(window.charCodeAt(i))) i++;
  if (i === program) return -1;
  lastProgramEnd = i;
  if (window.charCodeAt(i) === OPEN_SQUARE) {
    const digits = ++i;
    while (isDigit(window.charCodeAt(i))) i++;
    if (i === digits || window.charCodeAt(i) !== CLOSE_SQUARE) return -1;
    i++;
  }
  if (window.charCodeAt(i) !== CharCode.Colon || window.charCodeAt(i + 1) !== CharCode.Space) return -1;
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
 * The length of a Postfix queue id (short hex, long base-52) or Sendmail queue id at `at`: 5 to 20
 * letters and digits followed by ": ", with a digit or all capitals ("DADADADADA" in an anonymised
 * log; "warning" is no id). 0 when there is none.
 */
function queueIdLength(window: string, at: number): number {
  let i = at;
  let digit = false;
  let lower = false;
  for (let c = window.charCodeAt(i); isLetter(c) || isDigit(c); c = window.charCodeAt(++i)) {
    if (isDigit(c)) digit = true;
    else if (c >= CharCode.LowerA) lower = true;
  }
  const length = i - at;
  if (length < 5 || length > 20 || window.charCodeAt(i) !== CharCode.Colon || window.charCodeAt(i + 1) !== CharCode.Space) return 0;
  return digit || !lower ? length : 0;
}

function isNoQueue(window: string, at: number, length: number): boolean {
  return length === 7 && window.startsWith('NOQUEUE', at);
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
  if (daemon === 'sendmail' || daemon === 'sm-mta' || daemon === 'sm-msp-queue') return 'sendmail';
  return undefined;
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

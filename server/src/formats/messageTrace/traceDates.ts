// Times in message traces. The admin center writes ISO-like times in the zone its column name
// carries; Export-Csv writes a DateTime as the exporting machine's culture prints it ("10/21/2022
// 5:25:36 PM" in en-US, "21.10.2022 17:25:36" in de-DE, "2022/10/21 17:25:36" in ja-JP). A file
// says which order its slash dates use only when one of them has a day above 12; otherwise the order
// is assumed, and the assumption is reported.

import { CharCode } from '../../common/charCode';
import { digitsAt } from '../exchangeLogLookups';

export type DateOrder = 'year-first' | 'month-first' | 'day-first';

export interface DateReading {
  /** The order of slash dates in this file (dotted dates are always day-first, dashed ones year-first). */
  readonly slashOrder: DateOrder;
  /** Why that order: proven by a value, or assumed. */
  readonly assumed: boolean;
  readonly reason: string;
}

const ISO = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,7}))?)?\s*(Z|UTC|[+-]\d\d:?\d\d)?$/i;
const CULTURE = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})\.?\s+(\d{1,2})[:.](\d\d)(?:[:.](\d\d))?(?:[.,](\d{1,7}))?\s*(AM|PM|a\.?m\.?|p\.?m\.?)?$/i;

/** Longest value read as a time: a hostile cell is not parsed past this. */
const MAX_TIME_LENGTH = 64;

/** Reads the slash dates of a file (bounded by the caller) and decides their order. */
export class DateOrderVote {
  private monthFirstProof = 0;
  private dayFirstProof = 0;
  private withMeridiem = 0;
  private slashDates = 0;

  /** Counts the vote of a value; weight -1 takes back the vote of a value counted before (a row edited away). */
  add(value: string, weight: 1 | -1 = 1): void {
    // Only slash dates vote: ISO and dotted times (most files) skip the pattern.
    if (value.length > MAX_TIME_LENGTH || !value.includes('/')) return;
    const m = CULTURE.exec(value.trim());
    if (!m || m[2] !== '/' || m[1]!.length === 4) return;
    this.slashDates += weight;
    const first = Number(m[1]);
    const second = Number(m[3]);
    if (first > 12 && second <= 12) this.dayFirstProof += weight;
    if (second > 12 && first <= 12) this.monthFirstProof += weight;
    if (m[9]) this.withMeridiem += weight;
  }

  /** A vote with the same counts, to go on counting without changing this one. */
  copy(): DateOrderVote {
    const copy = new DateOrderVote();
    copy.monthFirstProof = this.monthFirstProof;
    copy.dayFirstProof = this.dayFirstProof;
    copy.withMeridiem = this.withMeridiem;
    copy.slashDates = this.slashDates;
    return copy;
  }

  decide(): DateReading {
    if (this.monthFirstProof > 0 && this.dayFirstProof === 0) {
      return { slashOrder: 'month-first', assumed: false, reason: 'month first (as en-US writes it): a date in this file has a day above 12 in second place' };
    }
    if (this.dayFirstProof > 0 && this.monthFirstProof === 0) {
      return { slashOrder: 'day-first', assumed: false, reason: 'day first (as en-GB and fr-FR write it): a date in this file has a day above 12 in first place' };
    }
    if (this.monthFirstProof > 0 && this.dayFirstProof > 0) {
      return { slashOrder: 'month-first', assumed: true, reason: 'month first (en-US) assumed: this file mixes both orders, so some of its dates cannot be right' };
    }
    if (this.slashDates > 0 && this.withMeridiem === 0) {
      return { slashOrder: 'day-first', assumed: true, reason: 'day first (en-GB) assumed: no date in this file has a day above 12, and a 24-hour clock is how en-GB writes times' };
    }
    if (this.slashDates === 0) return { slashOrder: 'month-first', assumed: false, reason: 'as written: no date in this file is written with slashes, whose order depends on the culture' };
    return { slashOrder: 'month-first', assumed: true, reason: 'month first (en-US, the culture that writes AM and PM) assumed: no date in this file has a day above 12' };
  }
}

/**
 * Milliseconds since 1970 of a trace time read as UTC (an admin-center report in another zone is
 * read in its own zone's wall clock, which keeps differences right); NaN when it is not a time.
 */
export function parseTraceTime(value: string, reading: DateReading): number {
  const text = value.trim();
  if (text.length === 0 || text.length > MAX_TIME_LENGTH) return Number.NaN;
  const utc = isoUtcTimeAt(text, 0, text.length);
  if (utc !== undefined) return utc;
  const iso = ISO.exec(text);
  if (iso) {
    const base = Date.UTC(+iso[1]!, +iso[2]! - 1, +iso[3]!, +iso[4]!, +iso[5]!, +(iso[6] ?? 0), fraction(iso[7]));
    if (!validParts(+iso[1]!, +iso[2]!, +iso[3]!, +iso[4]!, +iso[5]!, +(iso[6] ?? 0))) return Number.NaN;
    return base - offsetMinutes(iso[8]) * 60_000;
  }
  const m = CULTURE.exec(text);
  if (!m) return Number.NaN;
  const [a, sep, b, c] = [m[1]!, m[2]!, Number(m[3]), m[4]!];
  let year: number;
  let month: number;
  let day: number;
  if (a.length === 4) { year = +a; month = b; day = +c; }
  else if (c.length !== 4) return Number.NaN;
  else if (sep === '.' || sep === '-' || reading.slashOrder === 'day-first') { day = +a; month = b; year = +c; }
  else { month = +a; day = b; year = +c; }
  let hour = Number(m[5]);
  const meridiem = m[9]?.toLowerCase().replaceAll('.', '');
  if (meridiem) {
    if (hour < 1 || hour > 12) return Number.NaN;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  const minute = Number(m[6]);
  const second = Number(m[7] ?? 0);
  if (!validParts(year, month, day, hour, minute, second)) return Number.NaN;
  return Date.UTC(year, month - 1, day, hour, minute, second, fraction(m[8]));
}

/**
 * parseTraceTime of the characters [start, end) of a document, for a loop over every row: the admin
 * center's own form is read in place, without copying the value out; any other value as parseTraceTime reads it.
 */
export function parseTraceTimeAt(text: string, start: number, end: number, reading: DateReading): number {
  // Starting with a digit and ending with Z, the value has no blanks to trim.
  const first = text.charCodeAt(start);
  if (first >= CharCode.Digit0 && first <= CharCode.Digit9 && text.charCodeAt(end - 1) === CharCode.UpperZ) {
    const utc = isoUtcTimeAt(text, start, end);
    if (utc !== undefined) return utc;
  }
  return parseTraceTime(text.slice(start, end), reading);
}

/**
 * The admin center's own form, "2026-11-20T00:00:01.348Z", in [start, end) of `text`, read without a
 * pattern (it is on every row of a big report); undefined for any other text, which the ISO pattern
 * then reads the same way.
 */
function isoUtcTimeAt(text: string, start: number, end: number): number | undefined {
  const n = end - start;
  const at = (k: number): number => text.charCodeAt(start + k);
  if (n < 20 || n > 28 || at(n - 1) !== CharCode.UpperZ) return undefined;
  if (at(4) !== CharCode.Dash || at(7) !== CharCode.Dash || at(10) !== CharCode.UpperT) return undefined;
  if (at(13) !== CharCode.Colon || at(16) !== CharCode.Colon) return undefined;
  const year = digitsAt(text, start, 4);
  const month = digitsAt(text, start + 5, 2);
  const day = digitsAt(text, start + 8, 2);
  const hour = digitsAt(text, start + 11, 2);
  const minute = digitsAt(text, start + 14, 2);
  const second = digitsAt(text, start + 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  let ms = 0;
  if (n > 20) {
    // A fraction of one to seven digits after a dot, then Z.
    const digits = n - 21;
    const value = n < 22 || at(19) !== CharCode.Dot ? -1 : digitsAt(text, start + 20, digits);
    if (value < 0) return undefined;
    ms = fractionMs(value, digits);
  }
  if (!validParts(year, month, day, hour, minute, second)) return Number.NaN;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

function fraction(digits: string | undefined): number {
  return digits ? Math.floor(Number(`0.${digits}`) * 1000) : 0;
}

/**
 * fraction() of `count` digits (one to seven) whose value is `value`, without a string: the same
 * milliseconds for every such value (checked for all of them), truncated, never rounded.
 */
function fractionMs(value: number, count: number): number {
  return count <= 3 ? value * 10 ** (3 - count) : Math.floor(value / 10 ** (count - 3));
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone || /^(z|utc)$/i.test(zone)) return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

function validParts(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  return day <= daysInMonth(year, month);
}

/** Days in a month of the Gregorian calendar; years 0 to 99 are 1900 to 1999, as Date.UTC reads them. */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  const y = year >= 0 && year <= 99 ? 1900 + year : year;
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
}

/** "2 h 5 min", "3 days 4 h", "40 s": a duration as an administrator reads it. */
export function traceDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} days ${hours % 24} h` : `${days} days`;
}

// The path a message took, from its Received headers: who handed it to whom, when, and how long
// each hop took. Headers are read newest first; hops are returned oldest first.

import { CharCode } from '../../common/charCode';
import { parseMailDate } from './dates';
import { header, headers, type HeaderField } from './headers';
import type { MappedText } from './mappedText';

export interface Hop {
  readonly field: HeaderField;
  /** Raw offsets of the whole header field. */
  readonly start: number;
  readonly end: number;
  /** Raw offset of the end of the field's first line, where a hint goes. */
  readonly firstLineEnd: number;
  readonly from?: string;
  readonly fromIp?: string;
  readonly by?: string;
  readonly with?: string;
  readonly id?: string;
  readonly for?: string;
  /** Epoch milliseconds of the stamp after the ";", when it parses. */
  readonly time?: number;
  /** Time since the previous hop (or since the Date header, for the first hop). */
  readonly delayMs?: number;
  /** What `delayMs` is measured from. */
  readonly delaySince?: 'previous hop' | 'Date header';
  /** Time since the first stamped hop. */
  readonly sinceFirstMs?: number;
}

export interface HopChain {
  /** Oldest first. */
  readonly hops: readonly Hop[];
  /** From the first stamped hop to the last one. */
  readonly totalMs?: number;
}

/** A host name, an address literal ("[192.0.2.1]") or another single word, read where lastIndex is. */
const WORD = /\[[^\]\s]{1,60}\]|[^\s;()[\]]{1,255}/y;

/** The Received chain of a header block whose offsets `map` turns into raw offsets. */
export function readReceivedChain(block: { readonly fields: readonly HeaderField[] }, map: MappedText): HopChain {
  const fields = headers(block, 'received');
  const date = parseMailDate(header(block, 'date')?.value ?? '');
  const raw = fields.map((field) => parseReceived(field, map)).reverse();
  const hops: Hop[] = [];
  let previous: number | undefined;
  let first: number | undefined;
  for (const hop of raw) {
    let delayMs: number | undefined;
    let delaySince: Hop['delaySince'];
    if (hop.time !== undefined) {
      if (previous !== undefined) { delayMs = hop.time - previous; delaySince = 'previous hop'; }
      else if (date !== undefined && Math.abs(hop.time - date) < 30 * 86_400_000) { delayMs = hop.time - date; delaySince = 'Date header'; }
      first ??= hop.time;
      previous = hop.time;
    }
    hops.push({ ...hop, delayMs, delaySince, sinceFirstMs: hop.time !== undefined && first !== undefined ? hop.time - first : undefined });
  }
  const stamped = hops.filter((h) => h.time !== undefined);
  const totalMs = stamped.length >= 2 ? stamped[stamped.length - 1]!.time! - stamped[0]!.time! : undefined;
  return { hops, totalMs };
}

function parseReceived(field: HeaderField, map: MappedText): Hop {
  const value = field.value;
  const semicolon = value.lastIndexOf(';');
  const path = semicolon >= 0 ? value.slice(0, semicolon) : value;
  const time = semicolon >= 0 ? parseMailDate(value.slice(semicolon + 1)) : undefined;
  const lower = path.toLowerCase();
  const fromAt = keywordAt(lower, 'from');
  const byAt = keywordAt(lower, 'by');
  // The word after the keyword, read in place (a header repeated thousands of times would otherwise copy its rest five times).
  const after = (keyword: string, at = keywordAt(lower, keyword)): string | undefined => {
    if (at < 0) return undefined;
    let wordStart = at + keyword.length;
    while (wordStart < path.length && BLANK.test(path[wordStart]!)) wordStart++;
    WORD.lastIndex = wordStart;
    const m = WORD.exec(path);
    return m ? m[0].replace(/^<|>$/g, '') : undefined;
  };
  const fromPart = fromAt >= 0 ? path.slice(fromAt, byAt > fromAt ? byAt : path.length) : '';
  // The connecting address sits in the parenthesised TCP information; a bracket before it is the HELO literal.
  const ip = /\([^()[\]]{0,200}\[(?:IPv6:)?([0-9A-Fa-f:.]{2,45})\]/.exec(fromPart)?.[1]
    ?? /\((?:[^()]{0,100}\s)?(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})\)/.exec(fromPart)?.[1]
    ?? /\[(?:IPv6:)?([0-9A-Fa-f:.]{2,45})\]/.exec(fromPart)?.[1];
  const firstBreak = value.length > 0 && field.folds.length > 0 ? field.folds[0]![1] : field.end;
  return {
    field,
    start: map.toRaw(field.start),
    end: map.toRaw(field.end),
    firstLineEnd: map.toRaw(field.folds.length > 0 ? endOfLineBefore(field, firstBreak) : field.end),
    from: after('from', fromAt), fromIp: ip, by: after('by', byAt), with: after('with'), id: after('id'), for: after('for'), time,
  };
}

/** What trimStart removes. */
const BLANK = /\s/;

/** Offset of `keyword` as a whole word outside parentheses, or -1. */
function keywordAt(lower: string, keyword: string): number {
  let depth = 0;
  for (let i = 0; i + keyword.length <= lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === CharCode.OpenParen) depth++;
    else if (c === CharCode.CloseParen) depth = Math.max(0, depth - 1);
    else if (depth === 0 && lower.startsWith(keyword, i)
      && (i === 0 || /\s/.test(lower[i - 1]!)) && /\s/.test(lower[i + keyword.length] ?? '')) return i;
  }
  return -1;
}

/** The end of the field's first line, given the start of its first continuation line. */
function endOfLineBefore(field: HeaderField, continuationStart: number): number {
  // The first line holds the name, the colon and the first piece of the value (up to the first fold).
  const firstPieceLength = field.folds.length > 0 ? field.folds[0]![0] : field.value.length;
  return Math.min(continuationStart, field.valueStart + firstPieceLength);
}

// Finding e-mail addresses in free text with a hand-written scanner: expand left and right from
// each "@" over the characters an address may hold. Linear, with bounded parts.

import { CharCode } from '../../common/charCode';

export interface AddressHit {
  readonly address: string;
  /** Offsets of the address itself (no brackets or quotes around it). */
  readonly start: number;
  readonly end: number;
}

const MAX_LOCAL = 128;
const MAX_DOMAIN = 255;

const isAtextAscii = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  || c === 33 || (c >= 35 && c <= 39) || c === 42 || c === 43 || c === 45 || c === 46 || c === 47 || c === 61 || c === 63
  || c === 94 || c === 95 || c === 96 || (c >= 123 && c <= 126);
const isDomainCharAscii = (c: number): boolean => (c >= CharCode.Digit0 && c <= CharCode.Digit9) || (c >= CharCode.UpperA && c <= CharCode.UpperZ)
  || (c >= CharCode.LowerA && c <= CharCode.LowerZ) || c === CharCode.Dash || c === CharCode.Dot || c === CharCode.Underscore;

// The ASCII answers in one table each (every character beyond ASCII may appear in both parts):
// one load per character where the scans walk every address of a report.
const ATEXT = Uint8Array.from({ length: CharCode.FirstNonAscii }, (_, c) => (isAtextAscii(c) ? 1 : 0));
const DOMAIN_CHAR = Uint8Array.from({ length: CharCode.FirstNonAscii }, (_, c) => (isDomainCharAscii(c) ? 1 : 0));
const isAtext = (c: number): boolean => (c < CharCode.FirstNonAscii ? ATEXT[c] === 1 : true);
const isDomainChar = (c: number): boolean => (c < CharCode.FirstNonAscii ? DOMAIN_CHAR[c] === 1 : true);

/**
 * CJK or full-width text written straight after an ASCII domain ("bob@example.jp您好，"): a domain
 * label written in those scripts is written in them throughout, not after ASCII letters.
 */
const isGluedText = (c: number, previous: number): boolean => c >= 0x2e80 && previous < CharCode.FirstNonAscii && previous !== CharCode.Dot
  && (c <= 0x9fff || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xff00 && c <= 0xffef));

/** Every address in `text[from, to)`, in order. */
export function findAddresses(text: string, from = 0, to = text.length): AddressHit[] {
  const hits: AddressHit[] = [];
  let at = text.indexOf('@', from);
  let floor = from;
  while (at >= 0 && at < to) {
    const hit = addressAround(text, at, floor, to);
    if (hit) {
      hits.push(hit);
      floor = hit.end;
      at = text.indexOf('@', hit.end);
    } else at = text.indexOf('@', at + 1);
  }
  return hits;
}

/** The address whose "@" is at `at`, looking no further left than `floor`. */
function addressAround(text: string, at: number, floor: number, to: number): AddressHit | undefined {
  let start = at;
  if (at > floor && text.charCodeAt(at - 1) === CharCode.DoubleQuote /* quoted local part: "a b"@example.com */) {
    for (let k = at - 2; k >= floor && at - k <= MAX_LOCAL; k--) {
      if (text.charCodeAt(k) === CharCode.DoubleQuote) { start = k; break; }
    }
  }
  if (start === at) {
    while (start > floor && at - start < MAX_LOCAL && isAtext(text.charCodeAt(start - 1))) start--;
    // Leading dots and quote marks ('bob@example.com' in prose), and "mailto:" glued on by HTML
    // conversions, are not part of the address.
    while (start < at && isStrayLead(text.charCodeAt(start))) start++;
  }
  if (start === at) return undefined;
  let end = at + 1;
  if (text.charCodeAt(end) === CharCode.OpenBracket /* [ip literal] */) {
    let close = end + 1;
    while (close < to && close - end <= 64 && text.charCodeAt(close) !== CharCode.CloseBracket) close++;
    if (text.charCodeAt(close) !== CharCode.CloseBracket) return undefined;
    end = close + 1;
  } else {
    while (end < to && end - at < MAX_DOMAIN) {
      const c = text.charCodeAt(end);
      if (!isDomainChar(c) || (c >= CharCode.FirstNonAscii && end > at + 1 && isGluedText(c, text.charCodeAt(end - 1)))) break;
      end++;
    }
    while (end > at + 1 && (text.charCodeAt(end - 1) === CharCode.Dot || text.charCodeAt(end - 1) === CharCode.Dash)) end--;
  }
  if (end <= at + 1) return undefined;
  let address = text.slice(start, end);
  // Only a quoted local part can hold a colon, so most addresses need no lower-case copy.
  const mailto = address.includes(':') ? address.toLowerCase().lastIndexOf('mailto:') : -1;
  if (mailto >= 0) {
    address = address.slice(mailto + 7);
    start += mailto + 7;
  }
  // An X.400 gateway writes the Internet address as one attribute of its own: "SMTP=bob@example.com".
  const attribute = address.includes('=') ? X400_ATTRIBUTE.exec(address) : null;
  if (attribute) {
    address = address.slice(attribute[0].length);
    start += attribute[0].length;
  }
  if (address.indexOf('@') <= 0) return undefined;
  return { address, start, end };
}

const isStrayLead = (c: number): boolean => c === CharCode.Dot || c === CharCode.SingleQuote || c === 96 /* ` */;

/** The attribute names X.400 and Exchange gateways put before an Internet address. */
const X400_ATTRIBUTE = /^(?:smtp|rfc-?822|internet)=/i;

/** The address in a DSN address field ("rfc822; <bob@example.com>") or a header value. */
export function addressIn(value: string): string | undefined {
  const semicolon = value.indexOf(';');
  const typed = semicolon >= 0 && semicolon < 20 && /^[\w.-]*$/.test(value.slice(0, semicolon).trim());
  const rest = typed ? value.slice(semicolon + 1) : value;
  return findAddresses(rest)[0]?.address;
}

export const sameAddress = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

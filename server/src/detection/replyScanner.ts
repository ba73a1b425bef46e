// Finds status codes in one line of text, as they appear in bounces and mail logs.
// A hand-written scanner rather than regexes: one pass, constant look-behind, so hostile
// lines (megabytes long, binary) cost linear time.

import { ASCII_CASE_BIT, CharCode } from '../common/charCode';
import { MAX_TRANSPORT_LENGTH, MAX_TRANSPORT_PARTS, transportRoots } from '../knowledge/knowledgeBase';
import { isBasicReplyCode } from '../knowledge/statusCode';

export type CodeKind = 'basic' | 'enhanced' | 'transport';

export interface CodeToken {
  readonly kind: CodeKind;
  readonly text: string;
  /** Offsets into the scanned text, end exclusive. */
  readonly start: number;
  readonly end: number;
}

/** One SMTP reply as written: any of "550", "5.1.1" and "RESOLVER.ADR.RecipNotFound", adjacent. */
export interface ReplyMention {
  readonly start: number;
  readonly end: number;
  readonly basic?: CodeToken;
  readonly enhanced?: CodeToken;
  readonly transport?: CodeToken;
}

/** How far back context words are looked for; keeps each check constant-time. */
const LOOK_BEHIND = 200;
/** Words that make a following a.b.c a version number, not a status code. */
const VERSION_WORDS = ['version', 'ver', 'v', 'build', 'release', 'rev', 'revision', 'kernel'];

const isDigit = (c: number): boolean => c >= CharCode.Digit0 && c <= CharCode.Digit9;
const isUpper = (c: number): boolean => c >= CharCode.UpperA && c <= CharCode.UpperZ;
const isLetter = (c: number): boolean => isUpper(c) || (c >= CharCode.LowerA && c <= CharCode.LowerZ);
const isWordChar = (c: number): boolean => isDigit(c) || isLetter(c) || c === CharCode.Underscore;
/** The classes an SMTP reply can have: 2 (success), 4 (transient), 5 (permanent). */
const isReplyClass = (c: number): boolean => c === CharCode.Digit2 || c === CharCode.Digit4 || c === CharCode.Digit5;

/**
 * Scans `text` (a line, or a window of one) for replies.
 * `atLineStart` says whether offset 0 is the real start of the line: a bare 3-digit
 * code counts at the start of a line only.
 */
export function scanReplies(text: string, atLineStart = true): ReplyMention[] {
  const replies: ReplyMention[] = [];
  forEachReply(text, (reply) => { replies.push(reply); }, atLineStart);
  return replies;
}

/**
 * Calls `visit` with each reply of `text`, in order, as soon as it is complete. Nothing is kept
 * behind it: a caller that needs only what each reply means (an explanation, a problem) holds no
 * list of a long line's thousands of replies, which the garbage collector would copy again and
 * again while the line is read.
 */
export function forEachReply(text: string, visit: (reply: ReplyMention) => void, atLineStart = true): void {
  if (atLineStart && VERSION_LINE.test(text)) return;
  let current: { start: number; end: number; basic?: CodeToken; enhanced?: CodeToken; transport?: CodeToken } | undefined;
  readTokens(text, atLineStart, (token) => {
    // Joins adjacent tokens of one reply: "550 5.1.1 RESOLVER.ADR.RecipNotFound", "#550 5.1.1", "550-5.1.1".
    if (current && !current[token.kind] && order(token.kind) > lastKind(current) && gapJoins(text, current.end, token.start)) {
      current[token.kind] = token;
      current.end = token.end;
      return;
    }
    if (current) visit(current);
    current = token.kind === 'basic' ? { start: token.start, end: token.end, basic: token }
      : token.kind === 'enhanced' ? { start: token.start, end: token.end, enhanced: token } : { start: token.start, end: token.end, transport: token };
  });
  if (current) visit(current);
}

/**
 * Lines that carry software versions and never a status: headers such as X-Mailer and Received,
 * and Received continuation lines ("  by mx.example.com (MOS 4.1.8-GA) with ESMTP id ...").
 */
const VERSION_LINE = new RegExp('^(?:(?:X-Mailer|User-Agent|X-MLServer|Server|X-Mailman-Version|X-Received|Received|Message-ID|References'
  + '|In-Reply-To|MIME-Version|X-Originating-IP|DKIM-Signature|X-Google-DKIM-Signature|ARC-Seal|ARC-Message-Signature'
  + '|X-MS-Exchange-[A-Za-z-]{1,60}|X-Microsoft-Antispam[A-Za-z-]{0,40}|X-Forefront-Antispam-Report|X-Virus-Scanned|X-Spam-[A-Za-z-]{1,40}):'
  + '|[ \\t]{1,40}(?:by|from) [\\w-]{1,63}(?:\\.[\\w-]{1,63}){1,8}[ (\\[]|[ \\t]{1,40}with (?:e?smtps?a?|lmtp)\\b)', 'i');

export function scanTokens(text: string, atLineStart = true): CodeToken[] {
  const tokens: CodeToken[] = [];
  readTokens(text, atLineStart, (token) => { tokens.push(token); });
  return tokens;
}

/** Calls `found` with each code token of `text`, in order. */
function readTokens(text: string, atLineStart: boolean, found: (token: CodeToken) => void): void {
  // Only the last token is looked back at ("550 ... 550" on one line).
  let last: CodeToken | undefined;
  const roots = transportRoots();
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const prev = i > 0 ? text.charCodeAt(i - 1) : -1;
    if (isDigit(c)) {
      let j = i;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      if (prev === CharCode.Dot || isWordChar(prev)) { i = j; continue; }
      const token = readNumberCode(text, i, j, atLineStart, last);
      if (token) { found(last = token); i = token.end; } else i = j;
      continue;
    }
    if (isUpper(c) && !isWordChar(prev) && prev !== CharCode.Dot) {
      let j = i;
      while (j < n && isUpper(text.charCodeAt(j))) j++;
      if (j < n && text.charCodeAt(j) === CharCode.Dot && j - i <= MAX_TRANSPORT_LENGTH && roots.has(text.slice(i, j))) {
        const name = readDottedName(text, j);
        // A run longer than any transport string is not one: it is skipped whole, read once.
        if (name.parts > MAX_TRANSPORT_PARTS || name.end - i > MAX_TRANSPORT_LENGTH) { i = name.end; continue; }
        if (name.end > j + 1) { found(last = { kind: 'transport', text: text.slice(i, name.end), start: i, end: name.end }); i = name.end; continue; }
      }
      while (j < n && isWordChar(text.charCodeAt(j))) j++;
      i = j;
      continue;
    }
    i++;
  }
}

/** Reads ".Part.Part" after a transport root: its end offset and its number of parts, the root included. */
function readDottedName(text: string, dot: number): { end: number; parts: number } {
  let end = dot;
  let k = dot;
  let parts = 1;
  while (k < text.length && text.charCodeAt(k) === CharCode.Dot && k + 1 < text.length && isLetter(text.charCodeAt(k + 1))) {
    k++;
    while (k < text.length && (isLetter(text.charCodeAt(k)) || isDigit(text.charCodeAt(k)))) k++;
    end = k;
    parts++;
  }
  return { end, parts };
}

/** `start..digitsEnd` is a digit run not glued to a word or a dot on its left. */
function readNumberCode(text: string, start: number, digitsEnd: number, atLineStart: boolean, last: CodeToken | undefined): CodeToken | undefined {
  const len = digitsEnd - start;
  const n = text.length;
  if (len === 1) {
    if (!isReplyClass(text.charCodeAt(start))) return undefined;
    // class "." subject(0-7) "." detail(1-3 digits), not followed by more dotted numbers
    if (text.charCodeAt(start + 1) !== CharCode.Dot) return undefined;
    const subject = text.charCodeAt(start + 2);
    if (!(subject >= CharCode.Digit0 && subject <= CharCode.Digit7) || text.charCodeAt(start + 3) !== CharCode.Dot) return undefined;
    let k = start + 4;
    while (k < n && k < start + 8 && isDigit(text.charCodeAt(k))) k++;
    const detailLen = k - (start + 4);
    if (detailLen < 1 || detailLen > 3) return undefined;
    if (k < n && (isDigit(text.charCodeAt(k)) || (text.charCodeAt(k) === CharCode.Dot && isDigit(text.charCodeAt(k + 1))))) return undefined;
    // "4.1.8-GA", "mta-5.5.0-3", "(20011202/4.0.3)": version strings, not codes.
    if (text.charCodeAt(k) === CharCode.Dash && isWordChar(text.charCodeAt(k + 1))) return undefined;
    if (start > 0 && text.charCodeAt(start - 1) === CharCode.Slash) return undefined;
    if (followsVersionWord(text, start)) return undefined;
    return { kind: 'enhanced', text: text.slice(start, k), start, end: k };
  }
  if (len !== 3) return undefined;
  const code = text.slice(start, digitsEnd);
  if (!isBasicReplyCode(code)) return undefined;
  const next = digitsEnd < n ? text.charCodeAt(digitsEnd) : -1;
  // A reply code ends the line or is followed by a space, a tab or "-" (multi-line replies).
  if (next !== -1 && next !== CharCode.Space && next !== CharCode.Tab && next !== CharCode.Dash) return undefined;
  const token: CodeToken = { kind: 'basic', text: code, start, end: digitsEnd };
  if (startsEnhancedCode(text, digitsEnd) || isReplyContext(text, start, atLineStart, last)) return token;
  return undefined;
}

/** True when an enhanced code follows at `pos` after a single separator (" ", "-"). */
function startsEnhancedCode(text: string, pos: number): boolean {
  let k = pos;
  while (k < text.length && k < pos + 3 && (text.charCodeAt(k) === CharCode.Space || text.charCodeAt(k) === CharCode.Dash)) k++;
  if (k === pos) return false;
  return isReplyClass(text.charCodeAt(k)) && text.charCodeAt(k + 1) === CharCode.Dot && isDigit(text.charCodeAt(k + 2))
    && text.charCodeAt(k + 3) === CharCode.Dot;
}

/** Where a bare 3-digit number is an SMTP reply: line start, "smtp;", "said:", "returned '", ... */
function isReplyContext(text: string, start: number, atLineStart: boolean, last: CodeToken | undefined): boolean {
  const from = Math.max(0, start - LOOK_BEHIND);
  // Start of a reply line, possibly indented or quoted as in a session transcript ("<<< 550 ...").
  if (atLineStart && from === 0 && onlyBlanksAndAngles(text, 0, start)) return true;
  // The checks below compare characters in place: a line of thousands of bare numbers would
  // otherwise copy the 200 characters behind each one three times.
  let tailEnd = start;
  while (tailEnd > from && isBlank(text.charCodeAt(tailEnd - 1))) tailEnd--;
  const tailEndsWith = (word: string): boolean => endsWithCaseless(text, from, tailEnd, word);
  // "#550" needs no rule of its own: Exchange always follows it with an enhanced code, and a bare
  // "#555" is far more often CSS or a URL fragment.
  if (tailEndsWith('smtp;') || tailEndsWith('x-postfix;') || tailEndsWith('said:') || tailEndsWith('responded with:')
    || tailEndsWith("returned '") || tailEndsWith('returned "')) return true;
  // Exchange protocol log data field: ...,<,550 ... or ...,>,250 ...
  if ([',<,', ',>,', ',<,"', ',>,"'].some((mark) => endsWithCaseless(text, from, start, mark))) return true;
  // "reject: RCPT from host[ip]: 554 ..." (Postfix), "after RCPT TO:<a@b>: 550 ..." (Exim).
  if (tailEnd > from && text.charCodeAt(tailEnd - 1) === CharCode.Colon) {
    const behind = text.slice(from, start);
    const tail = behind.trimEnd().toLowerCase();
    const lower = behind.toLowerCase();
    if (lower.includes('reject:') || lower.includes('error from remote mail server after')) return true;
    // Exim's second line: "host mx.example.com [192.0.2.1]: 550 ..."
    if (tail.endsWith(']:') && /(^|\s)host \S+ \[[^\]]{1,60}\]:$/.test(tail)) return true;
  }
  // A second reply line right after another reply on the same line ("... 550-5.1.1 ... 550 5.1.1").
  return last !== undefined && last.kind === 'basic' && start - last.end < 3;
}

/** What `\s` matches, without a string per character for ASCII. */
const isBlank = (c: number): boolean =>
  (c < CharCode.FirstNonAscii ? c === CharCode.Space || (c >= CharCode.Tab && c <= CharCode.CarriageReturn) : /\s/.test(String.fromCharCode(c)));

function onlyBlanksAndAngles(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (!isBlank(c) && c !== CharCode.LessThan && c !== CharCode.GreaterThan) return false;
  }
  return true;
}

/** True when text[from, end) ends with `word` (lower case), ASCII case ignored. */
function endsWithCaseless(text: string, from: number, end: number, word: string): boolean {
  if (end - from < word.length) return false;
  for (let k = 0; k < word.length; k++) {
    const c = text.charCodeAt(end - word.length + k);
    if ((isUpper(c) ? c | ASCII_CASE_BIT : c) !== word.charCodeAt(k)) return false;
  }
  return true;
}

function followsVersionWord(text: string, start: number): boolean {
  let k = start;
  while (k > 0 && k > start - 3 && (text.charCodeAt(k - 1) === CharCode.Space || text.charCodeAt(k - 1) === CharCode.Colon)) k--;
  let w = k;
  while (w > 0 && w > k - 10 && isLetter(text.charCodeAt(w - 1))) w--;
  return w < k && VERSION_WORDS.includes(text.slice(w, k).toLowerCase());
}

const order = (kind: CodeKind): number => (kind === 'basic' ? 0 : kind === 'enhanced' ? 1 : 2);

function lastKind(r: { basic?: CodeToken; enhanced?: CodeToken; transport?: CodeToken }): number {
  return r.transport ? 2 : r.enhanced ? 1 : 0;
}

/** Tokens of one reply are separated by a few blanks or a "-" only. */
function gapJoins(text: string, from: number, to: number): boolean {
  if (to - from > 4) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== CharCode.Space && c !== CharCode.Dash && c !== CharCode.Tab) return false;
  }
  return true;
}

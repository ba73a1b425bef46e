// Recipients in the human-readable report. Every MTA lists a failed recipient the same few ways:
// the address starts a line ("  bob@example.com", "<bob@example.com>: host ... said:",
// "bob@example.com... User unknown", "bob@example.com on 4/29/01"), or a fixed phrase leads to it
// ("delivering your mail to <bob@example.com>"). The text up to the next recipient is its block.

import { findAddresses, type AddressHit } from './addresses';
import { ASCII_CASE_BIT, caselessAt, CharCode } from '../../common/charCode';
import { isWhiteSpace } from '../../text/whitespace';
import { lineAt, lineStartBefore, type LineSpan } from '../mime/lines';
import type { MappedText } from '../mime/mappedText';

export interface RecipientBlock {
  readonly address: string;
  /** Offsets in the report text. */
  readonly addressStart: number;
  readonly addressEnd: number;
  /** The block's lines: from the recipient's line to the next recipient's (exclusive). */
  readonly start: number;
  readonly end: number;
}

/** What may follow an address that starts a line, for the line to name a recipient. */
function followsLineStartAddress(rest: string): boolean {
  const after = rest.replace(/^[>"']{1,2}/, '');
  return after === '' || /^(?:\s|:|\.\.\.|,|;|\(|\[|<mailto:)/i.test(after);
}

/** Phrases that lead to a recipient mid-line, lower case, matched against the text right before the address. */
const LEADING_PHRASES = [
  'delivering your mail to', 'delivering your message to', 'delivery to', 'delivered to', 'deliver to', 'deliver mail to', 'deliver your message to',
  'message to', 'mail to', 'email to', 'e-mail to', 'rcpt:', 'rcpt to:', 'recipient:', 'recipient address:', 'target mail address:',
  'address:', 'original-recipient:', 'final-recipient:', 'failed recipient:', 'to:', 'for', 'user', 'account', 'mailbox',
  'wasn\'t delivered to', 'was not delivered to', 'could not be delivered to', 'could not deliver to', 'failed to deliver to',
  'not delivered to', 'unable to deliver to', 'unable to deliver message to', 'the following address', 'recipient', 'to',
];

/**
 * A header of the returned message quoted in the report (">From: ...", "> Received: ... for <bob@...>"):
 * its addresses are the original's sender and recipients, not the ones that failed.
 */
function isQuotedHeader(text: string, line: LineSpan): boolean {
  const head = (start: number): string => text.slice(start, start + 64);
  if (QUOTED_HEADER.test(head(line.start))) return true;
  // Exchange's "Your message / To: ... / Subject: ... / Sent: ... / did not reach": a summary of the
  // original's headers, one per line; a lone "To:" line may instead name the recipient.
  if (!SUMMARY_HEADER.test(head(line.start))) return false;
  if (line.next < text.length && SUMMARY_HEADER.test(head(line.next))) return true;
  let breakAt = line.start - 1;
  if (breakAt > 0 && text.charCodeAt(breakAt) === CharCode.LineFeed && text.charCodeAt(breakAt - 1) === CharCode.CarriageReturn) breakAt--;
  if (breakAt < 0) return false;
  // Summary lines are short: a previous line longer than this is not one.
  const floor = Math.max(0, breakAt - MAX_SUMMARY_LINE);
  const previous = lineStartBefore(text, breakAt, floor);
  return (previous > floor || floor === 0) && SUMMARY_HEADER.test(head(previous));
}
const MAX_SUMMARY_LINE = 200;
const QUOTED_HEADER = /^[ \t]{0,8}>[ \t]?[A-Za-z][A-Za-z0-9-]{0,40}:/;
const SUMMARY_HEADER = /^[ \t]{0,8}(?:to|cc|bcc|from|sent|date|subject):/i;

/** An X.400 attribute that names the Internet address ("dda:SMTP=bob@example.com"). */
const X400_LABEL = /(?:smtp|rfc-?822|internet)=$/;

/**
 * An address the report gives as an example or as someone to ask ("if mike@example.edu fails,
 * try ...", "e.g. NAME@example.edu", "contact postmaster@..."), read from the words just before it,
 * across line breaks.
 */
function isExample(text: string, hit: AddressHit): boolean {
  const from = Math.max(0, hit.start - EXAMPLE_WINDOW);
  if (!mayLeadExample(text, from, hit.start)) return false;
  const before = text.slice(from, hit.start).toLowerCase().replace(/\s+/g, ' ');
  return EXAMPLE_LEAD.test(before);
}
const EXAMPLE_WINDOW = 60;
const EXAMPLE_LEAD = /(?:\be\.g\.|\bi\.e\.|\bfor (?:example|instance)|\bsuch as|\bexample|\bif|(?:^|[,;.!?] ?)try\b[^.!?]{0,24}|\bcontact(?:ing)?(?: us)?(?: at)?|\bwrite to|\bquestions to|\b(?:owner|administrator|admin) at)[\s,:;("'<`]*$/;

/**
 * False when EXAMPLE_LEAD cannot match the words before an address, decided without copying them:
 * most addresses follow none of its words. A match ends (before trailing blanks and punctuation) in
 * one of the words of EXAMPLE_ENDINGS, in a two-letter word after a blank, or follows a "try"; text
 * beyond ASCII goes to the regex, whose case and blank rules it may follow differently.
 */
function mayLeadExample(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= CharCode.FirstNonAscii) return true;
    if ((c | ASCII_CASE_BIT) === CharCode.LowerT && i + 2 < to && endsWithCaseless(text, from, i + 3, 'try')) return true;
  }
  let end = to;
  while (end > from && isExampleTrail(text.charCodeAt(end - 1))) end--;
  if (EXAMPLE_ENDINGS.some((word) => endsWithCaseless(text, from, end, word))) return true;
  // " us", " at", " to", " as": "contact us", "admin at", "write to", "such as".
  return end - from >= 3 && isWhiteSpace(text.charCodeAt(end - 3)) && SHORT_ENDINGS.some((word) => endsWithCaseless(text, from, end, word));
}
const EXAMPLE_ENDINGS = ['e.g.', 'i.e.', 'example', 'instance', 'if', 'contact', 'contacting'];
const SHORT_ENDINGS = ['us', 'at', 'to', 'as'];

/** What EXAMPLE_LEAD allows after its words: blanks and a few punctuation marks (ASCII only; see mayLeadExample). */
const isExampleTrail = (c: number): boolean => isWhiteSpace(c) || c === CharCode.Comma || c === CharCode.Colon || c === CharCode.Semicolon
  || c === CharCode.OpenParen || c === CharCode.DoubleQuote || c === CharCode.SingleQuote || c === CharCode.LessThan || c === CharCode.Backtick;

/** True when text[from, end) ends with `word` (lower-case ASCII), ASCII case ignored. */
function endsWithCaseless(text: string, from: number, end: number, word: string): boolean {
  return end - from >= word.length && caselessAt(text, end - word.length, word);
}

/** The reporting system's own mailboxes, named in reports as the one to ask: never a failed recipient of their own report. */
function isRoleAddress(address: string): boolean {
  const local = address.slice(0, address.lastIndexOf('@')).toLowerCase();
  return local === 'postmaster' || local === 'mailer-daemon';
}

/**
 * Finds the recipient blocks of a report. `senders` are addresses known to be the sender's or the
 * reporting system's: blocks for them come back separately, as a last resort.
 */
export function findRecipientBlocks(report: MappedText, senders: readonly string[]): { blocks: RecipientBlock[]; senderBlocks: RecipientBlock[] } {
  const text = report.text;
  const lineStarts: { hit: AddressHit; lineStart: number }[] = [];
  const phrased: { hit: AddressHit; lineStart: number }[] = [];
  // Only lines with an "@" can name a recipient: go from one "@" to the next, reading each such line once.
  for (let at = text.indexOf('@'); at >= 0;) {
    const line = lineAt(text, lineStartBefore(text, at));
    const hits = isQuotedHeader(text, line) ? [] : findAddresses(text, line.start, line.end).filter((hit) => !isExample(text, hit));
    if (hits.length > 0) {
      let lead = line.start;
      while (lead < line.end && ' \t<>"\'*-'.includes(text[lead]!)) lead++;
      // Sendmail's "550 <bob@example.com>... User unknown": a reply code may come first.
      if (/^[245]\d\d[ -]/.test(text.slice(lead, lead + 4))) {
        lead += 4;
        while (lead < line.end && ' \t<"\''.includes(text[lead]!)) lead++;
      }
      const first = hits[0]!;
      const atStart = first.start === lead || (text[first.start - 1] === '"' && first.start - 1 === lead);
      if (atStart && followsLineStartAddress(text.slice(first.end, Math.min(line.end, first.end + 40)))) {
        lineStarts.push({ hit: first, lineStart: line.start });
      } else {
        for (const hit of hits) {
          const before = text.slice(Math.max(line.start, hit.start - 40), hit.start).toLowerCase().replace(/[<"'(\s]+$/, '');
          // "Unknown user: bob@example.com", "Delivery failed: bob@example.com": a label and a colon.
          const labelled = (before.endsWith(':') && !/(?:^|\s)(?:from|sender|reply-to|cc|return-path|by):$/.test(before)) || X400_LABEL.test(before);
          if (labelled || LEADING_PHRASES.some((p) => before.endsWith(p))) { phrased.push({ hit, lineStart: line.start }); break; }
        }
      }
    }
    at = line.next < text.length ? text.indexOf('@', line.next) : -1;
  }
  // Lower-cased once, not once per address compared.
  const lowerSenders = senders.map((s) => s.toLowerCase());
  const isSender = (a: { hit: AddressHit }): boolean =>
    isRoleAddress(a.hit.address) || (lowerSenders.length > 0 && lowerSenders.includes(a.hit.address.toLowerCase()));
  const others = (list: typeof lineStarts): typeof lineStarts => list.filter((a) => !isSender(a));
  let anchors = others(lineStarts);
  if (anchors.length === 0) anchors = others(phrased);
  const toBlocks = (list: typeof lineStarts): RecipientBlock[] => {
    const exchanges = new ExchangeStarts(text);
    return list.map((a, i) => {
      const end = Math.min(i + 1 < list.length ? list[i + 1]!.lineStart : text.length, exchanges.after(a.lineStart));
      return { address: a.hit.address, addressStart: a.hit.start, addressEnd: a.hit.end, start: a.lineStart, end };
    });
  };
  return { blocks: toBlocks(anchors), senderBlocks: anchors.length > 0 ? [] : toBlocks(lineStarts.length > 0 ? lineStarts : phrased) };
}

/**
 * Where a Sendmail transcript's "While talking to host:" lines start: each opens another server's
 * exchange, so a recipient's block ends at the next one. Found once per report, in order.
 */
class ExchangeStarts {
  private readonly starts: number[] = [];
  private index = 0;

  constructor(text: string) {
    for (let at = text.indexOf(EXCHANGE_START); at >= 0 && this.starts.length < MAX_EXCHANGES; at = text.indexOf(EXCHANGE_START, at + 1)) {
      if (at === 0 || text[at - 1] === '\n' || text[at - 1] === '\r') this.starts.push(at);
    }
  }

  /** The first exchange start after `offset`; offsets must be asked in increasing order. */
  after(offset: number): number {
    while (this.index < this.starts.length && this.starts[this.index]! <= offset) this.index++;
    return this.starts[this.index] ?? Number.MAX_SAFE_INTEGER;
  }
}
const EXCHANGE_START = 'While talking to ';
const MAX_EXCHANGES = 10_000;

// The Filter Lines query (#15), read without any regular expression built from the user's text:
// `status:deferred recipient:*@contoso.com "mailbox full"`. Terms are joined by AND; `field:value`
// compares one field of a line, a bare or quoted word looks for text anywhere in the line. Values
// are case-insensitive and may use `*` for any run of characters; `\*`, `\"` and `\\` are literal.

import { CharCode } from './charCode';

/** The fields a query may name, as protocol.ts lists them. */
export const FILTER_FIELDS = ['event', 'status', 'recipient', 'sender', 'reason', 'id', 'code', 'client'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** Longest query read: a query is typed or built by the report, never a document. */
export const MAX_QUERY_CHARS = 1000;
export const MAX_QUERY_TERMS = 32;

/**
 * A value with `*` wildcards, lower-cased: the literal parts between the stars. Matching takes each
 * part at its leftmost place after the one before, which is enough for `*` alone, so it never
 * backtracks: one pass of `indexOf` per part, whatever the pattern (`*a*a*a*a*b` included).
 */
export interface GlobPattern {
  /** Literal parts between stars; a pattern without a star has one part. */
  readonly parts: readonly string[];
  /** The value as written, for messages. */
  readonly source: string;
}

export interface QueryTerm {
  /** Absent for free text. */
  readonly field?: FilterField;
  readonly pattern: GlobPattern;
}

export interface LineQuery {
  readonly terms: readonly QueryTerm[];
  /** The query as given, for titles. */
  readonly text: string;
}

export type ParsedQuery = { readonly query: LineQuery } | { readonly error: string };

/** True when the whole value matches the pattern (case-insensitive; `value` may be in any case). */
export function globMatches(pattern: GlobPattern, value: string): boolean {
  const text = value.toLowerCase();
  const { parts } = pattern;
  if (parts.length === 1) return text === parts[0];
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  return middlePartsFit(parts, text, first.length, text.length - last.length);
}

/** True when the pattern matches some stretch of `text` (free text: stars at both ends are implied). */
export function globOccursIn(pattern: GlobPattern, text: string): boolean {
  return middlePartsFit(pattern.parts, text.toLowerCase(), 0, text.length, 0, pattern.parts.length);
}

/** Parts [from, to) of `parts` (by default all but the first and last) found in order within text[start, end). */
function middlePartsFit(parts: readonly string[], text: string, start: number, end: number, from = 1, to = parts.length - 1): boolean {
  let at = start;
  for (let i = from; i < to; i++) {
    const part = parts[i]!;
    if (!part) continue;
    const found = text.indexOf(part, at);
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}

const FIELD_SET: ReadonlySet<string> = new Set(FILTER_FIELDS);
const FIELD_LIST = FILTER_FIELDS.join(', ');

/** Reads a query; a query that cannot be read gives what is wrong with it, in one line. */
export function parseLineQuery(text: string): ParsedQuery {
  if (text.length > MAX_QUERY_CHARS) return { error: `the query is ${text.length} characters long: at most ${MAX_QUERY_CHARS} are read` };
  const terms: QueryTerm[] = [];
  let at = 0;
  while (at < text.length) {
    while (at < text.length && isBlank(text.charCodeAt(at))) at++;
    if (at >= text.length) break;
    const nameEnd = fieldNameEnd(text, at);
    let field: FilterField | undefined;
    if (nameEnd > at && text.charCodeAt(nameEnd) === COLON) {
      const name = text.slice(at, nameEnd).toLowerCase();
      if (!FIELD_SET.has(name)) {
        return { error: `unknown field "${name}": the fields are ${FIELD_LIST} (quote text that holds a colon, e.g. "${text.slice(at, nameEnd)}:...")` };
      }
      field = name as FilterField;
      at = nameEnd + 1;
    }
    const value = readValue(text, at);
    if ('error' in value) return value;
    at = value.end;
    if (!field && !value.quoted) {
      if (value.raw === 'AND') continue;
      if (value.raw === 'OR' || value.raw === 'NOT') return { error: `terms are joined by AND only: ${value.raw} is not read (quote it to look for the word)` };
    }
    if (!value.parts.some((part) => part.length > 0)) {
      if (field && value.parts.length === 1) return { error: `${field}: needs a value, e.g. ${field}:${EXAMPLE_VALUE[field]}` };
      if (!field) continue; // "" or * alone: matches every line, so it adds nothing
    }
    if (terms.length >= MAX_QUERY_TERMS) return { error: `more than ${MAX_QUERY_TERMS} terms` };
    terms.push({ ...(field ? { field } : {}), pattern: { parts: value.parts, source: value.raw } });
  }
  if (!terms.length) return { error: `the query is empty: give a field and a value (e.g. status:deferred) or words to look for` };
  return { query: { terms, text: text.trim() } };
}

/** What each field's example value is, for messages. */
const EXAMPLE_VALUE: Readonly<Record<FilterField, string>> = {
  event: 'FAIL', status: 'deferred', recipient: '*@contoso.com', sender: 'alice@contoso.com', reason: 'mailboxfull',
  id: '3bZLDk1V50z37Dv', code: '5.1.1', client: '192.0.2.1',
};

const COLON = CharCode.Colon;
const QUOTE = CharCode.DoubleQuote;
const BACKSLASH = CharCode.Backslash;
/** "*": CharCode names no asterisk. */
const STAR = 0x2a;

const isBlank = (c: number): boolean => c === CharCode.Space || c === CharCode.Tab || c === CharCode.LineFeed || c === CharCode.CarriageReturn;

/** End of a field name (letters and dashes) starting at `at`; `at` when there is none. */
function fieldNameEnd(text: string, at: number): number {
  let end = at;
  const isNameChar = (c: number): boolean =>
    (c >= CharCode.LowerA && c <= CharCode.LowerZ) || (c >= CharCode.UpperA && c <= CharCode.UpperZ) || c === CharCode.Dash;
  while (isNameChar(text.charCodeAt(end))) end++;
  return end;
}

interface ReadValue {
  readonly parts: string[];
  readonly raw: string;
  readonly quoted: boolean;
  readonly end: number;
}

/** A bare value (up to a blank) or a double-quoted one, split into lower-cased parts at unescaped stars. */
function readValue(text: string, start: number): ReadValue | { error: string } {
  const quoted = text.charCodeAt(start) === QUOTE;
  const parts: string[] = [];
  let part = '';
  let at = quoted ? start + 1 : start;
  for (;;) {
    if (at >= text.length) {
      if (quoted) return { error: `a double quote is not closed (at character ${start + 1})` };
      break;
    }
    const c = text.charCodeAt(at);
    if (quoted ? c === QUOTE : isBlank(c)) {
      if (quoted) at++;
      break;
    }
    if (c === BACKSLASH && at + 1 < text.length) {
      const next = text.charCodeAt(at + 1);
      if (next === STAR || next === QUOTE || next === BACKSLASH) {
        part += text[at + 1];
        at += 2;
        continue;
      }
    }
    if (c === STAR) {
      parts.push(part.toLowerCase());
      part = '';
    } else part += text[at];
    at++;
  }
  if (quoted && at < text.length && !isBlank(text.charCodeAt(at))) {
    return { error: `text right after a closing quote (at character ${at + 1}): put a space between terms` };
  }
  parts.push(part.toLowerCase());
  return { parts, raw: text.slice(start, at), quoted, end: at };
}

// The Filter Lines queries of the report's rows (syntax in common/protocol.ts: `field:value` terms
// joined by AND, values double-quoted when they hold more than a plain word, `*` matches anything,
// bare words are free text). Values come from documents: a character the syntax gives a meaning
// (the double quote) or that no line can hold (controls) becomes `*`, so the query still matches
// the lines it came from and can never be read as another term.

/** Longer values are cut and end in `*`: still a match for the line, and the query stays short. */
const MAX_VALUE = 200;
const PLAIN = /^[A-Za-z0-9@._+\-*=/[\]]+$/;
// eslint-disable-next-line no-control-regex -- replacing control characters is the point
const UNSAFE = /["\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;

export type QueryField = 'event' | 'status' | 'recipient' | 'sender' | 'reason' | 'id' | 'code' | 'client';

/** A value as the query syntax writes it: bare when it is a plain word, else double-quoted. */
export function queryValue(raw: string): string {
  let value = raw.replace(UNSAFE, '*');
  if (value.length > MAX_VALUE) value = `${value.slice(0, MAX_VALUE - 1)}*`;
  return PLAIN.test(value) ? value : `"${value}"`;
}

/** One `field:value` term; undefined for an empty value (no term matches nothing). */
export function term(field: QueryField, raw: string | undefined): string | undefined {
  return raw ? `${field}:${queryValue(raw)}` : undefined;
}

/** Free text: a word the lines of the group contain. */
export function freeText(raw: string | undefined): string | undefined {
  return raw ? queryValue(raw) : undefined;
}

/** The terms present, joined (AND); undefined when none is. */
export function query(...terms: (string | undefined)[]): string | undefined {
  const present = terms.filter((t): t is string => t !== undefined);
  return present.length ? present.join(' ') : undefined;
}

/** Every recipient of a domain: `recipient:*@contoso.com`. */
export function domainTerm(domain: string): string | undefined {
  return domain ? `recipient:${queryValue(`*@${domain}`)}` : undefined;
}

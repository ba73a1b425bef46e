// Filter Lines (#15) over the records of one document: each family says what fields a record (a
// log line, a CSV row, a bounce's recipient) has and which records belong to a message; this runs
// the query over them in cancellable slices and answers with the matching lines in order.

import { CharCode } from '../../common/charCode';
import { type CancellationToken, SlicedWork, type YieldControl } from '../../common/cancellation';
import { type FilterField, type GlobPattern, globMatches, globOccursIn, type LineQuery, type QueryTerm } from '../../common/lineQuery';

/** What a family's records offer the filter. Records are numbered from 0 in file order. */
export interface FilterRecords {
  /** The family's name in messages: "mail logs", "message traces". */
  readonly family: string;
  /** The fields its records have; `id` is answered by `recordsOfIds`. */
  readonly fields: ReadonlySet<FilterField>;
  readonly count: number;
  /** The first line of a record and how many lines it spans. */
  lines(record: number): { readonly line: number; readonly count: number };
  /** The record's text, for free text. */
  text(record: number): string;
  /** Values of one field of a record (not `id`), in any case. */
  values(record: number, field: Exclude<FilterField, 'id'>): readonly string[];
  /**
   * The records of every message one of whose ids matches (a queue id's whole trail with its
   * bounce, an Exchange message's rows, a protocol session), as a set. May yield.
   */
  recordsOfIds?(matches: (id: string) => boolean, slices: SlicedWork): Promise<ReadonlySet<number> | undefined>;
}

export interface FilterOutcome {
  readonly lines: number[];
  readonly total: number;
  readonly error?: string;
}

export const RECORDS_PER_SLICE = 2000;

/** The fields a family lacks, as the one-line error of FilterLinesResult; undefined when it has them all. */
export function missingFields(query: LineQuery, records: Pick<FilterRecords, 'family' | 'fields'>): string | undefined {
  const missing = [...new Set(query.terms.flatMap((t) => (t.field && !records.fields.has(t.field) ? [t.field] : [])))];
  if (!missing.length) return undefined;
  const have = [...records.fields];
  return `${records.family} have no ${missing.join(' or ')} field${missing.length > 1 ? 's' : ''}: `
    + (have.length ? `filter them by ${have.join(', ')} or free text` : 'filter them by free text');
}

/** An id matches with or without its angle brackets (`<abc@contoso.com>` or `abc@contoso.com`). */
export function idMatcher(pattern: GlobPattern): (id: string) => boolean {
  return (id) => {
    if (globMatches(pattern, id)) return true;
    const bracketed = id.length > 2 && id.charCodeAt(0) === CharCode.LessThan && id.charCodeAt(id.length - 1) === CharCode.GreaterThan;
    return bracketed && globMatches(pattern, id.slice(1, -1));
  };
}

/** Runs the query over the records: every line of a matching record, in order, at most `limit`; `total` counts all. */
export async function runLineFilter(
  records: FilterRecords, query: LineQuery, limit: number, token: CancellationToken | undefined, yieldControl: YieldControl,
): Promise<FilterOutcome> {
  const error = missingFields(query, records);
  if (error) return { lines: [], total: 0, error };
  const slices = new SlicedWork(RECORDS_PER_SLICE, token, yieldControl);
  const idSets: ReadonlySet<number>[] = [];
  for (const term of query.terms) {
    if (term.field !== 'id') continue;
    const set = await records.recordsOfIds?.(idMatcher(term.pattern), slices);
    if (!set) return { lines: [], total: 0 };
    idSets.push(set);
  }
  const fieldTerms = query.terms.filter((t) => t.field && t.field !== 'id') as (QueryTerm & { field: Exclude<FilterField, 'id'> })[];
  const textTerms = query.terms.filter((t) => !t.field);
  const lines: number[] = [];
  let total = 0;
  let lastLine = -1;
  for (let record = 0; record < records.count; record++) {
    if (slices.step() && !(await slices.next())) return { lines: [], total: 0 };
    if (!idSets.every((set) => set.has(record))) continue;
    if (!fieldTerms.every((term) => records.values(record, term.field).some((value) => globMatches(term.pattern, value)))) continue;
    if (textTerms.length) {
      const text = records.text(record);
      if (!textTerms.every((term) => globOccursIn(term.pattern, text))) continue;
    }
    const { line, count } = records.lines(record);
    // Records never share lines in the families that span several (a quoted CSV field), but a line is listed once.
    for (let l = Math.max(line, lastLine + 1); l < line + count; l++) {
      total++;
      if (lines.length < limit) lines.push(l);
    }
    lastLine = Math.max(lastLine, line + count - 1);
  }
  return { lines, total };
}

/**
 * A client as logs write it, and its parts: "mail.contoso.com[192.0.2.1]" also as the host and
 * the address, "192.0.2.1:25" also as the address.
 */
export function clientParts(client: string): string[] {
  const open = client.indexOf('[');
  const close = client.indexOf(']', open + 1);
  if (open >= 0 && close > open) {
    const host = client.slice(0, open);
    return host ? [client, host, client.slice(open + 1, close)] : [client, client.slice(open + 1, close)];
  }
  const colon = client.lastIndexOf(':');
  // An IPv4 endpoint has one colon; an IPv6 address has several and no port here.
  if (colon > 0 && client.indexOf(':') === colon && /^\d{1,5}$/.test(client.slice(colon + 1))) return [client, client.slice(0, colon)];
  return [client];
}

/**
 * The status words of a recipient outcome as the trace and tracking facts name it: the mail flow
 * report's outcome first (its queries use those), then the source's own word where it differs.
 */
export function statusWordsOf(outcome: string): readonly string[] {
  return STATUS_WORDS[outcome] ?? [];
}

const STATUS_WORDS: Readonly<Record<string, readonly string[]>> = {
  delivered: ['delivered'], failed: ['failed'], pending: ['deferred', 'pending'], quarantined: ['quarantined'],
  filtered: ['quarantined', 'filtered'], expanded: ['expanded'],
};

/** The lines of a text as records: free text only, unless a family adds fields (see emailFilter). */
export class TextLines implements FilterRecords {
  readonly fields: ReadonlySet<FilterField> = new Set();
  readonly count: number;
  /** Start of each line; one more entry past the end. */
  private readonly starts: number[] = [0];

  constructor(readonly family: string, protected readonly content: string) {
    for (let at = content.indexOf('\n'); at >= 0; at = content.indexOf('\n', at + 1)) this.starts.push(at + 1);
    this.count = this.starts.length;
    this.starts.push(content.length + 1);
  }

  lines(record: number): { line: number; count: number } {
    return { line: record, count: 1 };
  }

  text(record: number): string {
    return this.content.slice(this.starts[record]!, this.starts[record + 1]! - 1);
  }

  values(_record: number, _field: Exclude<FilterField, 'id'>): readonly string[] {
    return [];
  }
}

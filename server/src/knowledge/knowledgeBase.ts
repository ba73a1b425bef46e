// Answers "what does this code mean?" from the data modules. Indexes are built once, on first use.

import { basicReplyCodes } from './data/basicReplyCodes';
import { statusClasses, statusSubjects } from './data/enhancedClassesAndSubjects';
import { enhancedDetails } from './data/enhancedStatusCodes';
import { exchangeOnlineCodes } from './data/exchangeOnlineCodes';
import { exchangeServerCodes } from './data/exchangeServerCodes';
import { transportStatusStrings } from './data/transportStatusStrings';
export { REPLY_DIGITS_SOURCE, replyFirstDigit, replySecondDigit } from './data/replyCodeDigits';
import type {
  BasicReplyEntry, ClassEntry, EnhancedDetailEntry, Permanence, SubjectEntry, TransportStringEntry, VendorCodeEntry,
} from './model';
import {
  type EnhancedCode, type EnhancedRange, parseEnhancedCode, parseEnhancedRange, rangeContains,
} from './statusCode';

/** Everything known about one enhanced code: the standard reading and each product's own. */
export interface EnhancedReading {
  readonly code: EnhancedCode;
  readonly statusClass: ClassEntry;
  /** Undefined when the subject number is not registered. */
  readonly subject: SubjectEntry | undefined;
  /** Undefined when the detail is not registered (e.g. 5.7.999, or Exchange's 5.7.501). */
  readonly standard: EnhancedDetailEntry | undefined;
  /** Product readings, exact matches before ranges, at most one per product. */
  readonly vendor: readonly VendorCodeEntry[];
}

interface Indexes {
  classes: Map<string, ClassEntry>;
  subjects: Map<string, SubjectEntry>;
  details: Map<string, EnhancedDetailEntry>;
  vendorExact: Map<string, VendorCodeEntry[]>;
  vendorRanges: { range: EnhancedRange; entry: VendorCodeEntry }[];
  basic: Map<string, BasicReplyEntry[]>;
  transport: Map<string, TransportStringEntry>;
  transportRoots: Set<string>;
}

let indexes: Indexes | undefined;

function build(): Indexes {
  const vendorExact = new Map<string, VendorCodeEntry[]>();
  const vendorRanges: Indexes['vendorRanges'] = [];
  for (const entry of [...exchangeServerCodes, ...exchangeOnlineCodes]) {
    const range = isRangeEntry(entry) ? parseEnhancedRange(entry.code) : undefined;
    if (range) {
      vendorRanges.push({ range, entry });
      continue;
    }
    for (const text of [entry.code, ...(entry.alsoCodes ?? [])]) {
      const code = parseEnhancedCode(text);
      if (!code) throw new Error(`knowledge base: malformed vendor code ${text}`);
      vendorExact.set(code.text, [...(vendorExact.get(code.text) ?? []), entry]);
    }
  }
  // Narrowest range first, so 5.7.700-749 wins over a wider range holding it.
  vendorRanges.sort((a, b) => (a.range.high - a.range.low) - (b.range.high - b.range.low));
  const transport = new Map(transportStatusStrings.map((e) => [e.name.toLowerCase(), e] as const));
  const basic = new Map<string, BasicReplyEntry[]>();
  for (const entry of basicReplyCodes) basic.set(entry.code, [...(basic.get(entry.code) ?? []), entry]);
  return {
    classes: new Map(statusClasses.map((e) => [e.code, e])),
    subjects: new Map(statusSubjects.map((e) => [e.code, e])),
    details: new Map(enhancedDetails.map((e) => [e.code, e])),
    vendorExact,
    vendorRanges,
    basic,
    transport,
    transportRoots: new Set(transportStatusStrings.map((e) => e.name.split('.')[0]!.toUpperCase())),
  };
}

function kb(): Indexes {
  return (indexes ??= build());
}

export function lookupEnhanced(text: string): EnhancedReading | undefined {
  const code = parseEnhancedCode(text);
  if (!code) return undefined;
  const { classes, subjects, details, vendorExact, vendorRanges } = kb();
  const statusClass = classes.get(code.statusClass)!;
  const vendor: VendorCodeEntry[] = [...(vendorExact.get(code.text) ?? [])];
  for (const { range, entry } of vendorRanges) {
    if (rangeContains(range, code) && !vendor.some((v) => v.product === entry.product)) vendor.push(entry);
  }
  return {
    code,
    statusClass,
    subject: subjects.get(String(code.subject)),
    standard: details.get(`X.${code.subject}.${code.detail}`),
    vendor,
  };
}

/** A reply code can have several readings: 220 is the greeting, and the answer to STARTTLS (RFC 3207). */
/** Range entries ("5.7.606-649") apply to any code inside them; the others to their exact codes. */
export function isRangeEntry(entry: VendorCodeEntry): boolean {
  return entry.code.includes('-');
}

export function lookupBasic(code: string): readonly BasicReplyEntry[] {
  return kb().basic.get(code) ?? [];
}

/**
 * Bounds of a transport status string: the known ones have three parts and 43 characters. Anything
 * longer is not one, and is neither read by the scanner nor looked up, so a hostile run of dots costs
 * nothing beyond reading it once.
 */
export const MAX_TRANSPORT_PARTS = 6;
export const MAX_TRANSPORT_LENGTH = 128;

/** Exact string first, then the longest known family prefix: RESOLVER.ADR.Foo falls back to RESOLVER.ADR. */
export function lookupTransport(name: string): TransportStringEntry | undefined {
  if (name.length > MAX_TRANSPORT_LENGTH) return undefined;
  const { transport } = kb();
  const lower = name.toLowerCase();
  // Ends of the prefixes "a", "a.b", "a.b.c", ...: each is one slice of the name, not a rebuilt join.
  const ends: number[] = [];
  for (let dot = lower.indexOf('.'); dot >= 0 && ends.length < MAX_TRANSPORT_PARTS; dot = lower.indexOf('.', dot + 1)) ends.push(dot);
  if (ends.length >= MAX_TRANSPORT_PARTS) return undefined;
  ends.push(lower.length);
  for (let n = ends.length; n > 0; n--) {
    const hit = transport.get(lower.slice(0, ends[n - 1]));
    if (hit && (n === ends.length || hit.family)) return hit;
  }
  return undefined;
}

/** First components of the known transport strings (RESOLVER, QUEUE, ...), for detection. */
export function transportRoots(): ReadonlySet<string> {
  return kb().transportRoots;
}

/** Permanence of a basic reply code from its first digit (RFC 5321 §4.2.1). */
export function basicPermanence(code: string): Permanence {
  switch (code[0]) {
    case '2': return 'success';
    case '3': return 'intermediate';
    case '4': return 'transient';
    default: return 'permanent';
  }
}

/** Every entry, for completeness tests and the benchmark. */
export const allEntries = {
  basicReplyCodes, statusClasses, statusSubjects, enhancedDetails, exchangeServerCodes, exchangeOnlineCodes, transportStatusStrings,
} as const;

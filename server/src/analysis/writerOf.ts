// Who wrote a reply, a report or a document, read from the one table of mail systems: the hovers'
// and problems' product readings, bounce classification's provider facts and the summary's "written
// by" all ask here.

import { mailSystems } from '../knowledge/data/mailSystems';
import { hasHost, hasMark, hasReportMark, type MailSystem } from '../knowledge/mailSystems';
import type { Product } from '../knowledge/model';

export interface WriterEvidence {
  /** Host names and mail domains (the remote server, the reporting server, the recipient's domain). */
  readonly hosts?: readonly string[];
  /** Texts that may carry a system's marks: a reply, a log line, a document's head. */
  readonly texts?: readonly string[];
  /** The opening of a non-delivery report in lower case: sender, subject, first Received hosts, X- header names, first words. */
  readonly report?: string;
}

/** Every mail system the evidence names, most specific first. */
export function writersOf(evidence: WriterEvidence): MailSystem[] {
  const named = narrowed(evidence);
  return mailSystems.filter((system) => names(system, named));
}

/** The mail system that most likely wrote it: the most specific one the evidence names. */
export function writerOf(evidence: WriterEvidence): MailSystem | undefined {
  const named = narrowed(evidence);
  return mailSystems.find((system) => names(system, named));
}

/**
 * One regex matching wherever any of `patterns` matches, or undefined when they cannot be joined
 * (different flags, a stateful flag, or a back-reference whose number would change).
 */
function unionOf(patterns: readonly (RegExp | undefined)[]): RegExp | undefined {
  const present = patterns.filter((p): p is RegExp => p !== undefined);
  const flags = present[0]?.flags;
  if (flags === undefined || /[gy]/.test(flags) || present.some((p) => p.flags !== flags || /\\[1-9]|\\k</.test(p.source))) return undefined;
  return new RegExp(present.map((p) => `(?:${p.source})`).join('|'), flags);
}

// Every system's host names, marks and report marks in one regex each: one scan tells whether any
// system's can match, so a text no system marks is read once instead of once per system.
const ANY_HOST = unionOf(mailSystems.map((system) => system.hosts));
const ANY_MARK = unionOf(mailSystems.map((system) => system.marks));
const ANY_REPORT_MARK = unionOf(mailSystems.map((system) => system.reportMarks));

/** The evidence without the hosts and texts no system can name. */
function narrowed(evidence: WriterEvidence): WriterEvidence {
  const { hosts, texts, report } = evidence;
  return {
    hosts: hosts && ANY_HOST ? hosts.filter((host) => host.length > 0 && ANY_HOST.test(host.toLowerCase())) : hosts,
    texts: texts && ANY_MARK ? texts.filter((text) => ANY_MARK.test(text)) : texts,
    report: report !== undefined && ANY_REPORT_MARK && !ANY_REPORT_MARK.test(report) ? undefined : report,
  };
}

function names(system: MailSystem, evidence: WriterEvidence): boolean {
  return (evidence.hosts?.some((host) => hasHost(system, host)) ?? false)
    || (evidence.texts?.some((text) => hasMark(system, text)) ?? false)
    || (evidence.report !== undefined && hasReportMark(system, evidence.report));
}

/**
 * The products whose own readings of a code apply: those of the most specific service the evidence
 * names. Consumer Outlook.com comes first and has none, so a reply from it gets no Exchange Online
 * reading even when it also names Microsoft 365's shared servers (".prod.protection.outlook.com").
 */
export function productsOf(evidence: WriterEvidence): readonly Product[] {
  const named = narrowed(evidence);
  return SERVICES.find((system) => names(system, named))?.products ?? [];
}

/**
 * The services that can decide: those up to the last one with products (a later one would only
 * say "none", so it is not tried), without a company's mark (a Microsoft link says who, not which
 * service: it neither chooses nor hides a product).
 */
const SERVICES = mailSystems
  .slice(0, mailSystems.reduce((last, system, index) => (system.products.length > 0 ? index + 1 : last), 0))
  .filter((system) => !system.companyOnly);

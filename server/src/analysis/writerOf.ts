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
  return mailSystems.filter((system) => names(system, evidence));
}

/** The mail system that most likely wrote it: the most specific one the evidence names. */
export function writerOf(evidence: WriterEvidence): MailSystem | undefined {
  return mailSystems.find((system) => names(system, evidence));
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
  return SERVICES.find((system) => names(system, evidence))?.products ?? [];
}

/**
 * The services that can decide: those up to the last one with products (a later one would only
 * say "none", so it is not tried), without a company's mark (a Microsoft link says who, not which
 * service: it neither chooses nor hides a product).
 */
const SERVICES = mailSystems
  .slice(0, mailSystems.reduce((last, system, index) => (system.products.length > 0 ? index + 1 : last), 0))
  .filter((system) => !system.companyOnly);

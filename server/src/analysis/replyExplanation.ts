// Turns a reply ("550 5.1.1 RESOLVER.ADR.RecipNotFound") into one structured explanation.
// Hover, diagnostics and the command line all render this same structure, so they say the same words.

import {
  basicPermanence, isRangeEntry, lookupBasic, lookupEnhanced, lookupTransport, REPLY_DIGITS_SOURCE, replyFirstDigit, replySecondDigit,
} from '../knowledge/knowledgeBase';
import type { Actor, Explanation, Permanence, VendorCodeEntry } from '../knowledge/model';
import { forEachReply, type ReplyMention } from '../detection/replyScanner';
import { lowerCaseLead } from '../text/sentences';
import { chooseReading, type ReplyChoice, type ReplyContext } from './replyChoice';

/** One reading of the reply: the standard one, a product's, the transport string's or the basic code's. */
export interface ReadingSection {
  readonly heading: string;
  readonly entry: Explanation;
  /** Short fact lines shown under the heading: NDR text, versions, event-log ID, class notes. */
  readonly facts: readonly string[];
}

export interface ReplyExplanation {
  /** The codes as written, normalised: "550 5.1.1 RESOLVER.ADR.RecipNotFound". */
  readonly label: string;
  readonly title: string;
  readonly permanence: Permanence;
  /** What the permanence means for retries, in words; a few codes have their own (4.4.7). */
  readonly retries: { readonly label: string; readonly retry: string };
  /** True when the leading reading says the failure is not about the recipient's address. */
  readonly addressFine: boolean;
  /** The leading reading's first step, short, when it comes from the reply's writer or words. */
  readonly act?: string | undefined;
  /** The enhanced code's class, subject and detail decoded, one line each. */
  readonly decoded: readonly string[];
  /** One-line meaning from the most specific reading, for diagnostics. */
  readonly summary: string;
  readonly actors: readonly Actor[];
  /** Conflicts and unregistered parts, said plainly. */
  readonly notes: readonly string[];
  /** Most relevant first. */
  readonly sections: readonly ReadingSection[];
}

export interface ReplyParts {
  readonly basic?: string | undefined;
  readonly enhanced?: string | undefined;
  readonly transport?: string | undefined;
}

export const PERMANENCE_TEXT: Record<Permanence, { label: string; retry: string }> = {
  success: { label: 'success', retry: 'nothing failed, so there is nothing to retry' },
  intermediate: { label: 'intermediate', retry: 'the server is waiting for the client to send more' },
  transient: { label: 'transient (retry later)', retry: 'the sending server keeps the message queued and retries until its expiry time (2 days by default in Exchange, 5 in Postfix)' },
  permanent: { label: 'permanent (do not retry)', retry: 'sending the same message again fails the same way; something must change first' },
};

export const ACTOR_TEXT: Record<Actor, string> = {
  'sender': 'the sender',
  'sender-admin': "the sender's admin",
  'recipient-admin': "the recipient's admin",
  'network-owner': 'the network/DNS owner',
};

/**
 * What the surrounding document and the reply itself say about who wrote it: products whose
 * readings come first, the reply's own words and the hosts around it (see replyChoice.ts).
 */
export type ExplainContext = ReplyContext;

export function explainMention(mention: ReplyMention, context: ExplainContext = {}): ReplyExplanation | undefined {
  return explainReply({ basic: mention.basic?.text, enhanced: mention.enhanced?.text, transport: mention.transport?.text }, context);
}

/** Every reply found in free text; a bare transport string ("QUEUE.Expired") works too. */
export function explainText(text: string): ReplyExplanation[] {
  const found: ReplyExplanation[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const reply = line.trim();
    forEachReply(reply, (mention) => {
      const explanation = explainMention(mention, { reply });
      if (explanation) found.push(explanation);
    });
  }
  return found;
}

/**
 * Explanations already built, by codes and preference. A document repeats the same few replies
 * thousands of times; one shared (read-only) explanation then serves them all, so time and memory
 * grow with the distinct replies, not the mentions. Emptied when full, so it stays bounded.
 */
const explained = new Map<string, ReplyExplanation | undefined>();
const MAX_EXPLAINED = 2048;

export function explainReply(parts: ReplyParts, context: ExplainContext = {}): ReplyExplanation | undefined {
  const choice = chooseReading(parts.enhanced, context);
  const key = `${parts.basic ?? ''}|${parts.enhanced ?? ''}|${parts.transport ?? ''}|${choice.key}`;
  if (explained.has(key)) return explained.get(key);
  const explanation = buildExplanation(parts, choice);
  if (explained.size >= MAX_EXPLAINED) explained.clear();
  explained.set(key, explanation);
  return explanation;
}

function buildExplanation(parts: ReplyParts, choice: ReplyChoice): ReplyExplanation | undefined {
  const enhanced = parts.enhanced ? lookupEnhanced(parts.enhanced) : undefined;
  const basicReadings = parts.basic ? lookupBasic(parts.basic) : [];
  const basic = basicReadings[0];
  const transport = parts.transport ? lookupTransport(parts.transport) : undefined;
  if (!enhanced && !parts.basic && !transport) return undefined;

  const { prefer } = choice;
  const rank = (v: VendorCodeEntry): number => (prefer.includes(v.product) ? prefer.indexOf(v.product) : prefer.length);
  const vendor = [...(enhanced?.vendor ?? [])].sort((a, b) => rank(a) - rank(b));
  // In a document a product wrote, that product's exact reading leads; elsewhere the standard one does.
  const leadingVendor = vendor.find((v) => prefer.includes(v.product) && !isRangeEntry(v));

  const sections: ReadingSection[] = [];
  const notes: string[] = [];
  const decoded: string[] = [];
  let standardSection: ReadingSection | undefined;
  const vendorSections: ReadingSection[] = [];

  if (enhanced) {
    const { code, statusClass, subject, standard } = enhanced;
    decoded.push(`Class ${code.statusClass}: ${statusClass.title}`);
    decoded.push(subject ? `Subject ${code.subject}: ${subject.title}` : `Subject ${code.subject}: not registered`);
    decoded.push(standard ? `Detail ${code.detail}: ${standard.title}` : `Detail ${code.detail}: not registered with IANA`);
    if (standard) {
      const classNote = standard.classNotes?.[code.statusClass];
      const facts = classNote ? [classNote] : [];
      // The registry lists a detail's replies for all classes at once (X.7.0: 235 and 454 and 530...); only this class's apply.
      const basicCodes = standard.basicCodes?.filter((basic) => basic[0] === code.statusClass) ?? [];
      if (basicCodes.length) facts.push(`Usually sent with reply ${basicCodes.join(' or ')}.`);
      standardSection = { heading: `Standard meaning of ${standard.code}`, entry: standard, facts };
    } else {
      const owners = [...enhanced.vendor.map((v) => v.product), ...choice.readings.filter((r) => r.codes).map((r) => r.name)];
      notes.push(`${code.text} is not in the IANA registry: ${subject ? `its class and subject say "${statusClass.title.toLowerCase()}, ${subject.title.toLowerCase()}"` : 'only its class is meaningful'}${owners.length ? `, and ${owners.join(' and ')} give${owners.length === 1 ? 's' : ''} it the meaning below` : ', and no product we know documents the detail'}.`);
    }
    vendorSections.push(...vendor.map((v) => {
      const facts: string[] = [];
      if (v.ndrText) facts.push(`NDR text: "${v.ndrText}"`);
      if (isRangeEntry(v)) facts.push(`Covers the range ${v.code}.`);
      if (v.basicCode) facts.push(`Sent with reply ${v.basicCode}.`);
      if (v.versions?.length) facts.push(`Versions: Exchange ${v.versions.join(', ')}.`);
      if (v.eventId) facts.push(`Event log ID (Exchange 2000/2003): ${v.eventId}.`);
      return { heading: `${v.product}: ${[v.code, ...(v.alsoCodes ?? [])].join(' / ')}`, entry: v, facts };
    }));
  }
  let transportSection: ReadingSection | undefined;
  if (transport) {
    const facts: string[] = [];
    if (transport.family) facts.push(`${parts.transport} is not a string we know; this is what its family ${transport.name} means.`);
    if (transport.typicalReply) facts.push(`Usually sent as ${transport.typicalReply}.`);
    if (transport.versions?.length) facts.push(`Seen in: ${transport.versions.join(', ')}.`);
    transportSection = { heading: `Transport status ${transport.family ? `${transport.name}.*` : transport.name}`, entry: transport, facts };
  }
  const basicSections = basicReadings.map((reading): ReadingSection => ({
    heading: `SMTP reply ${reading.code}${basicReadings.length > 1 ? ` (${reading.sources[0]})` : ''}`, entry: reading, facts: [],
  }));
  const readingSections = choice.readings.map((reading): ReadingSection => ({ heading: reading.name, entry: reading, facts: [] }));
  if (parts.basic && !enhanced) {
    decoded.push(`Reply ${parts.basic[0]}xx: ${replyFirstDigit[parts.basic[0]!]}`, `Reply x${parts.basic[1]}x: about ${replySecondDigit[parts.basic[1]!]}`);
  }
  if (parts.basic && !basic) notes.push(`${parts.basic} is not a registered SMTP reply code; its first digit says ${PERMANENCE_TEXT[basicPermanence(parts.basic)].label} (${REPLY_DIGITS_SOURCE}).`);

  if (parts.basic && enhanced && parts.basic[0] !== enhanced.code.statusClass) {
    notes.push(`The reply code ${parts.basic} and the enhanced code ${enhanced.code.text} disagree on the class; senders act on the reply code, so this counts as ${basicPermanence(parts.basic)}.`);
  }

  // The lead, in order: what the reply's writer or words chose, the product reading its words or
  // its writer chose, the transport string, the registered meaning, then what is left. A product's
  // range reading ("5.7.900-999") leads only where that product wrote the reply.
  const sectionOf = (entry: Explanation | undefined): ReadingSection | undefined => (entry ? vendorSections.find((s) => s.entry === entry) : undefined);
  const chosenVendor = choice.choice && choice.choice !== 'standard' ? vendor.find((v) => v.product === choice.choice && !isRangeEntry(v)) : undefined;
  const exactVendor = vendor.find((v) => !isRangeEntry(v));
  const rangeVendor = vendor.find((v) => isRangeEntry(v) && prefer.includes(v.product));
  const lead = readingSections[0]
    ?? (choice.choice === 'standard' ? standardSection : sectionOf(chosenVendor))
    ?? sectionOf(leadingVendor)
    ?? (transport && !transport.family ? transportSection : undefined)
    ?? standardSection
    ?? sectionOf(exactVendor)
    ?? sectionOf(rangeVendor)
    ?? transportSection
    ?? (enhanced ? undefined : basicSections[0]);
  const ordered = [
    ...readingSections, ...(standardSection ? [standardSection] : []), ...vendorSections, ...(transportSection ? [transportSection] : []), ...basicSections,
  ];
  sections.push(...(lead ? [lead] : []), ...ordered.filter((section) => section !== lead));

  const permanence = parts.basic ? basicPermanence(parts.basic)
    : enhanced ? enhanced.statusClass.permanence : choice.readings[0]?.permanence ?? transport!.permanence;
  // A code's own retry words (4.4.7) hold while the reply code does not say otherwise.
  const classAgrees = enhanced !== undefined && (!parts.basic || parts.basic[0] === enhanced.code.statusClass);
  const ownRetries = classAgrees ? enhanced.standard?.retries?.[enhanced.code.statusClass as '4' | '5'] : undefined;
  const leadReading = choice.readings[0];
  return {
    label: [parts.basic, enhanced?.code.text ?? parts.enhanced, parts.transport].filter(Boolean).join(' '),
    title: lead?.entry.title ?? (enhanced ? `${enhanced.statusClass.title}, ${enhanced.subject?.title ?? 'unregistered subject'}` : 'Unregistered reply code'),
    permanence,
    retries: ownRetries ?? PERMANENCE_TEXT[permanence],
    addressFine: leadReading?.addressFine ?? false,
    act: leadReading?.act,
    decoded,
    summary: lead ? firstSentence(lead.entry.meaning)
      : enhanced ? `${enhanced.statusClass.title.toLowerCase()} (${enhanced.subject?.title.toLowerCase() ?? 'unregistered subject'})`
        : replyFirstDigit[parts.basic![0]!]!,
    actors: lead?.entry.actors ?? [],
    notes,
    sections,
  };
}

/** "The mailbox does not exist. It may..." -> "the mailbox does not exist"; names keep their capital. */
function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  const sentence = end >= 0 ? text.slice(0, end) : text;
  return lowerCaseLead(sentence);
}

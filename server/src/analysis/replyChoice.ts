// The reply decides its reading. From its own words and the hosts around it: the mail system that
// wrote it (the one table of mail systems, through writerOf), the readings its words or its writer
// choose (data/replyReadings.ts, read by the bounce engine's phrase automaton), and the choice its
// words make between a product's reading of the code and the RFC's. Hovers, problems, bounce
// recipients and the command line all ask here, so the same reply leads with the same reading.

import type { Product, ReadingChoiceEntry, ReplyReadingEntry } from '../knowledge/model';
import type { MailSystemId } from '../knowledge/mailSystems';
import { replyReadings } from '../knowledge/data/replyReadings';
import { lookupEnhanced } from '../knowledge/knowledgeBase';
import { type EnhancedCode, parseEnhancedCode, parseEnhancedRange, rangeContains } from '../knowledge/statusCode';
import { readWording } from './bounce/wording';
import { productsOf, writersOf, type WriterEvidence } from './writerOf';

/** What the reply's context says; every field optional. */
export interface ReplyContext {
  /** Products whose readings come first, when the document already says who wrote it. */
  readonly prefer?: readonly Product[];
  /** The reply's own words: its line, or a bounce's diagnostic. */
  readonly reply?: string;
  /** Host names that may name the reply's writer: the remote server. */
  readonly hosts?: readonly string[];
}

export interface ReplyChoice {
  /** Products whose readings of the code come first. */
  readonly prefer: readonly Product[];
  /** Readings the reply chose by its writer or words, the most specific first. */
  readonly readings: readonly ReplyReadingEntry[];
  /** The reading of the code its words choose, if they choose one. */
  readonly choice: ReadingChoiceEntry['reading'] | undefined;
  /** A key for the whole choice, for caches of explanations. */
  readonly key: string;
}

/** Words beyond this many characters are not read: a reply and its context fit well within it. */
const MAX_REPLY_CHARS = 4096;

const NO_CHOICE: ReplyChoice = { prefer: [], readings: [], choice: undefined, key: '' };

/** Readings chosen by code and writer alone (no words), by code. */
const byCode = new Map<string, ReplyReadingEntry[]>();
for (const reading of replyReadings) {
  if (reading.phrases?.length) continue;
  for (const code of reading.codes ?? []) byCode.set(code, [...(byCode.get(code) ?? []), reading]);
}

export function chooseReading(enhanced: string | undefined, context: ReplyContext): ReplyChoice {
  const reply = context.reply?.slice(0, MAX_REPLY_CHARS);
  const hosts = context.hosts ?? [];
  if (!reply && hosts.length === 0) return context.prefer?.length ? { ...NO_CHOICE, prefer: context.prefer, key: context.prefer.join(',') } : NO_CHOICE;
  const evidence: WriterEvidence = { hosts, texts: reply ? [reply] : [] };
  const prefer = context.prefer ?? productsOf(evidence);
  const code = enhanced ? parseEnhancedCode(enhanced) : undefined;
  const wording = reply ? readWording(reply) : undefined;
  const candidates = [...(wording?.readings ?? []), ...(code ? byCode.get(code.text) ?? [] : [])];
  let named: MailSystemId[] | undefined;
  const writers = (): MailSystemId[] => (named ??= writersOf(evidence).map((system) => system.id));
  const readings = candidates.filter((reading) => codeFits(reading, code) && writerFits(reading, code, writers));
  const choice = code ? wording?.choices.find((c) => c.code === code.text)?.reading : undefined;
  return { prefer, readings, choice, key: `${prefer.join(',')}|${readings.map((r) => r.id).join(',')}|${choice ?? ''}` };
}

function codeFits(reading: ReplyReadingEntry, code: EnhancedCode | undefined): boolean {
  if (!reading.codes) return true;
  return code !== undefined && reading.codes.some((text) => {
    const range = text.includes('-') ? parseEnhancedRange(text) : undefined;
    return range ? rangeContains(range, code) : text === code.text;
  });
}

/**
 * A reading for some writers applies when the reply names one of them. When it names no writer,
 * words distinctive enough to select the reading still do, and so does a code no registry gives
 * another meaning (Outlook.com's 5.7.515); a registered code alone does not (5.7.26 is not only Gmail's).
 */
function writerFits(reading: ReplyReadingEntry, code: EnhancedCode | undefined, writers: () => MailSystemId[]): boolean {
  if (!reading.writers) return true;
  const named = writers();
  if (named.length > 0) return named.some((id) => reading.writers!.includes(id));
  if (reading.phrases?.length) return true;
  return code !== undefined && !lookupEnhanced(code.text)?.standard;
}

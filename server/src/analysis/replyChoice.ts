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
import { readReplyWords } from './bounce/wording';
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

const LEADING_ZERO = /\.0\d/;

const NO_CHOICE: ReplyChoice = { prefer: [], readings: [], choice: undefined, key: '' };

/** Readings chosen by code and writer alone (no words), by code. */
const byCode = new Map<string, ReplyReadingEntry[]>();
for (const reading of replyReadings) {
  if (reading.phrases?.length) continue;
  for (const code of reading.codes ?? []) byCode.set(code, [...(byCode.get(code) ?? []), reading]);
}

/** What one reply's words and hosts say, read once however many codes the reply holds. */
interface ReadReply {
  readonly context: ReplyContext;
  readonly prefer: readonly Product[];
  readonly readings: readonly ReplyReadingEntry[];
  readonly choices: readonly ReadingChoiceEntry[];
  readonly writers: () => readonly MailSystemId[];
  /** The choice when neither its words nor its code choose a reading: most replies. */
  readonly plain: ReplyChoice;
}

/** The last reply read: a line's codes ("dsn=5.1.1 ... said: 550 5.1.1") share one context object. */
let last: ReadReply | undefined;

function readReply(context: ReplyContext, reply: string | undefined, hosts: readonly string[]): ReadReply {
  if (last?.context === context) return last;
  const evidence: WriterEvidence = { hosts, texts: reply ? [reply] : [] };
  const wording = reply ? readReplyWords(reply) : undefined;
  let named: MailSystemId[] | undefined;
  const prefer = context.prefer ?? productsOf(evidence);
  last = {
    context,
    prefer,
    readings: wording?.readings ?? [],
    choices: wording?.choices ?? [],
    writers: () => (named ??= writersOf(evidence).map((system) => system.id)),
    plain: { prefer, readings: [], choice: undefined, key: `${prefer.join(',')}||` },
  };
  return last;
}

export function chooseReading(enhanced: string | undefined, context: ReplyContext): ReplyChoice {
  const reply = context.reply?.slice(0, MAX_REPLY_CHARS);
  const hosts = context.hosts ?? [];
  if (!reply && hosts.length === 0) return context.prefer?.length ? { ...NO_CHOICE, prefer: context.prefer, key: context.prefer.join(',') } : NO_CHOICE;
  const read = readReply(context, reply, hosts);
  // Codes are nearly always written without leading zeros, so the code-only readings are found by the text as written.
  if (read.readings.length === 0 && read.choices.length === 0 && !(enhanced && (byCode.has(enhanced) || LEADING_ZERO.test(enhanced)))) return read.plain;
  const code = enhanced ? parseEnhancedCode(enhanced) : undefined;
  const byItsCode = code ? byCode.get(code.text) : undefined;
  const readings = [...read.readings, ...(byItsCode ?? [])].filter((reading) => codeFits(reading, code) && writerFits(reading, code, read.writers));
  const choice = code && read.choices.length > 0 ? read.choices.find((c) => c.code === code.text)?.reading : undefined;
  const { prefer } = read;
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
function writerFits(reading: ReplyReadingEntry, code: EnhancedCode | undefined, writers: () => readonly MailSystemId[]): boolean {
  if (!reading.writers) return true;
  const named = writers();
  if (named.length > 0) return named.some((id) => reading.writers!.includes(id));
  if (reading.phrases?.length) return true;
  return code !== undefined && !lookupEnhanced(code.text)?.standard;
}

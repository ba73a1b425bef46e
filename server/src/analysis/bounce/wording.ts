// What the words of a reply say, read in one pass: which reason's fragments occur (TEXT_RULES),
// which providers' own reply texts occur, and which SMTP command the report says was refused.
// One automaton holds all three phrase lists, so each text is read once. The readings a reply
// chooses by its words (data/replyReadings.ts) are read here too, for hovers, problems and bounces.

import { PhraseMatcher } from '../../detection/phraseMatcher';
import type { BounceReason } from '../../knowledge/data/bounceReasons';
import { TEXT_RULE_ADDITIONS, TEXT_RULES } from '../../knowledge/data/bounceReasonRules';
import { providerReplyFacts, type ProviderReplyFact } from '../../knowledge/data/providerReplyFacts';
import { readingChoices, replyReadings } from '../../knowledge/data/replyReadings';
import type { ReadingChoiceEntry, ReplyReadingEntry } from '../../knowledge/model';
import type { SmtpStage } from '../../formats/bounce/model';
import { collapseWhiteSpace } from '../../text/whitespace';
import { STAGE_PHRASES } from './mtaFacts';

export interface Wording {
  /** The text as read: lower case, blanks collapsed, repeated multi-line reply codes removed (built when asked). */
  readonly text: string;
  /** The reason of the first TEXT_RULES entry with a fragment in the text. */
  readonly textReason: BounceReason | undefined;
  /** Provider reply texts found, in table order. */
  readonly providerFacts: readonly ProviderReplyFact[];
  /** The SMTP command named by the stage phrase that starts first. */
  readonly stage: SmtpStage | undefined;
}

type Phrase = { readonly kind: 'text'; readonly rule: number; readonly fragment: string; readonly wordStart: boolean } | { readonly kind: 'provider'; readonly fact: number } | { readonly kind: 'stage'; readonly stage: SmtpStage; readonly length: number };

let phrases: Phrase[] | undefined;
let matcher: PhraseMatcher | undefined;

function build(): { phrases: Phrase[]; matcher: PhraseMatcher } {
  const list: Phrase[] = [];
  const texts: string[] = [];
  const text = (rule: number, fragment: string): void => {
    list.push({ kind: 'text', rule, fragment, wordStart: isWordChar(fragment.charCodeAt(0)) });
    texts.push(fragment);
  };
  TEXT_RULES.forEach(([, fragments], rule) => fragments.forEach((fragment) => text(rule, fragment)));
  // Each addition joins the first rule of its reason, so it keeps that rule's place in the order.
  for (const [reason, fragments] of TEXT_RULE_ADDITIONS) {
    const rule = TEXT_RULES.findIndex(([r]) => r === reason);
    for (const fragment of fragments) text(rule, fragment);
  }
  providerReplyFacts.forEach((f, fact) => { list.push({ kind: 'provider', fact }); texts.push(f.text); });
  for (const { stage, phrase } of STAGE_PHRASES) { list.push({ kind: 'stage', stage, length: phrase.length }); texts.push(phrase); }
  return { phrases: list, matcher: new PhraseMatcher(texts) };
}

export function readWording(raw: string): Wording {
  if (!matcher) ({ phrases, matcher } = build());
  // The matcher ignores case and blank runs itself; only the repeated codes of a multi-line reply
  // ("550-5.7.1 ... 550 5.7.1 ...") need removing first, so phrases split across its lines read whole.
  const readable = MULTI_LINE_REPLY.test(raw) ? raw.replace(REPEATED_CODE, ' ') : raw;
  let rule = Number.MAX_SAFE_INTEGER;
  const facts: number[] = [];
  let stage: { stage: SmtpStage; at: number } | undefined;
  for (const [index, end] of matcher.find(readable)) {
    const phrase = phrases![index]!;
    if (phrase.kind === 'text') {
      if (!(phrase.wordStart && insideWord(readable, end, phrase.fragment))) rule = Math.min(rule, phrase.rule);
    }
    else if (phrase.kind === 'provider') facts.push(phrase.fact);
    else if (!stage || end - phrase.length < stage.at) stage = { stage: phrase.stage, at: end - phrase.length };
  }
  return new ReadWording(
    readable,
    rule === Number.MAX_SAFE_INTEGER ? undefined : TEXT_RULES[rule]![0],
    facts.sort((a, b) => a - b).map((i) => providerReplyFacts[i]!),
    stage?.stage,
  );
}

/** The readings a reply's words select and the choices they make between a code's readings (data/replyReadings.ts). */
export interface ReplyWords {
  /** In table order, not yet filtered by code or writer. */
  readonly readings: readonly ReplyReadingEntry[];
  readonly choices: readonly ReadingChoiceEntry[];
}

type ReplyPhrase = { readonly reading: number } | { readonly choice: number };

let replyPhrases: ReplyPhrase[] | undefined;
let replyMatcher: PhraseMatcher | undefined;

const NO_WORDS: ReplyWords = { readings: [], choices: [] };

/**
 * The reply readings' own phrases, in an automaton of their own: hovers and problems read every
 * line that holds a code, and this small table stays in cache where the bounce classifier's
 * hundreds of fragments would not (measured: a third more time validating an 8 MB mail log).
 */
export function readReplyWords(raw: string): ReplyWords {
  if (!replyMatcher) {
    const texts: string[] = [];
    replyPhrases = [];
    replyReadings.forEach((r, reading) => r.phrases?.forEach((phrase) => { replyPhrases!.push({ reading }); texts.push(phrase); }));
    readingChoices.forEach((c, choice) => c.phrases.forEach((phrase) => { replyPhrases!.push({ choice }); texts.push(phrase); }));
    replyMatcher = new PhraseMatcher(texts);
  }
  const found = replyMatcher.find(MULTI_LINE_REPLY.test(raw) ? raw.replace(REPEATED_CODE, ' ') : raw);
  if (found.size === 0) return NO_WORDS;
  const readings = new Set<number>();
  const choices = new Set<number>();
  for (const index of found.keys()) {
    const phrase = replyPhrases![index]!;
    if ('reading' in phrase) readings.add(phrase.reading);
    else choices.add(phrase.choice);
  }
  return {
    readings: [...readings].sort((a, b) => a - b).map((i) => replyReadings[i]!),
    choices: [...choices].sort((a, b) => a - b).map((i) => readingChoices[i]!),
  };
}

/**
 * A class rather than an object literal with a getter: with the literal, each result's getter
 * closure and the text it holds survived V8's minor collections until a full one (measured on the
 * bounce corpus: 1.2 MB surviving each scavenge, 7 MB once `text` was read; none with the class).
 */
class ReadWording implements Wording {
  private normalised: string | undefined;

  constructor(
    private readonly readable: string,
    readonly textReason: BounceReason | undefined,
    readonly providerFacts: readonly ProviderReplyFact[],
    readonly stage: SmtpStage | undefined,
  ) {}

  get text(): string {
    return (this.normalised ??= normalise(this.readable));
  }
}

const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122);

/**
 * A phrase that starts with a letter or digit found in the middle of a word ("server error" in
 * "nameserver error", "filtered" in "unfiltered") is not that phrase. The matcher gives
 * where a match ends; only a match written exactly as the phrase (no blanks collapsed inside it)
 * has a known start, and only then is the character before it read.
 */
function insideWord(text: string, end: number, fragment: string): boolean {
  const start = end - fragment.length;
  return start > 0 && isWordChar(text.charCodeAt(start - 1)) && text.slice(start, end).toLowerCase() === fragment;
}

/** Lower case with blanks collapsed, for the few readers that need the text itself. */
function normalise(text: string): string {
  return collapseWhiteSpace(text.toLowerCase());
}
const MULTI_LINE_REPLY = /\d{3}-[245]\.\d/;
const REPEATED_CODE = /(?:^|\s)[245]\d\d[ -][245]\.\d{1,3}\.\d{1,3}(?=\s)/g;

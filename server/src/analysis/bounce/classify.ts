// The reason for one recipient's failure: the provider's own reading of its reply first (the same
// code means different things at Google and at Microsoft), then codes that settle the reason, then
// the wording of the reply, then weaker hints from the code and the SMTP stage.

import { bounceReasons, type BounceReason } from '../../knowledge/data/bounceReasons';
import { DOMAIN_TEXT_RULES, STATUS_HINTS, STATUS_REASONS } from '../../knowledge/data/bounceReasonRules';
import type { Provider, ProviderReplyFact } from '../../knowledge/data/providerReplyFacts';
import { parseEnhancedCode, parseEnhancedRange, rangeContains } from '../../knowledge/statusCode';
import type { DeliveryAction, SmtpStage } from '../../formats/bounce/model';
import type { Wording } from './wording';
import { writersOf } from '../writerOf';

export interface ClassifyInput {
  readonly action: DeliveryAction;
  readonly status?: string;
  readonly replyCode?: string;
  /** The wording of the diagnostic and of the recipient's block, most specific first. */
  readonly near: readonly Wording[];
  /** The wording of the whole report, read only when the near texts say nothing recognisable. */
  readonly report?: () => Wording;
  readonly stage?: SmtpStage;
  /** Host names and domains that may identify the provider (remote MTA, recipient domain). */
  readonly hosts: readonly string[];
  /** The diagnostic is a local delivery program's exit status ("Diagnostic-Code: X-Unix; 77"). */
  readonly localProgram?: boolean;
}

export interface Classification {
  readonly reason: BounceReason;
  /** How it was decided, in a few words. */
  readonly basis: string;
}

/** Providers whose reply facts read this reply: those of the mail systems the hosts and the (lower-case) texts name. */
export function providersOf(hosts: readonly string[], texts: readonly string[]): Set<Provider> {
  const found = new Set<Provider>();
  for (const system of writersOf({ hosts, texts })) for (const provider of system.replyFacts) found.add(provider);
  return found;
}

function statusMatches(fact: ProviderReplyFact, status: string | undefined): boolean {
  if (!fact.status) return true;
  if (!status) return false;
  if (fact.status.includes('-')) {
    const range = parseEnhancedRange(fact.status);
    const code = parseEnhancedCode(status);
    return range !== undefined && code !== undefined && rangeContains(range, code);
  }
  return fact.status === status;
}

const MAILBOX_CAUSES: ReadonlySet<BounceReason> = new Set(['mailboxfull', 'userunknown', 'suspend', 'filtered', 'mesgtoobig', 'systemfull', 'hasmoved']);

// Servers answer many refusals at RCPT with X.1.1 ("452 4.1.1 user is over quota", "550 5.1.1 ...
// has sent to too many recipients this hour"). Words that say the mailbox exists but is full, or
// that the sender went over a rate limit, contradict "no such mailbox" (RFC 3463 X.1.1) and win.
const EXISTING_MAILBOX_OR_SENDER_LIMIT: ReadonlySet<BounceReason> = new Set(['mailboxfull', 'speeding']);

const ASKS_FOR_RECIPIENTS = /\brcpt\b|\brecipients? first\b/;

/** The generic key of a code: "5.1.1" -> "X.1.1". */
const genericKey = (status: string): string => `X${status.slice(1)}`;

export function classifyFailure(input: ClassifyInput): Classification {
  if (input.action === 'delivered' || input.action === 'relayed' || input.action === 'expanded') return { reason: 'delivered', basis: `action ${input.action}` };
  const status = input.status;
  // The normalised texts are built only for the few checks that read them.
  let nearTexts: string[] | undefined;
  const near = (): string[] => (nearTexts ??= input.near.map((w) => w.text));

  let providers: Set<Provider> | undefined;
  for (const wording of input.near) {
    for (const fact of wording.providerFacts) {
      // A provider's wording counts for that provider, or anywhere when the wording is long enough to
      // be its own (then the providers need not be worked out, nor when the status rules it out).
      if (statusMatches(fact, status) && (fact.text.length >= 28 || (providers ??= providersOf(input.hosts, near())).has(fact.provider))) {
        return { reason: fact.reason, basis: `${fact.provider} reply "${fact.text}"` };
      }
    }
  }

  // Lower-cased once, not once per rule.
  const hosts = input.hosts.map((h) => h.toLowerCase());
  for (const rule of DOMAIN_TEXT_RULES) {
    if (hosts.some((h) => rule.domain.test(h)) && near().some((t) => rule.text.test(t))) {
      return { reason: rule.reason, basis: rule.why };
    }
  }

  // A reply that asks for recipients ("503 5.5.1 RCPT first", "need RCPT command") answers a command
  // sent after they were all refused: neither its code nor its words say why they were.
  const outOfSequence = input.replyCode === '503' && near().some((t) => ASKS_FOR_RECIPIENTS.test(t));
  const settled = status ? STATUS_REASONS[genericKey(status)] : undefined;
  if (settled) {
    const said = settled === 'userunknown' ? input.near.find((w) => w.textReason)?.textReason : undefined;
    if (said && EXISTING_MAILBOX_OR_SENDER_LIMIT.has(said)) return { reason: said, basis: `reply text over status ${status}` };
    return { reason: settled, basis: `status ${status}` };
  }

  // Google Groups answers a post it will not take (no such group, or no permission to post) in the
  // poster's language and without a code.
  if (!status && writersOf({ hosts: input.hosts }).some((system) => system.id === 'google-groups')) return { reason: 'rejected', basis: 'Google Groups refused the post' };

  // A local delivery program (procmail, maildrop, a pipe) that exited with an error: the mailer
  // failed, unless the words say what about the mailbox made it fail (full, unknown, disabled).
  if (input.localProgram && !MAILBOX_CAUSES.has(input.near.find((w) => w.textReason)?.textReason ?? 'undefined')) {
    return { reason: 'systemerror', basis: 'local delivery program failed' };
  }

  // The most specific text that says something recognisable: the diagnostic, the block, the report.
  const textReason = input.near.find((w) => w.textReason)?.textReason ?? input.report?.().textReason;
  const reason = outOfSequence && textReason === 'syntaxerror' ? undefined : textReason;
  if (reason) {
    const transient = (status ?? input.replyCode ?? '')[0] === '4';
    // Before the envelope (the greeting or HELO), "invalid domain" and "no SMTP service" are about
    // the sending server's own name and address, not the destination.
    if ((input.stage === 'connect' || input.stage === 'helo') && (reason === 'userunknown' || reason === 'hostunknown' || reason === 'notaccept')) {
      return { reason: 'blocked', basis: 'refused before the envelope' };
    }
    if (reason === 'userunknown' || reason === 'hostunknown') {
      // At MAIL FROM, "does not exist" is about the sender.
      if (input.stage === 'mail') return { reason: 'rejected', basis: 'refused at MAIL FROM' };
      // A lookup that failed only for now is a network problem, not a missing domain.
      if (reason === 'hostunknown' && transient && input.action !== 'failed') return { reason: 'networkerror', basis: 'temporary DNS failure' };
    }
    // "User unknown" answered only after the message data comes from a filter that read the
    // message, not from the recipient directory.
    if (reason === 'userunknown' && !(status && status.startsWith('.1.', 1)) && input.stage === 'data') {
      return { reason: 'filtered', basis: 'recipient refused after the message data' };
    }
    return { reason, basis: 'reply text' };
  }
  if (input.action === 'delayed') return { reason: 'expired', basis: 'delivery delayed' };

  const hinted = status && !outOfSequence ? STATUS_HINTS[genericKey(status)] : undefined;
  if (hinted) return { reason: hinted, basis: `status ${status}` };
  if (input.stage === 'mail') return { reason: 'rejected', basis: 'refused at MAIL FROM' };
  if (input.stage === 'connect' || input.stage === 'helo') return { reason: 'blocked', basis: 'refused before the envelope' };
  return { reason: 'undefined', basis: 'nothing recognisable' };
}

/** A hard bounce: the address itself will not work, as opposed to a problem that can be fixed or may pass. */
export function isHardBounce(reason: BounceReason, permanent: boolean): boolean {
  return permanent && bounceReasons[reason].addressIsDead;
}

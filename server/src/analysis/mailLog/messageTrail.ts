// A message's trail through a Postfix, Exim or Sendmail log: every line of one queue id (or Exim
// message id) joined, from the client that handed it over to its removal, with the final outcome
// for each recipient. The mail flow report (#15) aggregates these.

import type { MailSystemKind } from '../../formats/mailLog/lineHead';
import type { TextSpan } from '../../formats/mailLog/lineEvents';

/**
 * delivered, bounced, expired (given up after retrying), deferred (still being retried when the
 * log ends), or unknown (the log does not say: it starts or ends mid-trail, or the message left
 * the queue with no final status for this recipient). Never guessed.
 */
export type RecipientOutcomeKind = 'delivered' | 'bounced' | 'expired' | 'deferred' | 'unknown';

/** Why a trail was handed on. */
export type TrailEnd = 'removed' | 'completed' | 'reused' | 'evicted' | 'log-end';

export interface RecipientTrail {
  readonly address: string;
  origTo?: string;
  outcome: RecipientOutcomeKind;
  /** Delivery attempts logged for this recipient (each to=, =>, ==, ** line). */
  attempts: number;
  deferrals: number;
  /** Times in milliseconds (see LogTime.epochMs). */
  firstAttemptMs?: number;
  lastAttemptMs?: number;
  /** The line that settled the outcome, or the last attempt's line while it is open. */
  decisiveLine: number;
  decisiveSpan?: TextSpan;
  /** The last attempt's reply or reason, its DSN code, relay and delays as logged. */
  reply?: string;
  dsn?: string;
  relay?: string;
  /** Seconds from arrival to the last attempt, as the log says (Postfix and Sendmail delay=). */
  delay?: number;
  delays?: string;
  /** For an unknown outcome: why. */
  unknownWhy?: string;
}

export interface MessageTrail {
  /** Queue id or Exim message id. */
  readonly id: string;
  readonly system: MailSystemKind;
  /** The Postfix instance ("postfix-out") whose queue holds the id; "" for the default one and for Exim and Sendmail. */
  readonly instance: string;
  firstLine: number;
  lastLine: number;
  /** Every line of the message in order (editor only; bounded, see linesDropped). */
  lines?: number[];
  linesDropped: number;
  /** Lines read for this trail, kept or not. */
  lineCount: number;
  /** The log shows where the message entered the queue. */
  startSeen: boolean;
  end?: TrailEnd;
  client?: string;
  messageId?: string;
  sender?: string;
  size?: number;
  nrcpt?: number;
  firstMs?: number;
  lastMs?: number;
  readonly recipients: RecipientTrail[];
  /** Recipients past the bound, counted only. */
  recipientsDropped: number;
  /** Bounce or delay notifications this message caused: their ids and the line that names them. */
  readonly notifications: { readonly id: string; readonly line: number }[];
  /** For a notification: the id of the message it reports on. */
  reportsOn?: string;
}

/** The outcome of each recipient, counted: the shape a report aggregates. */
export function outcomeCounts(trail: MessageTrail): Record<RecipientOutcomeKind, number> {
  const counts: Record<RecipientOutcomeKind, number> = { delivered: 0, bounced: 0, expired: 0, deferred: 0, unknown: 0 };
  for (const recipient of trail.recipients) counts[recipient.outcome]++;
  return counts;
}

/** The outcome of the whole message: the worst of its recipients'. */
export function trailOutcome(trail: MessageTrail): RecipientOutcomeKind | undefined {
  const counts = outcomeCounts(trail);
  for (const kind of ['bounced', 'expired', 'deferred', 'unknown', 'delivered'] as const) if (counts[kind]) return kind;
  return undefined;
}

// What a message trace says happened to each recipient: from the Status column (the cmdlets and the
// on-screen summary), the events of a Recipient_status entry (the enhanced summary), or the event
// of a row (the extended report and the detail cmdlets). Codes in a reason are read by the one
// status-code knowledge base (replyExplanation), with Exchange Online's readings first.

import { explainMention } from './replyExplanation';
import { scanReplies } from '../detection/replyScanner';
import { recipientStatusEntries, splitPieces, type TracePiece } from '../formats/messageTrace/traceFields';
import { type TraceRow, type TraceTable, traceColumnValue, traceField, traceValue, traceValueRange } from '../formats/messageTrace/traceTable';
import { mailSystem } from '../knowledge/mailSystems';
import { lookupTraceEvent, lookupTraceStatus, type TraceOutcome } from '../knowledge/messageTraceFacts';
import { ASCII_CASE_BIT, caselessAt, CharCode } from '../common/charCode';

export interface TraceReply {
  /** "550 5.1.1 RESOLVER.ADR.RecipNotFound" as normalised. */
  readonly label: string;
  readonly summary: string;
  readonly enhanced?: string;
  readonly basic?: string;
  readonly transport?: string;
  readonly permanent: boolean;
}

export interface RecipientTraceOutcome {
  readonly recipient: string;
  readonly outcome: TraceOutcome;
  /** The word that says so: a Status value, an event ("Fail", "Quarantined"). */
  readonly verdict: string;
  /** Offsets of what the problem sits on: the status, the entry or the event. */
  readonly start: number;
  readonly end: number;
  /** The reason as written (a Detail text, a status with a reply), bounded. */
  readonly reason?: string;
  readonly reply?: TraceReply;
}

const EXCHANGE_ONLINE = mailSystem('exchange-online').products;

/** Longest reason text read for a code: a hostile cell is read from its start only. */
const MAX_REASON = 2000;

/** One reply explained once per text: traces repeat the same few reasons many times. */
export class TraceReplyReader {
  private readonly cache = new Map<string, TraceReply | null>();

  read(text: string): TraceReply | undefined {
    const bounded = text.length > MAX_REASON ? text.slice(0, MAX_REASON) : text;
    let hit = this.cache.get(bounded);
    if (hit === undefined) {
      const led = /\{LED=([^}]{1,500})\}/.exec(bounded)?.[1];
      const mention = scanReplies(led ?? bounded)[0] ?? (led ? undefined : scanReplies(bounded, false)[0]);
      const explanation = mention ? explainMention(mention, { prefer: EXCHANGE_ONLINE }) : undefined;
      hit = mention && explanation ? {
        label: explanation.label, summary: explanation.summary, permanent: explanation.permanence === 'permanent',
        ...(mention.enhanced ? { enhanced: mention.enhanced.text } : {}),
        ...(mention.basic ? { basic: mention.basic.text } : {}),
        ...(mention.transport ? { transport: mention.transport.text } : {}),
      } : null;
      if (this.cache.size < 10_000) this.cache.set(bounded, hit);
    }
    return hit ?? undefined;
  }
}

/**
 * The outcome of each recipient a row speaks of; rows that say nothing of a recipient give none.
 * With `withoutDelivered`, deliveries are left out before anything about them is read (problems
 * report none, and they are most rows of a big trace).
 */
export function rowRecipientOutcomes(table: TraceTable, row: TraceRow, replies: TraceReplyReader, withoutDelivered = false): RecipientTraceOutcome[] {
  switch (table.kind) {
    case 'summary':
      return statusOutcome(table, row, 'recipient', withoutDelivered);
    case 'message-trace':
      return statusOutcome(table, row, 'recipientaddress', withoutDelivered);
    case 'enhanced-summary':
      return recipientStatusOutcomes(table, row, replies, withoutDelivered);
    case 'trace-detail':
      return eventOutcomes(table, row, 'event', 'recipientaddress', 'detail', replies, withoutDelivered);
    case 'extended': {
      // Failures, deferrals and expansions have event rows of their own; quarantine and the spam
      // verdict show only in Recipient_status, which every row of the message may repeat.
      const events = eventOutcomes(table, row, 'event_id', 'recipient_address', 'recipient_status', replies, withoutDelivered);
      if (!mentionsFilterVerdict(table, row)) return events;
      return [...events, ...recipientStatusOutcomes(table, row, replies, true).filter((o) => o.outcome === 'quarantined' || o.outcome === 'filtered')];
    }
  }
}

function statusOutcome(table: TraceTable, row: TraceRow, recipientColumn: string, withoutDelivered: boolean): RecipientTraceOutcome[] {
  const field = traceField(table, row, 'status');
  const value = traceValue(table, field);
  const status = value ? lookupTraceStatus(value) : undefined;
  if (!status || (withoutDelivered && status.outcome === 'delivered')) return [];
  const { start, end } = traceValueRange(table, field);
  return [{ recipient: traceColumnValue(table, row, recipientColumn), outcome: status.outcome, verdict: status.name, start, end }];
}

/** Each Recipient_status entry: its outcome is that of its last event that decides one. */
function recipientStatusOutcomes(table: TraceTable, row: TraceRow, replies: TraceReplyReader, withoutDelivered: boolean): RecipientTraceOutcome[] {
  const field = traceField(table, row, 'recipient_status');
  if (field < 0) return [];
  const { start, end } = traceValueRange(table, field);
  const out: RecipientTraceOutcome[] = [];
  for (const entry of recipientStatusEntries(table.text, start, end)) {
    if (!entry.recipient) continue;
    let decided: { piece: TracePiece; outcome: TraceOutcome } | undefined;
    for (const event of entry.events) {
      const fact = lookupTraceEvent(firstWord(event.text));
      if (fact && fact.outcome !== 'none') decided = { piece: event, outcome: fact.outcome };
    }
    if (!decided || (withoutDelivered && decided.outcome === 'delivered')) continue;
    const reply = entry.status ? replies.read(entry.status.text) : undefined;
    const recipient = entry.recipient.text;
    const verdict = firstWord(decided.piece.text);
    const at = entry.status ?? entry;
    // Written out rather than spread: this runs for every quarantined or filtered row of a big report.
    out.push(reply
      ? { recipient, outcome: decided.outcome, verdict, start: at.start, end: at.end, reply, reason: clip(entry.status!.text) }
      : { recipient, outcome: decided.outcome, verdict, start: at.start, end: at.end });
  }
  return out;
}

/** A row's own event for each of its recipients (extended report, detail cmdlets). */
function eventOutcomes(
  table: TraceTable, row: TraceRow, eventColumn: string, recipientColumn: string, reasonColumn: string, replies: TraceReplyReader, withoutDelivered: boolean,
): RecipientTraceOutcome[] {
  const eventField = traceField(table, row, eventColumn);
  const event = traceValue(table, eventField);
  const fact = event ? lookupTraceEvent(event) : undefined;
  if (!fact || fact.outcome === 'none' || (withoutDelivered && fact.outcome === 'delivered')) return [];
  const { start, end } = traceValueRange(table, eventField);
  // An expansion is about the group, which related_recipient_address names; the members are in recipient_address.
  const related = fact.outcome === 'expanded' ? traceField(table, row, 'related_recipient_address') : -1;
  const recipientField = traceValue(table, related) ? related : traceField(table, row, recipientColumn);
  const range = recipientField >= 0 ? traceValueRange(table, recipientField) : { start: 0, end: 0 };
  const recipients = recipientField >= 0 ? splitPieces(table.text, range.start, range.end, CharCode.Semicolon) : [];
  const who = recipients.length ? recipients.map((r) => r.text) : [''];
  // A delivery needs no reason: the outline is all that reads it.
  if (fact.outcome === 'delivered') return who.map((recipient) => ({ recipient, outcome: fact.outcome, verdict: event, start, end }));
  const reasonField = traceField(table, row, reasonColumn);
  const statusRange = reasonField >= 0 ? traceValueRange(table, reasonField) : undefined;
  const entries = statusRange && reasonColumn === 'recipient_status' ? recipientStatusEntries(table.text, statusRange.start, statusRange.end) : [];
  return who.map((recipient) => {
    // The detail cmdlets give the reason in Detail; the extended report in the recipient's status entry, when it holds a reply.
    const entry = entries.find((e) => e.recipient?.text.toLowerCase() === recipient.toLowerCase()) ?? (entries.length === 1 ? entries[0] : undefined);
    const reasonText = reasonColumn === 'recipient_status' ? entry?.status?.text ?? '' : traceValue(table, reasonField);
    const reply = reasonText ? replies.read(reasonText) : undefined;
    const reason = reasonColumn === 'recipient_status' && !reply ? '' : reasonText;
    const outcome = fact.outcome;
    if (!reason) return reply ? { recipient, outcome, verdict: event, start, end, reply } : { recipient, outcome, verdict: event, start, end };
    const clipped = clip(reason);
    return reply
      ? { recipient, outcome, verdict: event, start, end, reason: clipped, reply }
      : { recipient, outcome, verdict: event, start, end, reason: clipped };
  });
}

/**
 * A cheap look before splitting: most rows' Recipient_status names no quarantine or spam verdict.
 * Read in place (every row of an extended report asks), for the words FILTER_VERDICTS in any case.
 */
function mentionsFilterVerdict(table: TraceTable, row: TraceRow): boolean {
  const field = traceField(table, row, 'recipient_status');
  if (field < 0) return false;
  const { start, end } = traceValueRange(table, field);
  const { text } = table;
  const last = Math.min(end, start + MAX_REASON);
  for (let k = start; k < last; k++) {
    // An ASCII letter of either case in lower case; no other character becomes a word's first letter.
    const c = text.charCodeAt(k) | ASCII_CASE_BIT;
    for (const word of FILTER_VERDICTS) if (c === word.charCodeAt(0) && k + word.length <= last && caselessAt(text, k, word)) return true;
  }
  return false;
}

const FILTER_VERDICTS: readonly string[] = ['quarantin', 'spam', 'malware'];

function firstWord(text: string): string {
  const match = /^[A-Za-z]+/.exec(text);
  return match ? match[0] : text;
}

/** Values quoted in problems are kept short: a hostile cell may be megabytes long. */
export function clip(text: string): string {
  const oneLine = text.slice(0, 400).replace(/\s+/g, ' ');
  return oneLine.length > 160 ? `${oneLine.slice(0, 157)}...` : oneLine;
}

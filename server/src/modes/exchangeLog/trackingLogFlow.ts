// The mail flow report's records of a message tracking log (#15): one message per copy a server
// held (its internal-message-id, else network-message-id, else message-id: Message-IDs repeat, and
// are shared by the copies of several servers), one recipient per address with the outcome its
// events give, and the codes, reason and who acts of the same reply reading as the log's problems (ReplyCache).

import { type CancellationToken, SlicedWork, type YieldControl } from '../../common/cancellation';
import type { FlowMessage, FlowOutcome, FlowRecipient, FlowRecords } from '../../common/mailFlow';
import type { ProblemFields } from '../../common/problemFields';
import type { ExchangeLog, LogRow } from '../../formats/exchangeLog';
import { fieldOf, isWellFormed, timestampMs, valueOf } from '../../formats/exchangeLogLookups';
import { columnKey, rowGroups } from '../../formats/exchangeLogIndex';
import { recipientOutcomes, splitItems } from '../../formats/trackingLog';
import { lookupTrackingEvent } from '../../knowledge/exchangeLogFacts';
import type { LogEventEntry } from '../../knowledge/exchangeLogModel';
import type { Product } from '../../knowledge/model';
import { bareMessageId } from '../shared/problemData';
import { ReplyCache } from './exchangeLogRules';
import { describeSeconds, messageInfoOrigin, readMessageInfo } from './flowTimes';

const ROWS_PER_SLICE = 5000;

/**
 * Row indexes of each message copy, in file order: the rows of each internal-message-id (the
 * grouping the validation builds in its slices for hovers and references, so the editor reads it
 * once), then the well-formed rows without one, by network-message-id or Message-ID.
 */
export function flowMessageRows(log: ExchangeLog): (readonly number[])[] {
  const byInternalId = rowGroups(log, columnKey('internal-message-id'));
  const grouped = new Uint8Array(log.rows.length);
  for (const rows of byInternalId.values()) for (const index of rows) grouped[index] = 1;
  const rest = new Map<string, number[]>();
  for (let index = 0; index < log.rows.length; index++) {
    const row = log.rows[index]!;
    if (grouped[index] || !isWellFormed(row)) continue;
    const key = valueOf(log, fieldOf(row, 'network-message-id')) || valueOf(log, fieldOf(row, 'message-id'));
    if (!key) continue;
    const rows = rest.get(key);
    if (rows) rows.push(index);
    else rest.set(key, [index]);
  }
  return [...byInternalId.values(), ...rest.values()];
}

/** Events where a message enters the server that logs it. */
const ENTRY_EVENTS: ReadonlySet<string> = new Set(['RECEIVE', 'SUBMIT']);
/** Events that replace the address in related-recipient-address by those in recipient-address. */
const READDRESSING_EVENTS: ReadonlySet<string> = new Set(['EXPAND', 'REDIRECT', 'RESOLVE']);
/** Sources whose rows name the next hop or mailbox server in server-hostname. */
const HAND_OVER_SOURCES: ReadonlySet<string> = new Set(['SMTP', 'STOREDRIVER', 'GATEWAY']);
const QUARANTINE = /quarantin/i;
/** Longest text searched for a quarantine verdict: a hostile field is read from its start only. */
const VERDICT_WINDOW = 2000;

interface RecipientState {
  readonly recipient: string;
  outcome?: FlowOutcome;
  /** A later delay does not undo these. */
  decided: boolean;
  line: number;
  settledMs?: number;
  /** The outcome's time as the row writes it, for ProblemFields.timestamp as the problems give it. */
  settledAt?: string;
  deferrals: number;
  firstDeferredMs?: number;
  destination?: string;
  /** The deliveries that may name the slowest part, last last: put in words only when the report asks. */
  slowestFrom?: SlowestSource[];
  originMs?: number;
  fields?: ProblemFields;
}

/** A delivery row, and the hop it ends, whose slowest part the report may ask for. */
interface SlowestSource {
  readonly row: LogRow;
  readonly hop: Hop | undefined;
  readonly event: string;
  readonly time: number | undefined;
}

/** How long each server held the message: from its entry on that server (internal id) to a hand-over. */
interface Hop {
  readonly server: string;
  readonly entryEvent: string;
  readonly startMs: number;
}

export async function trackingLogFlow(
  log: ExchangeLog, prefer: readonly Product[], token: CancellationToken | undefined, yieldControl: YieldControl,
): Promise<FlowRecords | undefined> {
  const replies = new ReplyCache(prefer);
  const slices = new SlicedWork(ROWS_PER_SLICE, token, yieldControl);
  const messages: FlowMessage[] = [];
  const recipients: FlowRecipient[] = [];
  // By recipient index: where a delivered recipient's slowest part can be read.
  const slowestSources: (readonly SlowestSource[] | undefined)[] = [];
  let withoutEntry = 0;
  let unknown = 0;
  let grouped = 0;
  for (const rows of flowMessageRows(log)) {
    grouped += rows.length;
    const trail = readTrail(log, rows, replies);
    messages.push(trail.message);
    if (trail.message.receivedMs === undefined) withoutEntry++;
    for (const state of trail.recipients) {
      if (!state.outcome) unknown++;
      const record = recipientRecord(trail.message, state);
      if (record.delayMs !== undefined && state.slowestFrom) slowestSources[recipients.length] = state.slowestFrom;
      recipients.push(record);
    }
    for (let i = 0; i < rows.length; i++) if (slices.step() && !(await slices.next())) return undefined;
  }
  const notes: string[] = [];
  const unread = log.rows.length - grouped;
  if (unread > 0) notes.push(`${unread} rows were left out: their fields could not be read or they name no message`);
  if (withoutEntry > 0) notes.push(`${withoutEntry} messages have no RECEIVE or SUBMIT row here (the log starts after it, or Exchange created them): their reception time is unknown`);
  if (unknown > 0) notes.push(`${unknown} recipients have no delivery, failure or deferral here (the log ends before it): their outcome is unknown`);
  const slowestPartOf = (index: number): string | undefined => {
    const sources = slowestSources[index];
    if (!sources) return undefined;
    // The last delivery that names one, as the rows are read.
    for (let i = sources.length - 1; i >= 0; i--) {
      const part = slowestPart(log, sources[i]!);
      if (part) return part;
    }
    return undefined;
  };
  return { messages, recipients, rejections: [], timesInUtc: true, notes, slowestPartOf };
}

/** The slowest of a delivery's message-info latencies and the hop it ends, in words. */
function slowestPart(log: ExchangeLog, source: SlowestSource): string | undefined {
  const hop = hopPart(source.hop, source.event, source.time);
  const { slowest: latency } = readMessageInfo(valueOf(log, fieldOf(source.row, 'message-info')));
  const slowest = !latency || (hop && hop.ms >= latency.ms) ? hop : latency;
  return slowest ? `${slowest.label} ${describeSeconds(slowest.ms)}` : undefined;
}

interface Trail {
  readonly message: FlowMessage;
  readonly recipients: Iterable<RecipientState>;
}

/** One message's rows, in file order, read into the message and its recipients' outcomes. */
function readTrail(log: ExchangeLog, rowIndexes: readonly number[], replies: ReplyCache): Trail {
  const byAddress = new Map<string, RecipientState>();
  const hops = new Map<string, Hop>();
  let entry: LogRow | undefined;
  let entryMs: number | undefined;
  let dsn: LogRow | undefined;
  const first = log.rows[rowIndexes[0]!]!;
  const column = (row: LogRow, name: string): string => valueOf(log, fieldOf(row, name));
  const stateOf = (address: string, line: number): RecipientState => {
    const lower = address.toLowerCase();
    let state = byAddress.get(lower);
    if (!state) byAddress.set(lower, state = { recipient: address, decided: false, deferrals: 0, line });
    return state;
  };

  for (const index of rowIndexes) {
    const row = log.rows[index]!;
    const fact = lookupTrackingEvent(column(row, 'event-id'));
    // Agent notes, shadow copies and the like say nothing of a recipient's outcome: skipped unread.
    if (!fact || !readsOutcome(fact)) continue;
    const timeField = fieldOf(row, 'date-time');
    const timeMs = timestampMs(log, timeField);
    const time = Number.isFinite(timeMs) ? timeMs : undefined;
    const when: When = { ms: time, at: time === undefined ? '' : valueOf(log, timeField) };
    const internalId = column(row, 'internal-message-id');
    if (ENTRY_EVENTS.has(fact.id)) {
      if (!entry) { entry = row; entryMs = time; }
      if (time !== undefined && internalId && !hops.has(internalId)) hops.set(internalId, { server: column(row, 'server-hostname'), entryEvent: fact.id, startMs: time });
      for (const item of splitItems(log, fieldOf(row, 'recipient-address'))) stateOf(item.text, row.line);
      continue;
    }
    if (fact.id === 'DSN') {
      // A notification about another message: it is this trail's entry only when nothing else is.
      if (!dsn) dsn = row;
      if (!entry) for (const item of splitItems(log, fieldOf(row, 'recipient-address'))) stateOf(item.text, row.line);
      continue;
    }
    if (READDRESSING_EVENTS.has(fact.id)) {
      const replaced = byAddress.get(column(row, 'related-recipient-address').toLowerCase());
      if (replaced && !replaced.outcome) byAddress.delete(replaced.recipient.toLowerCase());
      for (const item of splitItems(log, fieldOf(row, 'recipient-address'))) stateOf(item.text, row.line);
      continue;
    }
    // The next hop or mailbox server of a hand-over; a categorizer's row names only the server that logged it.
    const destination = (HAND_OVER_SOURCES.has(column(row, 'source').toUpperCase()) ? column(row, 'server-hostname') : '') || column(row, 'connector-id') || undefined;
    if (fact.outcome === 'success') {
      const source: SlowestSource = { row, hop: hops.get(internalId), event: fact.id, time };
      const originMs = messageInfoOrigin(column(row, 'message-info'));
      for (const item of splitItems(log, fieldOf(row, 'recipient-address'))) {
        const state = stateOf(item.text, row.line);
        settle(state, 'delivered', row, when, destination);
        (state.slowestFrom ??= []).push(source);
        if (originMs !== undefined) state.originMs = originMs;
      }
      continue;
    }
    if (fact.outcome === 'failure' || fact.outcome === 'delay' || fact.id === 'DROP') {
      const quarantined = QUARANTINE.test(column(row, 'recipient-status').slice(0, VERDICT_WINDOW))
        || QUARANTINE.test(column(row, 'source-context').slice(0, VERDICT_WINDOW));
      if (fact.id === 'DROP' && !quarantined) continue;
      const outcomes = recipientOutcomes(log, row);
      // A row that names no recipient (a poison message) speaks for every recipient not yet settled.
      const targets = outcomes.some((o) => o.recipient)
        ? outcomes.filter((o) => o.recipient).map((o) => ({ state: stateOf(o.recipient!.text, row.line), status: o.status?.text }))
        : [...byAddress.values()].filter((s) => !s.decided).map((state) => ({ state, status: outcomes[0]?.status?.text }));
      for (const { state, status } of targets) {
        const reply = status ? replies.get(status) : null;
        const fields: ProblemFields = reply ? reply.fields : status ? { diagnosticcode: status.slice(0, 500) } : {};
        if (fact.outcome === 'delay' && !quarantined) {
          defer(state, row, when, destination, fields);
        } else {
          const outcome: FlowOutcome = quarantined ? 'quarantined' : fields.reason === 'expired' ? 'expired' : 'failed';
          settle(state, outcome, row, when, destination, fields);
        }
      }
    }
  }
  const lead = entry ?? dsn ?? first;
  const sender = column(lead, 'sender-address') || column(lead, 'return-path');
  const messageid = bareMessageId(column(lead, 'message-id'));
  const size = Number.parseInt(column(lead, 'total-bytes'), 10);
  const count = Number.parseInt(column(lead, 'recipient-count'), 10);
  const receivedMs = entry ? entryMs : dsn ? timestampMs(log, fieldOf(dsn, 'date-time')) : undefined;
  const message: FlowMessage = {
    key: column(lead, 'internal-message-id') || column(lead, 'network-message-id') || messageid,
    line: lead.line,
    ...(sender && sender !== '<>' ? { sender } : {}),
    ...(messageid ? { messageid } : {}),
    ...(receivedMs !== undefined && Number.isFinite(receivedMs) ? { receivedMs } : {}),
    ...(Number.isFinite(size) ? { size } : {}),
    recipientCount: Number.isFinite(count) ? count : byAddress.size,
  };
  return { message, recipients: byAddress.values() };
}

/** When a row happened: in ms, and as written. */
interface When {
  readonly ms: number | undefined;
  readonly at: string;
}

/** Events whose rows enter, re-address or settle a recipient. */
function readsOutcome(fact: LogEventEntry): boolean {
  return fact.outcome !== 'other' || ENTRY_EVENTS.has(fact.id) || READDRESSING_EVENTS.has(fact.id) || fact.id === 'DSN' || fact.id === 'DROP';
}

function settle(state: RecipientState, outcome: FlowOutcome, row: LogRow, when: When, destination: string | undefined, fields?: ProblemFields): void {
  state.outcome = outcome;
  state.decided = true;
  state.line = row.line;
  state.settledMs = when.ms;
  state.settledAt = when.at;
  state.destination = destination;
  state.fields = fields;
}

function defer(state: RecipientState, row: LogRow, when: When, destination: string | undefined, fields: ProblemFields): void {
  state.deferrals++;
  if (state.firstDeferredMs === undefined) state.firstDeferredMs = when.ms;
  if (state.decided) return;
  state.outcome = 'deferred';
  state.line = row.line;
  state.settledMs = when.ms;
  state.settledAt = when.at;
  state.destination = destination;
  state.fields = fields;
}

function hopPart(hop: Hop | undefined, event: string, time: number | undefined): { label: string; ms: number } | undefined {
  if (!hop || time === undefined || time < hop.startMs) return undefined;
  return { label: `on ${hop.server || 'this server'} from ${hop.entryEvent} to ${event}`, ms: time - hop.startMs };
}

function recipientRecord(message: FlowMessage, state: RecipientState): FlowRecipient {
  const outcome = state.outcome ?? 'unknown';
  // Built by assignment: a report may hold millions of these, and spreading empty objects costs.
  const record: Mutable<FlowRecipient> = { ...state.fields, key: message.key, recipient: state.recipient, outcome, line: state.line, queueid: message.key };
  if (message.sender) record.sender = message.sender;
  if (message.messageid) record.messageid = message.messageid;
  if (state.settledMs !== undefined) record.settledMs = state.settledMs;
  if (state.settledAt) record.timestamp = state.settledAt;
  const start = message.receivedMs ?? state.originMs;
  if (outcome === 'delivered' && start !== undefined && state.settledMs !== undefined && state.settledMs >= start) {
    record.delayMs = state.settledMs - start;
  }
  if (state.deferrals) record.deferrals = state.deferrals;
  if (outcome === 'deferred' && state.firstDeferredMs !== undefined) record.firstDeferredMs = state.firstDeferredMs;
  if (state.destination) record.destination = state.destination;
  return record;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

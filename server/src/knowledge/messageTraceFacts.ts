// Lookups over the message trace facts (data/messageTraceFacts.ts) and the tracking-log events the
// extended report and the detail cmdlets share with Exchange Server (data/exchangeLogFormats.ts).

import {
  cmdletColumns, reportColumns, type TraceColumnFact, type TraceOutcome, traceOnlyEvents, traceStatuses, type TraceStatusFact,
} from './data/messageTraceFacts';
import { lookupTrackingEvent } from './exchangeLogFacts';
import type { LogEventEntry } from './exchangeLogModel';

export type { TraceOutcome } from './data/messageTraceFacts';

const exactColumns = new Map<string, TraceColumnFact>();
const prefixColumns: [string, TraceColumnFact][] = [];
for (const fact of [...reportColumns, ...cmdletColumns]) {
  for (const name of fact.names) {
    if (name.endsWith('_')) prefixColumns.push([name, fact]);
    else if (!exactColumns.has(name)) exactColumns.set(name, fact);
  }
}

/** The fact of a column by its name as written (any case; "origin_timestamp_utc" finds "origin_timestamp_"). */
export function lookupTraceColumn(name: string): TraceColumnFact | undefined {
  const lower = name.trim().toLowerCase();
  return exactColumns.get(lower) ?? prefixColumns.find(([prefix]) => lower.startsWith(prefix) || lower === prefix.slice(0, -1))?.[1];
}

const statuses = new Map(traceStatuses.map((s) => [s.name.toLowerCase(), s]));
const onlyEvents = new Map(traceOnlyEvents.map((e) => [e.name.toLowerCase(), e]));

/** A Status value (any case). */
export function lookupTraceStatus(value: string): TraceStatusFact | undefined {
  return statuses.get(value.trim().toLowerCase());
}

/** What a tracking event means for its recipient. */
const TRACKING_OUTCOMES: Readonly<Record<string, TraceOutcome>> = {
  FAIL: 'failed', DELIVERFAIL: 'failed', SUBMITFAIL: 'failed', RESUBMITFAIL: 'failed', BADMAIL: 'failed', POISONMESSAGE: 'failed',
  DEFER: 'pending', SUBMITDEFER: 'pending', RESUBMITDEFER: 'pending', THROTTLE: 'pending',
  DELIVER: 'delivered', SEND: 'delivered', SENDEXTERNAL: 'delivered', DUPLICATEDELIVER: 'delivered',
  EXPAND: 'expanded',
};

export interface TraceEventFact {
  /** The event as the tracking log knows it, when it does. */
  readonly tracking?: LogEventEntry;
  /** A trace-only event (Quarantined, FilteredAsSpam, Resolved ...). */
  readonly traceOnly?: TraceStatusFact;
  readonly outcome: TraceOutcome;
}

/** Event names already looked up, at most this many and only short ones: a hostile cell is not kept. */
const eventFacts = new Map<string, TraceEventFact | null>();
const MAX_REMEMBERED_EVENTS = 1024;

/** An event of Recipient_status, event_id or the detail cmdlets' Event (any case). */
export function lookupTraceEvent(name: string): TraceEventFact | undefined {
  // A trace repeats a handful of event names on every row: each is looked up once.
  let fact = eventFacts.get(name);
  if (fact === undefined) {
    fact = findTraceEvent(name) ?? null;
    if (eventFacts.size < MAX_REMEMBERED_EVENTS && name.length <= 64) eventFacts.set(name, fact);
  }
  return fact ?? undefined;
}

function findTraceEvent(name: string): TraceEventFact | undefined {
  const word = name.trim();
  const traceOnly = onlyEvents.get(word.toLowerCase());
  if (traceOnly) return { traceOnly, outcome: traceOnly.outcome };
  const tracking = lookupTrackingEvent(word);
  if (tracking) return { tracking, outcome: TRACKING_OUTCOMES[tracking.id] ?? 'none' };
  return undefined;
}

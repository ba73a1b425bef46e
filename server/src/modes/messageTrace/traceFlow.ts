// The mail flow report's records of a message trace (#15): one message per trace message (the
// index validation builds), one recipient per address with the outcome the trace problems read
// (rowRecipientOutcomes): Delivered, Failed, Pending (deferred), Quarantined, and FilteredAsSpam as
// quarantined. An expanded group is left out (its members have rows of their own); a recipient
// whose status is GettingStatus or None, or that no row settles, is unknown.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CancellationToken, SlicedWork, type YieldControl } from '../../common/cancellation';
import type { FlowMessage, FlowOutcome, FlowRecipient, FlowRecords } from '../../common/mailFlow';
import { type RecipientTraceOutcome, rowRecipientOutcomes, TraceReplyReader } from '../../analysis/messageTraceOutcomes';
import { traceDuration } from '../../formats/messageTrace/traceDates';
import { recipientStatusEntries } from '../../formats/messageTrace/traceFields';
import { firstColumnOf, type TraceRow, type TraceTable, traceColumnValue, traceField, traceValueRange } from '../../formats/messageTrace/traceTable';
import type { TraceOutcome } from '../../knowledge/messageTraceFacts';
import { traceIndexOf, traceTableOf } from './traceDocument';
import { traceReplyFields } from './traceReplyFields';

const ROWS_PER_SLICE = 2000;
const NOTHING: FlowRecords = { messages: [], recipients: [], rejections: [], notes: [] };

/** The flow outcome of each trace outcome; expansions give none. */
const FLOW_OUTCOME: Readonly<Record<TraceOutcome, FlowOutcome | undefined>> = {
  delivered: 'delivered', failed: 'failed', pending: 'deferred', quarantined: 'quarantined', filtered: 'quarantined', none: 'unknown', expanded: undefined,
};

const SENDER_COLUMNS = ['sender_address', 'senderaddress', 'sender'];
const MESSAGE_ID_COLUMNS = ['message_id', 'messageid'];
const SIZE_COLUMNS = ['total_bytes', 'size'];
const RECIPIENT_COLUMNS = ['recipient_address', 'recipientaddress', 'recipient'];
const DESTINATION_COLUMNS = ['server_hostname', 'toip', 'connector_id'];
/** "{FQDN=mx.contoso.com}" in a detail's reason names the host delivery was tried to. */
const FQDN = /\{FQDN=([^{}\s]{1,255})\}/;

interface RecipientState {
  readonly recipient: string;
  outcome?: FlowOutcome;
  decided: boolean;
  line: number;
  settledMs?: number;
  deferrals: number;
  firstDeferredMs?: number;
  destination?: string;
  slowestPart?: string;
  item?: RecipientTraceOutcome;
}

export async function messageTraceFlow(document: TextDocument, token: CancellationToken | undefined, yieldControl: YieldControl): Promise<FlowRecords> {
  const table = traceTableOf(document);
  if (!table || token?.isCancellationRequested) return NOTHING;
  const index = traceIndexOf(table);
  const slices = new SlicedWork(ROWS_PER_SLICE, token, yieldControl);
  const replies = new TraceReplyReader();
  // Events say when each recipient was reached; Status columns only what became of it by the time the trace ran.
  const timedEvents = table.kind === 'extended' || table.kind === 'trace-detail';
  const messages: FlowMessage[] = [];
  const recipients: FlowRecipient[] = [];
  let unknown = 0;
  for (const [key, rows] of index.messages) {
    const byAddress = new Map<string, RecipientState>();
    const stateOf = (address: string, line: number): RecipientState => {
      const lower = address.toLowerCase();
      let state = byAddress.get(lower);
      if (!state) byAddress.set(lower, state = { recipient: address, decided: false, deferrals: 0, line });
      return state;
    };
    let receivedMs = Number.NaN;
    let slowest: { label: string; ms: number } | undefined;
    let previous: { event: string; time: number } | undefined;
    for (const r of rows) {
      const row = table.rows[r]!;
      const time = index.times[r]!;
      if (!Number.isNaN(time) && !(time >= receivedMs)) receivedMs = time;
      for (const address of listedRecipients(table, row)) stateOf(address, row.line);
      const items = rowRecipientOutcomes(table, row, replies);
      if (timedEvents && !Number.isNaN(time)) {
        // The longest wait between two events of the message, for the deliveries after it.
        const event = eventOf(table, row) || 'the next event';
        if (previous && time - previous.time > (slowest?.ms ?? -1)) slowest = { label: `from ${previous.event} to ${event}`, ms: time - previous.time };
        previous = { event, time };
      }
      for (const item of items) {
        const outcome = FLOW_OUTCOME[item.outcome];
        if (!outcome) {
          // An expanded group is not delivered to: its members are.
          const group = byAddress.get(item.recipient.toLowerCase());
          if (group && !group.decided) byAddress.delete(item.recipient.toLowerCase());
          continue;
        }
        const state = stateOf(item.recipient, row.line);
        const at = timedEvents && !Number.isNaN(time) ? time : undefined;
        if (outcome === 'deferred') {
          state.deferrals++;
          if (state.firstDeferredMs === undefined && at !== undefined) state.firstDeferredMs = at;
          if (state.decided) continue;
        } else if (outcome === 'unknown' && state.decided) continue;
        state.outcome = outcome;
        state.decided = outcome !== 'deferred' && outcome !== 'unknown';
        state.line = row.line;
        state.settledMs = at;
        state.item = item;
        state.destination = destinationOf(table, row, item);
        if (outcome === 'delivered' && slowest) state.slowestPart = `${slowest.label} ${traceDuration(slowest.ms)}`;
      }
      if (slices.step() && !(await slices.next())) return NOTHING;
    }
    const first = table.rows[rows[0]!]!;
    const message = messageRecord(table, first, key, receivedMs, byAddress.size);
    messages.push(message);
    for (const state of byAddress.values()) {
      if (!state.outcome || state.outcome === 'unknown') unknown++;
      recipients.push(recipientRecord(message, state));
    }
  }
  return { messages, recipients, rejections: [], timesInUtc: inUtc(table), notes: notesOf(table, timedEvents, unknown) };
}

/** Recipients a row names in a recipient column, or in its Recipient_status entries (the enhanced summary). */
function listedRecipients(table: TraceTable, row: TraceRow): string[] {
  const column = firstColumnOf(table, RECIPIENT_COLUMNS);
  if (column) return splitAddresses(traceColumnValue(table, row, column));
  const field = traceField(table, row, 'recipient_status');
  if (field < 0) return [];
  const { start, end } = traceValueRange(table, field);
  return recipientStatusEntries(table.text, start, end).flatMap((entry) => (entry.recipient ? [entry.recipient.text] : []));
}

function splitAddresses(value: string): string[] {
  if (!value) return [];
  return value.includes(';') ? value.split(';').map((a) => a.trim()).filter(Boolean) : [value.trim()];
}

function eventOf(table: TraceTable, row: TraceRow): string {
  return traceColumnValue(table, row, table.kind === 'extended' ? 'event_id' : 'event');
}

function destinationOf(table: TraceTable, row: TraceRow, item: RecipientTraceOutcome): string | undefined {
  const fqdn = item.reason ? FQDN.exec(item.reason)?.[1] : undefined;
  if (fqdn) return fqdn;
  for (const column of DESTINATION_COLUMNS) {
    const value = table.columns.has(column) ? traceColumnValue(table, row, column) : '';
    if (value) return value;
  }
  return undefined;
}

function messageRecord(table: TraceTable, row: TraceRow, key: string, receivedMs: number, recipientCount: number): FlowMessage {
  const value = (columns: readonly string[]): string => {
    const column = firstColumnOf(table, columns);
    return column ? traceColumnValue(table, row, column) : '';
  };
  const sender = value(SENDER_COLUMNS);
  const messageid = value(MESSAGE_ID_COLUMNS).replace(/^<|>$/g, '');
  const size = Number.parseInt(value(SIZE_COLUMNS), 10);
  const count = Number.parseInt(value(['recipient_count']), 10);
  return {
    key, line: row.line,
    ...(sender ? { sender } : {}),
    ...(messageid ? { messageid } : {}),
    ...(Number.isNaN(receivedMs) ? {} : { receivedMs }),
    ...(Number.isFinite(size) ? { size } : {}),
    recipientCount: Number.isFinite(count) && count > recipientCount ? count : recipientCount,
  };
}

function recipientRecord(message: FlowMessage, state: RecipientState): FlowRecipient {
  const outcome = state.outcome ?? 'unknown';
  const delayMs = outcome === 'delivered' && message.receivedMs !== undefined && state.settledMs !== undefined && state.settledMs >= message.receivedMs
    ? state.settledMs - message.receivedMs : undefined;
  return {
    ...traceReplyFields(outcome === 'delivered' ? undefined : state.item, outcome === 'failed'),
    key: message.key,
    recipient: state.recipient,
    outcome,
    line: state.line,
    ...(message.sender ? { sender: message.sender } : {}),
    ...(message.messageid ? { messageid: message.messageid } : {}),
    queueid: message.key,
    ...(state.settledMs !== undefined ? { settledMs: state.settledMs } : {}),
    ...(delayMs !== undefined ? { delayMs } : {}),
    ...(delayMs !== undefined && state.slowestPart ? { slowestPart: state.slowestPart } : {}),
    ...(state.deferrals ? { deferrals: state.deferrals } : {}),
    ...(outcome === 'deferred' && state.firstDeferredMs !== undefined ? { firstDeferredMs: state.firstDeferredMs } : {}),
    ...(state.destination ? { destination: state.destination } : {}),
  };
}

/** As the trace problems write times: UTC for the cmdlets and a report whose time column says UTC. */
function inUtc(table: TraceTable): boolean {
  return table.kind === 'message-trace' || table.kind === 'trace-detail' || table.timeZone === 'utc';
}

function notesOf(table: TraceTable, timedEvents: boolean, unknown: number): string[] {
  const notes: string[] = [];
  if (table.dates.assumed && table.timeColumn >= 0) notes.push(`dates read ${table.dates.reason}`);
  if (!inUtc(table)) notes.push(`times are as the report wrote them${table.timeZone ? ` (${table.timeZone})` : ''}, not converted to UTC`);
  if (!timedEvents) notes.push('a status report says what became of each recipient by the time the trace ran, not when: outcomes carry no time of their own and no delivery delay');
  if (unknown > 0) notes.push(`${unknown} recipients have no outcome yet (GettingStatus, None, or no event that settles it): counted as unknown`);
  return notes;
}

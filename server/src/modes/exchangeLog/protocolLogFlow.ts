// The mail flow report's records of an SMTP protocol log (#15). A receive log shows what this
// server refused (clients and recipients, with the block list a reply names) and which messages it
// accepted, not what became of them; a send log shows what the next hop accepted, deferred or
// refused. Replies are read by the same ReplyCache as the log's problems.

import { type CancellationToken, SlicedWork, type YieldControl } from '../../common/cancellation';
import { CharCode } from '../../common/charCode';
import type { FlowMessage, FlowRecipient, FlowRecords, FlowRejection } from '../../common/mailFlow';
import type { ProblemFields } from '../../common/problemFields';
import { blockListIn } from '../../detection/blockLists';
import type { ExchangeLog, HeaderBlock, LogRow } from '../../formats/exchangeLog';
import { fieldOf, valueOf } from '../../formats/exchangeLogLookups';
import { sessionRows } from '../../formats/protocolLog';
import type { Product } from '../../knowledge/model';
import { ReplyCache } from './exchangeLogRules';

const ROWS_PER_SLICE = 5000;
/** Longest address read from a command: a hostile line is read from its start only. */
const MAX_ADDRESS = 320;

type Side = 'receive' | 'send';

interface Session {
  readonly id: string;
  side: Side | undefined;
  client: string;
  verb: string;
  sender: string;
  size?: number;
  pending: string;
  accepted: { recipient: string; line: number }[];
  inData: boolean;
  /** Messages accepted in the session so far. */
  count: number;
}

/** What the log says, gathered across sessions. */
class ProtocolRecords {
  readonly messages: FlowMessage[] = [];
  readonly recipients: (FlowRecipient | undefined)[] = [];
  readonly rejections: FlowRejection[] = [];
  /** The index in `recipients` of the last deferral of each sender and recipient, until a later try succeeds. */
  readonly deferred = new Map<string, number>();
  sides = new Set<Side>();
  unsettledSessions = 0;
}

export async function protocolLogFlow(
  log: ExchangeLog, prefer: readonly Product[], token: CancellationToken | undefined, yieldControl: YieldControl,
): Promise<FlowRecords | undefined> {
  const replies = new ReplyCache(prefer);
  const slices = new SlicedWork(ROWS_PER_SLICE, token, yieldControl);
  const records = new ProtocolRecords();
  const sides = new Map<HeaderBlock | undefined, Side | undefined>();
  for (const [id, rows] of sessionRows(log)) {
    const session: Session = { id, side: undefined, client: '', verb: '', sender: '', pending: '', accepted: [], inData: false, count: 0 };
    for (const index of rows) {
      const row = log.rows[index]!;
      if (!sides.has(row.block)) sides.set(row.block, sideOfBlock(row.block));
      session.side ??= sides.get(row.block);
      readRow(log, row, session, records, replies);
      if (slices.step() && !(await slices.next())) return undefined;
    }
    if (session.accepted.length) records.unsettledSessions++;
    if (session.side) records.sides.add(session.side);
  }
  const notes: string[] = [];
  if (records.sides.has('receive')) {
    notes.push('a receive protocol log shows what this server refused and which messages it accepted, not what became of them: accepted messages are counted, their recipients are not');
  }
  if (records.sides.has('send')) notes.push('a send protocol log: delivered means the next hop accepted the message (a 2xx reply after its data)');
  if (records.unsettledSessions) notes.push(`${records.unsettledSessions} sessions end before the reply to their message's data: those recipients are left out`);
  return {
    messages: records.messages,
    recipients: records.recipients.filter((r): r is FlowRecipient => r !== undefined),
    rejections: records.rejections,
    timesInUtc: true,
    notes,
  };
}

/** From the header's #Log-type ("SMTP Receive Protocol Log", "SMTP Send Protocol Log"). */
function sideOfBlock(block: HeaderBlock | undefined): Side | undefined {
  const type = block?.directives.find((d) => d.name.toLowerCase() === 'log-type')?.value.toLowerCase() ?? '';
  return type.includes('receive') ? 'receive' : type.includes('send') ? 'send' : undefined;
}

function readRow(log: ExchangeLog, row: LogRow, session: Session, records: ProtocolRecords, replies: ReplyCache): void {
  const event = valueOf(log, fieldOf(row, 'event'));
  if (event === '+') {
    session.client = hostOf(valueOf(log, fieldOf(row, 'remote-endpoint')));
    return;
  }
  if (event !== '>' && event !== '<') return;
  const data = valueOf(log, fieldOf(row, 'data'));
  const code = replyCode(data);
  if (code === undefined) {
    readCommand(data, session);
    return;
  }
  // Without a #Log-type, the side that writes replies says which server this is.
  session.side ??= event === '>' ? 'receive' : 'send';
  // Continuation lines ("250-PIPELINING") are not the reply's end.
  if (data.charCodeAt(3) === CharCode.Dash) return;
  readReply(log, row, data, code, session, records, replies);
}

function readCommand(data: string, session: Session): void {
  const space = data.indexOf(' ');
  const verb = (space < 0 ? data : data.slice(0, space)).toUpperCase();
  session.verb = verb;
  if (verb === 'MAIL') {
    session.sender = addressIn(data);
    session.size = sizeIn(data);
    session.accepted = [];
    session.inData = false;
  } else if (verb === 'RCPT') session.pending = addressIn(data);
  else if (verb === 'RSET') { session.accepted = []; session.inData = false; } else if (verb === 'BDAT') session.inData = /\bLAST\b/i.test(data.slice(0, 200));
}

function readReply(
  log: ExchangeLog, row: LogRow, data: string, code: number, session: Session, records: ProtocolRecords, replies: ReplyCache,
): void {
  const kind = Math.floor(code / 100);
  const time = Date.parse(valueOf(log, fieldOf(row, 'date-time')));
  const timeMs = Number.isFinite(time) ? time : undefined;
  const fields = (): ProblemFields => {
    const reply = replies.get(data);
    const read = reply ? reply.fields : { replycode: data.slice(0, 3), diagnosticcode: data.slice(0, 500) };
    return timeMs !== undefined ? { ...read, timestamp: new Date(timeMs).toISOString() } : read;
  };
  const receiving = session.side !== 'send';
  if (session.verb === 'RCPT') {
    const recipient = session.pending;
    if (kind === 2) {
      session.accepted.push({ recipient, line: row.line });
      // A retry accepted: the deferral before it is over.
      const pair = pairKey(session.sender, recipient);
      const earlier = records.deferred.get(pair);
      if (earlier !== undefined) records.recipients[earlier] = undefined;
      records.deferred.delete(pair);
    } else if (kind === 5 && receiving) reject(records, session, row, data, timeMs, fields(), recipient);
    else if (kind === 4 || kind === 5) addRecipient(records, session, row, recipient, kind === 4 ? 'deferred' : 'failed', log, timeMs, fields());
    return;
  }
  const endOfData = session.verb === 'DATA' || session.verb === 'BDAT';
  if (endOfData && kind === 3) { session.inData = true; return; }
  if (endOfData && (session.inData || kind !== 2)) {
    settleMessage(log, row, data, kind, timeMs, session, records, fields);
    return;
  }
  if ((kind === 4 || kind === 5) && receiving && session.verb !== 'DATA') {
    // Refused before any recipient: at connection, EHLO, AUTH or MAIL FROM.
    reject(records, session, row, data, timeMs, fields(), '');
  }
}

/** The reply to a message's data: accepted, refused or put off. */
function settleMessage(
  log: ExchangeLog, row: LogRow, data: string, kind: number, timeMs: number | undefined, session: Session, records: ProtocolRecords,
  fields: () => ProblemFields,
): void {
  const accepted = session.accepted;
  session.accepted = [];
  session.inData = false;
  if (kind === 2) {
    session.count++;
    const key = /\bInternalId=(\d{1,30})/.exec(data.slice(0, 500))?.[1] ?? /<([^<>\s]{1,300})>/.exec(data.slice(0, 500))?.[1] ?? `${session.id}-${session.count}`;
    records.messages.push({
      key, line: row.line, recipientCount: accepted.length,
      ...(session.sender ? { sender: session.sender } : {}),
      ...(timeMs !== undefined ? { receivedMs: timeMs } : {}),
      ...(session.size !== undefined ? { size: session.size } : {}),
    });
    if (session.side === 'send') {
      for (const { recipient } of accepted) addRecipient(records, session, row, recipient, 'delivered', log, timeMs, {}, key);
    }
    return;
  }
  if (kind !== 4 && kind !== 5) return;
  const shared = fields();
  if (session.side !== 'send') {
    if (kind === 5) {
      if (!accepted.length) reject(records, session, row, data, timeMs, shared, '');
      for (const { recipient } of accepted) reject(records, session, row, data, timeMs, shared, recipient);
      return;
    }
  }
  for (const { recipient } of accepted) addRecipient(records, session, row, recipient, kind === 4 ? 'deferred' : 'failed', log, timeMs, shared);
}

function reject(
  records: ProtocolRecords, session: Session, row: LogRow, data: string, timeMs: number | undefined, fields: ProblemFields, recipient: string,
): void {
  const blockList = blockListIn(data);
  records.rejections.push({
    ...fields,
    ...(recipient ? { recipient } : {}),
    ...(session.sender ? { sender: session.sender } : {}),
    outcome: 'rejected',
    line: row.line,
    ...(session.client ? { client: session.client } : {}),
    ...(blockList ? { blockList } : {}),
    ...(timeMs !== undefined ? { timeMs } : {}),
  });
}

function addRecipient(
  records: ProtocolRecords, session: Session, row: LogRow, recipient: string, outcome: 'delivered' | 'deferred' | 'failed',
  log: ExchangeLog, timeMs: number | undefined, fields: ProblemFields, key = session.id,
): void {
  // Where delivery was tried: the next hop on a send log, this server's connector on a receive log.
  const destination = session.side === 'send' ? session.client : valueOf(log, fieldOf(row, 'connector-id'));
  const pair = pairKey(session.sender, recipient);
  const earlier = records.deferred.get(pair);
  if (earlier !== undefined && outcome !== 'deferred') records.recipients[earlier] = undefined;
  const record: FlowRecipient = {
    ...fields,
    key, recipient, outcome, line: row.line, queueid: session.id,
    ...(session.sender ? { sender: session.sender } : {}),
    ...(timeMs !== undefined ? { settledMs: timeMs } : {}),
    ...(outcome === 'deferred' ? { deferrals: 1, ...(timeMs !== undefined ? { firstDeferredMs: timeMs } : {}) } : {}),
    ...(destination ? { destination } : {}),
  };
  if (outcome === 'deferred') {
    // A recipient deferred again keeps one record: the latest, counting the tries and the first time.
    const before = earlier !== undefined ? records.recipients[earlier] : undefined;
    const firstTime = before?.firstDeferredMs !== undefined ? { firstDeferredMs: before.firstDeferredMs } : {};
    const merged = before ? { ...record, deferrals: (before.deferrals ?? 1) + 1, ...firstTime } : record;
    if (earlier !== undefined) records.recipients[earlier] = undefined;
    records.deferred.set(pair, records.recipients.length);
    records.recipients.push(merged);
    return;
  }
  records.deferred.delete(pair);
  records.recipients.push(record);
}

const pairKey = (sender: string, recipient: string): string => `${sender.toLowerCase()}\u0000${recipient.toLowerCase()}`;

/** A reply's code when the line is one ("250 ...", "550-..."), else undefined. */
function replyCode(data: string): number | undefined {
  const c0 = data.charCodeAt(0);
  const c1 = data.charCodeAt(1);
  const c2 = data.charCodeAt(2);
  if (!(c0 >= CharCode.Digit2 && c0 <= CharCode.Digit5 && isDigit(c1) && isDigit(c2))) return undefined;
  const c3 = data.charCodeAt(3);
  if (data.length > 3 && c3 !== CharCode.Space && c3 !== CharCode.Dash) return undefined;
  return (c0 - CharCode.Digit0) * 100 + (c1 - CharCode.Digit0) * 10 + (c2 - CharCode.Digit0);
}

const isDigit = (c: number): boolean => c >= CharCode.Digit0 && c <= CharCode.Digit9;

/** The address in "MAIL FROM:<a@b> SIZE=1", "RCPT TO:<a@b>"; "" for the null sender. */
function addressIn(command: string): string {
  const open = command.indexOf('<');
  if (open < 0) {
    const colon = command.indexOf(':');
    return colon < 0 ? '' : command.slice(colon + 1, colon + 1 + MAX_ADDRESS).trim().split(' ')[0]!;
  }
  const close = command.indexOf('>', open);
  return command.slice(open + 1, close < 0 ? open + 1 + MAX_ADDRESS : Math.min(close, open + 1 + MAX_ADDRESS));
}

function sizeIn(command: string): number | undefined {
  const match = /\bSIZE=(\d{1,12})\b/i.exec(command.slice(0, 1000));
  return match ? Number(match[1]) : undefined;
}

/** "203.0.113.9:51234" -> "203.0.113.9"; "[2001:db8::1]:25" -> "2001:db8::1". */
function hostOf(endpoint: string): string {
  if (endpoint.startsWith('[')) {
    const close = endpoint.indexOf(']');
    return close > 0 ? endpoint.slice(1, close) : endpoint;
  }
  const colon = endpoint.lastIndexOf(':');
  return colon > 0 && endpoint.indexOf(':') === colon ? endpoint.slice(0, colon) : endpoint;
}

// The rules that make problems of Exchange message tracking and SMTP protocol log rows: failed and
// deferred recipients with the reason in plain words, notifications, poison and bad mail, and rows
// that are malformed. Rows that are fine produce nothing. One row at a time, so the editor (a whole
// document) and the command line (a log read in parts) run the same rules.

import { type Diagnostic, DiagnosticSeverity, type Range } from 'vscode-languageserver-types';
import { CharCode } from '../../common/charCode';
import type { ProblemFields } from '../../common/problemFields';
import type { EventSeverity } from '../../common/settings';
import { explainMention } from '../../analysis/replyExplanation';
import { replyReason } from '../../analysis/replyReason';
import { scanReplies } from '../../detection/replyScanner';
import { QUOTED, TEXT_AFTER_QUOTE, UNTERMINATED } from '../../formats/csv';
import type { ExchangeLog, HeaderBlock, LogRow } from '../../formats/exchangeLog';
import { fieldOf, fieldRange, fieldValueRange, isValidTimestamp, valueOf } from '../../formats/exchangeLogLookups';
import { type FieldItem, recipientOutcomes } from '../../formats/trackingLog';
import { lookupProtocolEvent, lookupTrackingEvent } from '../../knowledge/exchangeLogFacts';
import type { Product } from '../../knowledge/model';
import { lowerCaseLead } from '../../text/sentences';
import type { ProblemSink } from '../shared/problemList';
import { bareMessageId, boundedText, mentionCodes, presentFields, replyFields } from '../shared/problemData';
import { rowRange, wholeRowRange } from './exchangeLogDocument';

export interface LogDiagnosticsSettings {
  readonly maxProblems: number;
  /** Per event ID, the severity to use instead of the default ("off" hides the event). */
  readonly eventSeverity?: Readonly<Record<string, EventSeverity>>;
}

/** Diagnostic codes of problems that are not about an event. */
export const LOG_PROBLEM = {
  missingFields: 'missing-fields',
  fieldCount: 'field-count',
  timestamp: 'bad-timestamp',
  unknownEvent: 'unknown-event',
  unterminatedQuote: 'unterminated-quote',
  textAfterQuote: 'text-after-quote',
  authFailure: 'auth-failure',
  tlsFailure: 'tls-failure',
  socketError: 'socket-error',
} as const;

/** What each of those codes means, for tools that list rules (the command line's SARIF output). */
export const LOG_PROBLEM_HELP: Readonly<Record<string, string>> = {
  [LOG_PROBLEM.missingFields]: 'Rows came before any #Fields line in their header, so their columns are guessed from the row length and the #Version.',
  [LOG_PROBLEM.fieldCount]: 'A row has more or fewer fields than its #Fields line names, so its columns cannot be read; the file was probably cut or edited.',
  [LOG_PROBLEM.timestamp]: 'The date-time field is not the UTC time Exchange writes (yyyy-mm-ddThh:mm:ss.fffZ).',
  [LOG_PROBLEM.unknownEvent]: 'The event field holds a value Exchange does not write for this log kind.',
  [LOG_PROBLEM.unterminatedQuote]: 'A quoted field is never closed; it is read up to the end of its line so that one stray quote costs one row.',
  [LOG_PROBLEM.textAfterQuote]: 'Characters follow the closing quote of a quoted field before the next comma (RFC 4180 allows none).',
  [LOG_PROBLEM.authFailure]: 'An SMTP protocol log session whose authentication failed.',
  [LOG_PROBLEM.tlsFailure]: 'An SMTP protocol log session whose TLS negotiation failed.',
  [LOG_PROBLEM.socketError]: 'An SMTP protocol log session ended by a network error before the conversation finished.',
};

const SEVERITY: Record<Exclude<EventSeverity, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface ExplainedReply {
  readonly label: string;
  readonly summary: string;
  readonly code: string;
  readonly fields: ProblemFields;
}

/**
 * One reply explained once per validation: real logs repeat the same few statuses thousands of
 * times. The problems and the mail flow report's records read their fields from here.
 */
export class ReplyCache {
  private readonly cache = new Map<string, ExplainedReply | null>();
  constructor(private readonly prefer: readonly Product[]) {}

  /** The first reply in `text`, explained; null when there is none. */
  get(text: string): ExplainedReply | null {
    let hit = this.cache.get(text);
    if (hit !== undefined) return hit;
    const mention = scanReplies(text)[0];
    const explanation = mention ? explainMention(mention, { prefer: this.prefer, reply: text }) : undefined;
    hit = mention && explanation
      ? {
        label: explanation.label, summary: explanation.summary,
        code: mention.enhanced?.text ?? mention.basic?.text ?? mention.transport?.text ?? '',
        fields: { ...replyFields(mentionCodes(mention), explanation, text), reason: replyReason(text, mention.basic?.text, mention.enhanced?.text).reason },
      }
      : null;
    // Statuses quote addresses and queue ids now and then: a bound keeps a long log's cache small.
    if (this.cache.size >= MAX_CACHED_REPLIES) this.cache.clear();
    this.cache.set(text, hit);
    return hit;
  }
}

const MAX_CACHED_REPLIES = 10_000;


/**
 * The rules over the rows of one log, in file order. Keeps what spans rows (the header blocks
 * already reported, the replies explained), so the rows may come in parts.
 */
export class LogRowRules {
  private readonly replies: ReplyCache;
  private readonly reportedBlocks = new Set<HeaderBlock | undefined>();
  private readonly overrides: Map<string, EventSeverity>;

  constructor(prefer: readonly Product[], settings: LogDiagnosticsSettings) {
    this.replies = new ReplyCache(prefer);
    this.overrides = normalizeOverrides(settings.eventSeverity);
  }

  check(log: ExchangeLog, row: LogRow, problems: ProblemSink): void {
    if (row.schemaInferred && !this.reportedBlocks.has(row.block)) {
      this.reportedBlocks.add(row.block);
      problems.add({
        range: firstLineRange(log, row), severity: DiagnosticSeverity.Error, code: LOG_PROBLEM.missingFields,
        message: `no #Fields header before this row: its columns are guessed (${row.schema.names.length} fields)`,
      });
    }
    if (checkShape(log, row, problems)) {
      if (log.kind === 'protocol') checkProtocolRow(log, row, problems, this.replies);
      else checkTrackingRow(log, row, problems, this.replies, this.overrides);
    }
  }
}

function addProblem(problems: ProblemSink, range: Range, severity: DiagnosticSeverity, message: string, code: string, data?: ProblemFields): void {
  const problem: Omit<Diagnostic, 'source'> = { range, severity, message, code };
  if (data && Object.keys(data).length) problem.data = data;
  problems.add(problem);
}

function normalizeOverrides(raw: Readonly<Record<string, EventSeverity>> | undefined): Map<string, EventSeverity> {
  const map = new Map<string, EventSeverity>();
  if (raw) for (const [event, severity] of Object.entries(raw)) map.set(event.toUpperCase(), severity);
  return map;
}

function firstLineRange(log: ExchangeLog, row: LogRow): Range {
  let end = row.start;
  while (end < row.end && log.text.charCodeAt(end) !== CharCode.LineFeed && log.text.charCodeAt(end) !== CharCode.CarriageReturn) end++;
  return rowRange(log, row, row.start, end);
}

/** Field count, quoting and timestamp. False when the row is too broken to read its columns. */
function checkShape(log: ExchangeLog, row: LogRow, problems: ProblemSink): boolean {
  const expected = row.schema.names.length;
  const { flags, starts, ends } = log.fields;
  for (let f = row.firstField; f < row.firstField + row.fieldCount; f++) {
    const flag = flags[f]!;
    if (!(flag & QUOTED)) continue;
    if (flag & UNTERMINATED) {
      addProblem(problems, rowRange(log, row, starts[f]!, ends[f]!), DiagnosticSeverity.Error,
        'quoted field never closed: it is cut at the end of this line', LOG_PROBLEM.unterminatedQuote);
    } else if (flag & TEXT_AFTER_QUOTE) {
      addProblem(problems, rowRange(log, row, starts[f]!, ends[f]!), DiagnosticSeverity.Warning,
        'text after the closing quote of a quoted field', LOG_PROBLEM.textAfterQuote);
    }
  }
  if (row.fieldCount !== expected) {
    addProblem(problems, wholeRowRange(log, row), DiagnosticSeverity.Error, `expected ${expected} fields, found ${row.fieldCount}`, LOG_PROBLEM.fieldCount);
    return false;
  }
  const time = fieldOf(row, 'date-time');
  if (time >= 0 && !isValidTimestamp(log.text, starts[time]!, ends[time]!)) {
    const value = valueOf(log, time);
    addProblem(problems, rowRange(log, row, starts[time]!, ends[time]!), DiagnosticSeverity.Error,
      value ? `bad timestamp "${clip(value)}": expected UTC time as yyyy-mm-ddThh:mm:ss.fffZ` : 'date-time is empty', LOG_PROBLEM.timestamp);
  }
  return true;
}

/** What a tracking row says about its message, for every problem of the row. */
function messageFields(log: ExchangeLog, row: LogRow, outcome: string): ProblemFields {
  return presentFields({
    timestamp: valueOf(log, fieldOf(row, 'date-time')),
    messageid: bareMessageId(valueOf(log, fieldOf(row, 'message-id'))),
    queueid: valueOf(log, fieldOf(row, 'internal-message-id')),
    sender: valueOf(log, fieldOf(row, 'sender-address')),
    outcome,
  });
}

const OUTCOME_WORD: Record<string, string> = { failure: 'failed', delay: 'deferred' };

function checkTrackingRow(log: ExchangeLog, row: LogRow, problems: ProblemSink, replies: ReplyCache, overrides: Map<string, EventSeverity>): void {
  const eventField = fieldOf(row, 'event-id');
  if (eventField < 0) return;
  const eventId = valueOf(log, eventField);
  const entry = lookupTrackingEvent(eventId);
  if (!entry) {
    const severity = overrides.get(eventId.toUpperCase());
    if (severity === 'off') return;
    addProblem(problems, wholeFieldRange(log, row, eventField), severity ? SEVERITY[severity] : DiagnosticSeverity.Warning,
      eventId ? `unknown event ID "${clip(eventId)}"` : 'event-id is empty', LOG_PROBLEM.unknownEvent);
    return;
  }
  const chosen = overrides.get(entry.id) ?? entry.severity;
  if (chosen === 'off') return;
  const severity = SEVERITY[chosen];
  const messageId = valueOf(log, fieldOf(row, 'message-id'));
  const rowFields = messageFields(log, row, OUTCOME_WORD[entry.outcome] ?? entry.id.toLowerCase());

  if (entry.id === 'DSN') {
    const referenceField = fieldOf(row, 'reference');
    const original = valueOf(log, referenceField);
    const to = valueOf(log, fieldOf(row, 'recipient-address')).replaceAll(';', ', ');
    const range = original ? wholeFieldRange(log, row, referenceField, true) : wholeFieldRange(log, row, eventField);
    const notification = `notification ${messageId || '(no message-id)'}${to ? ` sent to ${to}` : ''}`;
    addProblem(problems, range, severity, original ? `DSN about ${original}: ${notification}` : `DSN: ${notification}; the reference field does not name the original message`, entry.id, rowFields);
    return;
  }

  // Failures and delays with per-recipient statuses: one problem per recipient, on its status.
  const outcomes = entry.outcome === 'failure' || entry.outcome === 'delay' ? recipientOutcomes(log, row) : [];
  if (outcomes.some((o) => o.status)) {
    for (const { recipient, status } of outcomes) {
      if (!status) continue;
      const reply = replies.get(status.text);
      addProblem(problems, rowRange(log, row, status.start, status.end), severity, recipientMessage(recipient, status, reply), entry.id, {
        ...rowFields, ...(recipient ? { recipient: recipient.text } : {}),
        ...(reply ? reply.fields : { diagnosticcode: boundedText(status.text) }),
      });
    }
    return;
  }
  addProblem(problems, wholeFieldRange(log, row, eventField), severity, `${entry.id}${messageId ? ` ${messageId}` : ''}: ${lowerCaseLead(entry.meaning.replace(/\.$/, ''))}`, entry.id, rowFields);
}

/** The range of a field of a row (of its value inside the quotes with `inside`). */
function wholeFieldRange(log: ExchangeLog, row: LogRow, field: number, inside = false): Range {
  const { start, end } = inside ? fieldValueRange(log, field) : fieldRange(log, field);
  return rowRange(log, row, start, end);
}

function recipientMessage(recipient: FieldItem | undefined, status: FieldItem, reply: ExplainedReply | null): string {
  const who = recipient?.text ?? '(recipient not listed)';
  return reply ? `${who}: ${reply.label}: ${reply.summary}` : `${who}: ${clip(status.text)}`;
}

function checkProtocolRow(log: ExchangeLog, row: LogRow, problems: ProblemSink, replies: ReplyCache): void {
  const eventField = fieldOf(row, 'event');
  if (eventField < 0) return;
  const event = valueOf(log, eventField);
  if (!lookupProtocolEvent(event)) {
    const { start, end } = fieldRange(log, eventField);
    addProblem(problems, rowRange(log, row, start, end), DiagnosticSeverity.Warning,
      event ? `unknown event "${clip(event)}": expected +, -, >, < or *` : 'event is empty', LOG_PROBLEM.unknownEvent);
    return;
  }
  const dataField = fieldOf(row, 'data');
  const data = valueOf(log, dataField);
  const context = valueOf(log, fieldOf(row, 'context'));
  const remote = valueOf(log, fieldOf(row, 'remote-endpoint'));
  const dataRange = (): Range => {
    const { start, end } = dataField >= 0 ? fieldValueRange(log, dataField) : fieldRange(log, eventField);
    return rowRange(log, row, start, end);
  };
  const timestamp = presentFields({ timestamp: valueOf(log, fieldOf(row, 'date-time')) });

  if ((event === '>' || event === '<') && isFinalFailureReply(data)) {
    const reply = replies.get(data);
    const direction = event === '>' ? `sent to ${remote || 'the peer'}` : `received from ${remote || 'the peer'}`;
    const what = reply ? `${reply.label}: ${reply.summary}` : clip(data);
    addProblem(problems, dataRange(), data.charCodeAt(0) === CharCode.Digit5 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      `${what} (reply ${direction})`, reply?.code || data.slice(0, 3),
      { ...timestamp, ...(reply ? reply.fields : { replycode: data.slice(0, 3), diagnosticcode: boundedText(data) }), outcome: 'rejected' });
    return;
  }
  if (event === '*') {
    const lower = `${data} ${context}`.toLowerCase();
    if (lower.includes('auth') && (lower.includes('fail') || lower.includes('unsuccessful') || lower.includes('logondenied'))) {
      addProblem(problems, dataRange(), DiagnosticSeverity.Error, `authentication failed: ${clip(data || context)}`, LOG_PROBLEM.authFailure, timestamp);
    } else if (lower.includes('tls') && (lower.includes('fail') || lower.includes('error'))) {
      addProblem(problems, dataRange(), DiagnosticSeverity.Warning, `TLS negotiation failed: ${clip(data || context)}`, LOG_PROBLEM.tlsFailure, timestamp);
    }
    return;
  }
  if (event === '-' && context.toLowerCase().includes('socketerror')) {
    const contextField = fieldOf(row, 'context');
    const { start, end } = fieldValueRange(log, contextField);
    addProblem(problems, rowRange(log, row, start, end), DiagnosticSeverity.Warning,
      `session ended by a network error (${clip(context)}): the connection dropped before the conversation finished`, LOG_PROBLEM.socketError, timestamp);
  }
}

/** "4xx ..." or "5xx ...": a final transient or permanent reply ("550-..." continuation lines are skipped). */
function isFinalFailureReply(data: string): boolean {
  const c0 = data.charCodeAt(0);
  if (c0 !== CharCode.Digit4 && c0 !== CharCode.Digit5) return false;
  const c1 = data.charCodeAt(1);
  const c2 = data.charCodeAt(2);
  if (!(c1 >= CharCode.Digit0 && c1 <= CharCode.Digit9 && c2 >= CharCode.Digit0 && c2 <= CharCode.Digit9)) return false;
  return data.length === 3 || data.charCodeAt(3) === CharCode.Space;
}

/** Values quoted in messages are kept short: a hostile field may be megabytes long. */
function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

// Problems in a Postfix, Exim or Sendmail log: one per recipient and outcome, on the line that
// decided it (bounced and expired are errors, still deferred at the end of the log a warning,
// delivered after deferrals an information entry), and the lines about connections: rejects,
// block-list hits, failed authentication and TLS, storms of lost connections, warnings. A clean
// delivery reports nothing.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Diagnostic, DiagnosticSeverity, type Range } from 'vscode-languageserver-types';
import { type CancellationToken, SlicedWork, type YieldControl } from '../../common/cancellation';
import type { ProblemFields } from '../../common/problemFields';
import type { MessageTrail, RecipientTrail } from '../../analysis/mailLog/messageTrail';
import type { MailEvent, TextSpan } from '../../formats/mailLog/lineEvents';
import { warningSeverity } from '../../knowledge/mailLogFacts';
import { type DiagnosticsSettings, ProblemList } from '../shared/problemList';
import { builtIndex, type LostConnections, type MailLogIndex, MailLogIndexBuilder, rememberIndex } from './mailLogIndex';
import { type OutcomeReading, readOutcome } from './outcomeReading';
import { formatDuration } from './mailLogText';
import { LINE_END } from '../shared/lineEnd';

export const MAIL_LOG_PROBLEM = {
  bounced: 'bounced',
  expired: 'expired',
  deferred: 'deferred',
  deliveredLate: 'delivered-after-deferral',
  rejected: 'rejected',
  blocklist: 'blocklist',
  authFailure: 'auth-failure',
  tlsFailure: 'tls-failure',
  lostConnections: 'lost-connections',
  warning: 'warning',
  openLimit: 'too-many-open-messages',
  longTrail: 'too-many-lines',
} as const;

/** Problems that name one message, so its trace can be offered. */
export const TRACEABLE_PROBLEMS: ReadonlySet<string> = new Set([MAIL_LOG_PROBLEM.bounced, MAIL_LOG_PROBLEM.expired, MAIL_LOG_PROBLEM.deferred]);

/** Lost connections from one client before they count as a storm worth a problem. */
export const LOST_CONNECTION_STORM = 10;

const LINES_PER_SLICE = 5000;

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information } as const;

export async function validateMailLog(
  document: TextDocument, settings: DiagnosticsSettings, token: CancellationToken | undefined, yieldControl: YieldControl,
): Promise<Diagnostic[]> {
  let index = builtIndex(document);
  if (!index) {
    // Built here, in the same slices, so that no request after the diagnostics waits for it.
    const builder = new MailLogIndexBuilder(document);
    const slices = new SlicedWork(1, token, yieldControl);
    while (!builder.step(LINES_PER_SLICE)) {
      if (slices.step() && !(await slices.next())) return [];
    }
    index = builder.index;
    rememberIndex(document, index);
  }
  if (token?.isCancellationRequested) return [];
  return mailLogProblems(document, index, settings);
}

/** The problems of an indexed log, capped by settings.maxProblems. */
export function mailLogProblems(document: TextDocument, index: MailLogIndex, settings: DiagnosticsSettings): Diagnostic[] {
  const problems = new ProblemList(settings.maxProblems);
  // Ranges from the line starts the index keeps: positionAt would search the line table per problem.
  const rangeOf = (line: number, span: TextSpan): Range => {
    const start = index.lineStarts[line] ?? 0;
    return { start: { line, character: span.start - start }, end: { line, character: span.end - start } };
  };
  if (index.evicted > 0) problems.add(openLimitProblem(index.evicted));
  let fullText: string | undefined;
  // Once the list is full, a problem is only counted: its message is not worth building.
  const counted = { range: wholeLine(0), message: '' };
  for (const trail of index.trails) {    if (trail.linesDropped > 0) {
      problems.add({
        range: wholeLine(trail.firstLine), severity: DiagnosticSeverity.Information, code: MAIL_LOG_PROBLEM.longTrail,
        message: `${trail.id} has ${trail.lineCount} lines in this log; its outline and references list the first ${trail.lineCount - trail.linesDropped}`,
        data: fields({ queueid: trail.id }),
      });
    }
    for (const recipient of trail.recipients) {
      if (problems.size >= settings.maxProblems) {
        if (recipient.outcome === 'delivered' ? recipient.deferrals > 0 : recipient.outcome !== 'unknown') problems.add(counted);
        continue;
      }
      const problem = recipientProblem(trail, recipient);
      if (!problem) continue;
      problems.add({ ...problem, range: recipient.decisiveSpan ? rangeOf(recipient.decisiveLine, recipient.decisiveSpan) : wholeLine(recipient.decisiveLine) });
    }
  }
  for (const { line, event } of index.lineProblems) {
    if (problems.size >= settings.maxProblems) {
      problems.add(counted);
      continue;
    }
    const textOf = (span: TextSpan): string => (fullText ??= document.getText()).slice(span.start, Math.min(span.end, span.start + 300));
    const problem = lineProblem(event, (span) => rangeOf(line, span), textOf);
    if (problem) problems.add(problem);
  }
  for (let i = 0; i < index.lineProblemsDropped; i++) problems.add(counted);
  for (const [client, lost] of index.lostConnections) {
    const problem = lostConnectionProblem(client, lost);
    if (problem) problems.add(problem);
  }
  return problems.finish();
}

/** The problem of a line about a connection or the system (a reject, a failed login or TLS session, a block-list hit, a warning). */
export function lineProblem(event: MailEvent, rangeOf: (span: TextSpan) => Range, textOf: (span: TextSpan) => string): Omit<Diagnostic, 'source'> | undefined {
  switch (event.kind) {
    case 'reject': {
      const reading = readOutcome(event.reply, undefined, undefined, event.recipient ?? '', event.reply.trimStart().startsWith('5'));
      const what = event.recipient ? `mail to ${event.recipient}` : 'a command';
      const from = event.client ? ` from ${event.client}` : '';
      const listed = event.blocklist ? `; the client is on the block list ${event.blocklist}` : '';
      return {
        range: rangeOf(event.span), severity: DiagnosticSeverity.Warning,
        code: event.blocklist ? MAIL_LOG_PROBLEM.blocklist : MAIL_LOG_PROBLEM.rejected,
        message: `rejected ${what}${from}: ${reading.codes ? `${reading.codes} ` : ''}${reading.reading}${listed}`,
        data: fields({ recipient: event.recipient, sender: event.sender, replycode: reading.basic, deliverystatus: reading.enhanced, diagnosticcode: event.reply, reason: reading.reason, outcome: 'rejected' }),
      };
    }
    case 'auth-failure':
      return { range: rangeOf(event.span), severity: DiagnosticSeverity.Warning, code: MAIL_LOG_PROBLEM.authFailure,
        message: `authentication failed${event.client ? ` for ${event.client}` : ''}: a wrong password, or someone guessing them`, data: fields({ outcome: 'auth-failed', reason: 'authfailure' }) };
    case 'tls-failure':
      return { range: rangeOf(event.span), severity: DiagnosticSeverity.Warning, code: MAIL_LOG_PROBLEM.tlsFailure,
        message: `TLS failed${event.client ? ` with ${event.client}` : ''}: the encrypted session could not be set up`, data: fields({ outcome: 'tls-failed', reason: 'securityerror' }) };
    case 'blocklist':
      return { range: rangeOf(event.span), severity: DiagnosticSeverity.Information, code: MAIL_LOG_PROBLEM.blocklist,
        message: `${event.client ?? 'a client'} is listed on a DNS block list (postscreen scored it)`, data: fields({ outcome: 'blocklisted', reason: 'blocked' }) };
    case 'warning': {
      const text = textOf(event.span);
      return { range: rangeOf(event.span), severity: SEVERITY[warningSeverity(event.level, text)], code: MAIL_LOG_PROBLEM.warning, message: clip(text) };
    }
    default: return undefined;
  }
}

/** Said once when messages were handed on early because too many were open at once. */
export function openLimitProblem(evicted: number): Omit<Diagnostic, 'source'> {
  return {
    range: wholeLine(0), severity: DiagnosticSeverity.Information, code: MAIL_LOG_PROBLEM.openLimit,
    message: `${evicted} messages were still open when more than the most we follow at once were; their recipients without a final status are shown as unknown`,
  };
}

/** The problem of one client's lost connections, once they are a storm. */
export function lostConnectionProblem(client: string, lost: LostConnections): Omit<Diagnostic, 'source'> | undefined {
  if (lost.count < LOST_CONNECTION_STORM) return undefined;
  const after = [...lost.after].sort((a, b) => b[1] - a[1]).map(([command, n]) => `${command} ×${n}`).join(', ');
  return {
    range: wholeLine(lost.firstLine), severity: DiagnosticSeverity.Warning, code: MAIL_LOG_PROBLEM.lostConnections,
    message: `${lost.count} connections from ${client} were lost mid-session (after ${after}), lines ${lost.firstLine + 1} to ${lost.lastLine + 1}: `
      + 'a client probing or guessing passwords, or a broken network path',
  };
}

export const wholeLine = (line: number): Range => ({ start: { line, character: 0 }, end: { line, character: LINE_END } });

export function recipientProblem(trail: MessageTrail, recipient: RecipientTrail): Omit<Diagnostic, 'range' | 'source'> | undefined {
  const { outcome } = recipient;
  if (outcome === 'delivered') {
    if (recipient.deferrals === 0) return undefined;
    const late = recipient.delay !== undefined ? `${formatDuration(recipient.delay)} after it arrived` : 'after its deferrals';
    return {
      severity: DiagnosticSeverity.Information, code: MAIL_LOG_PROBLEM.deliveredLate,
      message: `${recipient.address}: delivered ${late}, after ${recipient.deferrals} deferral${recipient.deferrals === 1 ? '' : 's'}`,
      data: lateFields(trail, recipient),
    };
  }
  if (outcome !== 'bounced' && outcome !== 'expired' && outcome !== 'deferred') return undefined;
  const reading = readingOf(recipient, outcome);
  const codes = reading.codes ? `${reading.codes}: ` : '';
  const verdict = `(${reading.reason}, ${outcome === 'deferred' ? 'still retrying' : `${reading.hard ? 'hard' : 'soft'} bounce`}; ${reading.whoActs} must act: ${reading.fix})`;
  const span = attemptSpan(recipient);
  let message: string;
  if (outcome === 'bounced') message = `${recipient.address}: bounced, ${codes}${reading.reading} ${verdict}`;
  else if (outcome === 'expired') message = `${recipient.address}: expired, returned to sender after ${attempts(recipient)}${span}; last reply ${codes}${reading.reading} ${verdict}`;
  else message = `${recipient.address}: still deferred at the end of the log after ${attempts(recipient)}${span}; last reply ${codes}${reading.reading} ${verdict}`;
  return {
    severity: outcome === 'deferred' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
    code: outcome === 'bounced' ? MAIL_LOG_PROBLEM.bounced : outcome === 'expired' ? MAIL_LOG_PROBLEM.expired : MAIL_LOG_PROBLEM.deferred,
    message,
    data: failureFields(trail, recipient, outcome, reading),
  };
}

/**
 * The data of recipientProblem's problem without its message (the mail flow report reads these
 * for every recipient; the message is only worth building for the Problems panel).
 */
export function recipientProblemFields(trail: MessageTrail, recipient: RecipientTrail): ProblemFields | undefined {
  const { outcome } = recipient;
  if (outcome === 'delivered') return recipient.deferrals === 0 ? undefined : lateFields(trail, recipient);
  if (outcome !== 'bounced' && outcome !== 'expired' && outcome !== 'deferred') return undefined;
  return failureFields(trail, recipient, outcome, readingOf(recipient, outcome));
}

type FailureOutcome = 'bounced' | 'expired' | 'deferred';

function readingOf(recipient: RecipientTrail, outcome: FailureOutcome): OutcomeReading {
  return readOutcome(recipient.reply, recipient.dsn, recipient.relay, recipient.address, outcome === 'bounced');
}

function lateFields(trail: MessageTrail, recipient: RecipientTrail): ProblemFields {
  const out = commonFields(trail, recipient);
  out.outcome = 'delivered';
  return out;
}

function failureFields(trail: MessageTrail, recipient: RecipientTrail, outcome: FailureOutcome, reading: OutcomeReading): ProblemFields {
  const out = commonFields(trail, recipient);
  out.outcome = outcome;
  put(out, 'deliverystatus', reading.enhanced);
  put(out, 'replycode', reading.basic);
  put(out, 'diagnosticcode', recipient.reply);
  put(out, 'reason', reading.reason);
  out.hardbounce = outcome === 'deferred' ? false : reading.hard;
  put(out, 'whoacts', reading.firstActor);
  return out;
}

function attempts(recipient: RecipientTrail): string {
  return `${recipient.attempts} attempt${recipient.attempts === 1 ? '' : 's'}`;
}

function attemptSpan(recipient: RecipientTrail): string {
  const { firstAttemptMs: first, lastAttemptMs: last } = recipient;
  return first !== undefined && last !== undefined && last > first ? ` over ${formatDuration((last - first) / 1000)}` : '';
}

type FieldsBeingBuilt = { -readonly [K in keyof ProblemFields]?: ProblemFields[K] };

/** A recipient's fields common to its problems, filled in order (one object shape for every recipient, no copies). */
function commonFields(trail: MessageTrail, recipient: RecipientTrail): FieldsBeingBuilt {
  const out: FieldsBeingBuilt = {};
  put(out, 'recipient', recipient.address);
  put(out, 'sender', trail.sender);
  put(out, 'messageid', trail.messageId);
  put(out, 'queueid', trail.id);
  if (recipient.lastAttemptMs !== undefined) out.timestamp = isoTime(recipient.lastAttemptMs, trail.timesInUtc);
  return out;
}

/** ISO 8601 to the second (milliseconds when there are some); without the Z when the log wrote the server's local time. */
function isoTime(ms: number, inUtc: boolean | undefined): string {
  const iso = new Date(ms).toISOString();
  const time = iso.endsWith('.000Z') ? iso.slice(0, -5) : iso.slice(0, -1);
  return inUtc ? `${time}Z` : time;
}

/** Sets a field unless it is empty, as fields() keeps it. */
function put<K extends 'recipient' | 'sender' | 'messageid' | 'queueid' | 'deliverystatus' | 'replycode' | 'diagnosticcode' | 'reason' | 'whoacts'>(
  out: FieldsBeingBuilt, key: K, value: string | undefined,
): void {
  if (value !== undefined && value !== '') out[key] = clip(value, 1000);
}

/** A ProblemFields without its empty entries (the command line writes what is there). */
function fields(raw: { [K in keyof ProblemFields]?: ProblemFields[K] | undefined }): ProblemFields {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) if (value !== undefined && value !== '') out[key] = typeof value === 'string' ? clip(value, 1000) : value;
  return out as ProblemFields;
}

function clip(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

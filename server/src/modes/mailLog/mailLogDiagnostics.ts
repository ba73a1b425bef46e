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
import type { TextSpan } from '../../formats/mailLog/lineEvents';
import { warningSeverity } from '../../knowledge/mailLogFacts';
import { type DiagnosticsSettings, ProblemList } from '../shared/problemList';
import { builtIndex, type MailLogIndex, MailLogIndexBuilder, rememberIndex } from './mailLogIndex';
import { readOutcome } from './outcomeReading';
import { formatDuration } from './mailLogText';

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
  const rangeOf = (span: TextSpan): Range => ({ start: document.positionAt(span.start), end: document.positionAt(span.end) });
  const wholeLine = (line: number): Range => ({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } });
  if (index.evicted > 0) {
    problems.add({
      range: wholeLine(0), severity: DiagnosticSeverity.Information, code: MAIL_LOG_PROBLEM.openLimit,
      message: `${index.evicted} messages were still open when more than the most we follow at once were; their recipients without a final status are shown as unknown`,
    });
  }
  // Once the list is full, a problem is only counted: its message is not worth building.
  const counted = { range: wholeLine(0), message: '' };
  for (const trail of index.trails) {
    if (trail.linesDropped > 0) {
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
      problems.add({ ...problem, range: recipient.decisiveSpan ? rangeOf(recipient.decisiveSpan) : wholeLine(recipient.decisiveLine) });
    }
  }
  for (const { event } of index.lineProblems) {
    if (problems.size >= settings.maxProblems) {
      problems.add(counted);
      continue;
    }
    switch (event.kind) {
      case 'reject': {
        const reading = readOutcome(event.reply, undefined, undefined, event.recipient ?? '', event.reply.trimStart().startsWith('5'));
        const what = event.recipient ? `mail to ${event.recipient}` : 'a command';
        const from = event.client ? ` from ${event.client}` : '';
        const listed = event.blocklist ? `; the client is on the block list ${event.blocklist}` : '';
        problems.add({
          range: rangeOf(event.span), severity: DiagnosticSeverity.Warning,
          code: event.blocklist ? MAIL_LOG_PROBLEM.blocklist : MAIL_LOG_PROBLEM.rejected,
          message: `rejected ${what}${from}: ${reading.codes ? `${reading.codes} ` : ''}${reading.reading}${listed}`,
          data: fields({ recipient: event.recipient, sender: event.sender, replycode: reading.basic, deliverystatus: reading.enhanced, diagnosticcode: event.reply, reason: reading.reason, outcome: 'rejected' }),
        });
        break;
      }
      case 'auth-failure':
        problems.add({ range: rangeOf(event.span), severity: DiagnosticSeverity.Warning, code: MAIL_LOG_PROBLEM.authFailure,
          message: `authentication failed${event.client ? ` for ${event.client}` : ''}: a wrong password, or someone guessing them`, data: fields({ outcome: 'auth-failed', reason: 'authfailure' }) });
        break;
      case 'tls-failure':
        problems.add({ range: rangeOf(event.span), severity: DiagnosticSeverity.Warning, code: MAIL_LOG_PROBLEM.tlsFailure,
          message: `TLS failed${event.client ? ` with ${event.client}` : ''}: the encrypted session could not be set up`, data: fields({ outcome: 'tls-failed', reason: 'securityerror' }) });
        break;
      case 'blocklist':
        problems.add({ range: rangeOf(event.span), severity: DiagnosticSeverity.Information, code: MAIL_LOG_PROBLEM.blocklist,
          message: `${event.client ?? 'a client'} is listed on a DNS block list (postscreen scored it)`, data: fields({ outcome: 'blocklisted', reason: 'blocked' }) });
        break;
      case 'warning': {
        const text = document.getText(rangeOf(event.span));
        const severity = SEVERITY[warningSeverity(event.level, text)];
        problems.add({ range: rangeOf(event.span), severity, code: MAIL_LOG_PROBLEM.warning, message: clip(text) });
        break;
      }
      default: break;
    }
  }
  for (let i = 0; i < index.lineProblemsDropped; i++) problems.add(counted);
  for (const [client, lost] of index.lostConnections) {
    if (lost.count < LOST_CONNECTION_STORM) continue;
    const after = [...lost.after].sort((a, b) => b[1] - a[1]).map(([command, n]) => `${command} ×${n}`).join(', ');
    problems.add({
      range: wholeLine(lost.firstLine), severity: DiagnosticSeverity.Warning, code: MAIL_LOG_PROBLEM.lostConnections,
      message: `${lost.count} connections from ${client} were lost mid-session (after ${after}), lines ${lost.firstLine + 1} to ${lost.lastLine + 1}: `
        + 'a client probing or guessing passwords, or a broken network path',
    });
  }
  return problems.finish();
}

function recipientProblem(trail: MessageTrail, recipient: RecipientTrail): Omit<Diagnostic, 'range' | 'source'> | undefined {
  const { outcome } = recipient;
  if (outcome === 'delivered') {
    if (recipient.deferrals === 0) return undefined;
    const late = recipient.delay !== undefined ? `${formatDuration(recipient.delay)} after it arrived` : 'after its deferrals';
    return {
      severity: DiagnosticSeverity.Information, code: MAIL_LOG_PROBLEM.deliveredLate,
      message: `${recipient.address}: delivered ${late}, after ${recipient.deferrals} deferral${recipient.deferrals === 1 ? '' : 's'}`,
      data: fields({ ...common(trail, recipient), outcome: 'delivered' }),
    };
  }
  if (outcome !== 'bounced' && outcome !== 'expired' && outcome !== 'deferred') return undefined;
  const reading = readOutcome(recipient.reply, recipient.dsn, recipient.relay, recipient.address, outcome === 'bounced');
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
    data: fields({
      ...common(trail, recipient), outcome, deliverystatus: reading.enhanced, replycode: reading.basic, diagnosticcode: recipient.reply,
      reason: reading.reason, hardbounce: outcome === 'deferred' ? false : reading.hard, whoacts: reading.whoActs,
    }),
  };
}

function attempts(recipient: RecipientTrail): string {
  return `${recipient.attempts} attempt${recipient.attempts === 1 ? '' : 's'}`;
}

function attemptSpan(recipient: RecipientTrail): string {
  const { firstAttemptMs: first, lastAttemptMs: last } = recipient;
  return first !== undefined && last !== undefined && last > first ? ` over ${formatDuration((last - first) / 1000)}` : '';
}

function common(trail: MessageTrail, recipient: RecipientTrail): ProblemFields {
  return {
    recipient: recipient.address, sender: trail.sender, messageid: trail.messageId, queueid: trail.id,
    timestamp: recipient.lastAttemptMs !== undefined ? new Date(recipient.lastAttemptMs).toISOString().replace(/\.000Z$/, 'Z') : undefined,
  };
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

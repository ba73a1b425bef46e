// Problems for an e-mail document: one per recipient of a bounce or delay report, on the line of
// its status (or its diagnostic text), saying what failed, why, whether the address is dead and
// who must act. Messages that are not bounces get none.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { CancellationToken } from '../../common/cancellation';
import type { DiagnosticsSettings } from '../shared/problemList';
import { ProblemList } from '../shared/problemList';
import { emailDocument } from './emailDocument';
import { readRecipient } from '../../analysis/bounce/recipientReading';
import type { Span } from '../../formats/bounce/model';
import type { BounceAnalysis, RecipientOutcome } from '../../analysis/bounce/bounceAnalysis';
import type { ReplyExplanation } from '../../analysis/replyExplanation';
import type { ProblemFields } from '../../common/problemFields';
import { bareMessageId, boundedText, isoOrAsWritten, presentFields, replyFields } from '../shared/problemData';

const SEVERITY: Record<RecipientOutcome['action'], DiagnosticSeverity> = {
  failed: DiagnosticSeverity.Error,
  delayed: DiagnosticSeverity.Warning,
  delivered: DiagnosticSeverity.Information,
  relayed: DiagnosticSeverity.Information,
  expanded: DiagnosticSeverity.Information,
};

export function validateBounce(document: TextDocument, settings: DiagnosticsSettings, token?: CancellationToken): Diagnostic[] {
  if (token?.isCancellationRequested) return [];
  const { analysis } = emailDocument(document);
  if (analysis.kind === 'not-a-bounce' || analysis.kind === 'auto-reply' || analysis.kind === 'feedback-report') return [];
  const range = (span: Span): Diagnostic['range'] => ({ start: document.positionAt(span.start), end: document.positionAt(Math.max(span.start, span.end)) });
  const problems = new ProblemList(settings.maxProblems);
  for (const outcome of analysis.recipients) {
    const code = outcome.status?.value ?? outcome.replyCode?.value;
    const reading = readRecipient(document, outcome);
    problems.add({
      range: range(outcome.anchor),
      severity: SEVERITY[outcome.action],
      ...(code ? { code } : {}),
      message: reading.message,
      data: recipientFields(analysis, outcome, reading.explanation),
    });
  }
  if (analysis.recipients.length === 0) {
    problems.add({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      message: 'This is a delivery report, but it names no recipient Mailflow Lens can read; see the report text and the returned message\'s To.',
    });
  }
  for (const problem of analysis.problems) {
    problems.add({ range: range(problem.span), severity: DiagnosticSeverity.Information, message: problem.message });
  }
  return problems.finish();
}

/** A recipient's fields, named as Sisimai names them where they mean the same. */
function recipientFields(analysis: BounceAnalysis, outcome: RecipientOutcome, explanation: ReplyExplanation | undefined): ProblemFields {
  const codes = { enhanced: outcome.status?.value, basic: outcome.replyCode?.value, transport: outcome.transport?.value };
  const reply = replyFields(codes, explanation, outcome.diagnostic?.value);
  const failed = outcome.action === 'failed';
  return {
    ...reply,
    ...presentFields({
      recipient: outcome.recipient.value,
      sender: analysis.original?.from ? boundedText(analysis.original.from.value) : undefined,
      reason: failed || outcome.action === 'delayed' ? outcome.reason : undefined,
      hardbounce: failed ? outcome.hard : outcome.action === 'delayed' ? false : undefined,
      whoacts: outcome.actors[0] ?? reply.whoacts,
      messageid: analysis.original?.messageId ? bareMessageId(analysis.original.messageId.value) : undefined,
      timestamp: isoOrAsWritten(outcome.lastAttempt?.value ?? analysis.arrivalDate?.value),
      outcome: failed ? 'bounced' : outcome.action,
    }),
  };
}

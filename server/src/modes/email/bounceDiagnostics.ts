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
import type { RecipientOutcome } from '../../analysis/bounce/bounceAnalysis';

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
    problems.add({
      range: range(outcome.anchor),
      severity: SEVERITY[outcome.action],
      ...(code ? { code } : {}),
      message: readRecipient(document, outcome).message,
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

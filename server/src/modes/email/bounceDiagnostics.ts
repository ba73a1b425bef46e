// Problems for an e-mail document: one per recipient of a bounce or delay report, on the line of
// its status (or its diagnostic text), saying what failed, why, whether the address is dead and
// who must act. Messages that are not bounces get none.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { CancellationToken } from '../../common/cancellation';
import type { DiagnosticsSettings } from '../shared/problemList';
import { ProblemList } from '../shared/problemList';
import { emailDocument } from './emailDocument';
import { productPreference } from '../../analysis/productContext';
import { explainReply } from '../../analysis/replyExplanation';
import { bounceReasons } from '../../knowledge/data/bounceReasons';
import type { Product } from '../../knowledge/model';
import type { RecipientOutcome, Span } from '../../formats/bounce/model';

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
      message: recipientMessage(outcome, productsFor(document, outcome)),
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

/**
 * Product readings apply when Exchange itself wrote the code (a transport string, or a Microsoft
 * server in the reply); a code an Exchange server only relays keeps its standard meaning.
 */
export function productsFor(document: TextDocument, outcome: RecipientOutcome): readonly Product[] {
  const said = `${outcome.diagnostic?.value ?? ''} ${outcome.remoteMta?.value ?? ''}`.toLowerCase();
  if (outcome.transport || /outlook\.com|exchange|microsoft/.test(said)) return productPreference(document);
  return [];
}

/** "bob@contoso.com: 5.1.10 recipient not found (userunknown, hard bounce). Fix: sender checks the address" */
export function recipientMessage(outcome: RecipientOutcome, prefer: readonly Product[]): string {
  const entry = bounceReasons[outcome.reason];
  const explanation = outcome.status || outcome.replyCode
    ? explainReply({ enhanced: outcome.status?.value, basic: outcome.replyCode?.value, transport: outcome.transport?.value }, { prefer })
    : undefined;
  const code = outcome.status?.value ?? outcome.replyCode?.value;
  // A bare "5.0.0" only says "failed": the reason found in the reply's words says more.
  const generic = outcome.status !== undefined && /^\d\.0\.0$/.test(outcome.status.value) && outcome.reason !== 'undefined';
  const what = explanation && !generic ? lowerFirst(explanation.title) : entry.title;
  const head = `${outcome.recipient.value}: ${code ? `${code} ` : ''}${what}`;
  if (outcome.action !== 'failed' && outcome.action !== 'delayed') return `${head} (${outcome.action})`;
  const bounce = outcome.action === 'delayed' ? 'delayed, still retrying' : `${outcome.hard ? 'hard' : 'soft'} bounce`;
  const note = outcome.conflict ? ` Note: ${outcome.conflict}` : '';
  return `${head} (${outcome.reason}, ${bounce}). Fix: ${entry.fix}${note}`;
}

/** "Recipient not found" -> "recipient not found"; acronyms ("DMARC failed") keep their case. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

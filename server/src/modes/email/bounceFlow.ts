// The mail flow report's records of a bounce or delay report (.eml): one recipient per failed or
// delayed recipient of the report, from the problems the Problems panel shows for it (so the
// reason, codes and who acts are the bounce engine's, read once). The returned message is the
// flow message: its Message-ID (or the file's name) is the key, the report's Arrival-Date when it
// arrived; a recipient is settled at the time its problem names (Last-Attempt-Date, else
// Arrival-Date), else at the report's Date.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationToken } from '../../common/cancellation';
import type { FlowMessage, FlowRecipient, FlowRecords } from '../../common/mailFlow';
import type { ProblemFields } from '../../common/problemFields';
import { sourceNameOf } from '../../common/sourceNames';
import { validateBounce } from './bounceDiagnostics';
import { emailDocument } from './emailDocument';

/** Problems of one report read at most: a bounce names a few recipients, a hostile one maybe thousands. */
const MAX_RECIPIENTS = 10_000;

export function bounceFlow(document: TextDocument, token?: CancellationToken): FlowRecords {
  const empty: FlowRecords = { messages: [], recipients: [], rejections: [], notes: [] };
  if (token?.isCancellationRequested) return empty;
  const { view, analysis } = emailDocument(document);
  if (analysis.kind !== 'bounce' && analysis.kind !== 'delay') {
    return { ...empty, notes: ['Not a bounce or delay report: nothing to count.'] };
  }
  const reportDate = timeOf(view.top.block.fields.find((field) => field.key === 'date')?.value);
  const arrival = timeOf(analysis.arrivalDate?.value);
  const messageId = analysis.original?.messageId?.value.trim().replace(/^<(.*)>$/, '$1');
  const key = messageId || sourceNameOf(document.uri);
  const recipients: FlowRecipient[] = [];
  for (const problem of validateBounce(document, { maxProblems: MAX_RECIPIENTS }, token)) {
    const fields = problem.data as ProblemFields | undefined;
    if (!fields?.recipient || (fields.outcome !== 'bounced' && fields.outcome !== 'delayed')) continue;
    const outcome = fields.outcome === 'bounced' ? 'failed' : 'deferred';
    const settledMs = timeOf(fields.timestamp) ?? reportDate ?? arrival;
    recipients.push({
      ...fields, key, recipient: fields.recipient, outcome, settledMs,
      ...(outcome === 'deferred' ? { firstDeferredMs: settledMs } : {}),
      line: problem.range.start.line,
    });
  }
  const message: FlowMessage = {
    key, sender: analysis.original?.from?.value, messageid: messageId || undefined, receivedMs: arrival,
    recipientCount: recipients.length, line: 0,
  };
  return {
    messages: [message], recipients, rejections: [],
    // RFC 5322 dates name their offset.
    timesInUtc: true,
    notes: analysis.problems.length ? [`${analysis.problems.length} part${analysis.problems.length === 1 ? '' : 's'} of the message could not be read whole.`] : [],
  };
}

function timeOf(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}


// Filter Lines (#15) in an e-mail document: free text on every line, and the recipients the bounce
// analysis reads (the Problems panel's), on the lines of their address and of their status.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationToken, YieldControl } from '../../common/cancellation';
import type { FilterField, LineQuery } from '../../common/lineQuery';
import type { RecipientOutcome } from '../../analysis/bounce/bounceAnalysis';
import { type FilterOutcome, runLineFilter, TextLines } from '../shared/lineFilter';
import { emailDocument } from './emailDocument';

const FIELDS: ReadonlySet<FilterField> = new Set(['recipient', 'status', 'code', 'reason']);

/** What each delivery action counts as, in the mail flow report's words. */
const ACTION_STATUS: Readonly<Record<RecipientOutcome['action'], readonly string[]>> = {
  failed: ['failed'], delayed: ['deferred', 'delayed'], delivered: ['delivered'], relayed: ['relayed'], expanded: ['expanded'],
};

export function filterEmail(
  document: TextDocument, query: LineQuery, limit: number, token: CancellationToken | undefined, yieldControl: YieldControl,
): Promise<FilterOutcome> {
  return runLineFilter(new EmailLines(document), query, limit, token, yieldControl);
}

class EmailLines extends TextLines {
  override readonly fields = FIELDS;
  /** The recipients read on each line. */
  private readonly byLine = new Map<number, RecipientOutcome[]>();

  constructor(document: TextDocument) {
    super('e-mail messages', document.getText());
    const { analysis } = emailDocument(document);
    for (const outcome of analysis.recipients) {
      const lines = new Set([outcome.recipient.span.start, outcome.anchor.start].map((offset) => document.positionAt(offset).line));
      for (const line of lines) {
        const list = this.byLine.get(line);
        if (list) list.push(outcome);
        else this.byLine.set(line, [outcome]);
      }
    }
  }

  override values(record: number, field: Exclude<FilterField, 'id'>): readonly string[] {
    const outcomes = this.byLine.get(record);
    if (!outcomes) return [];
    return outcomes.flatMap((outcome): readonly string[] => {
      switch (field) {
        case 'recipient': return [outcome.recipient.value, ...(outcome.originalRecipient ? [outcome.originalRecipient.value] : [])];
        case 'status': return ACTION_STATUS[outcome.action];
        case 'code': return [outcome.replyCode?.value, outcome.status?.value, outcome.transport?.value].filter((c): c is string => !!c);
        case 'reason': return outcome.action === 'failed' || outcome.action === 'delayed' ? [outcome.reason] : [];
        default: return [];
      }
    });
  }
}

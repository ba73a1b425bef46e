// The recipients of a feedback (ARF) report: complaints about a delivered message, not failures.

import { bounceReasons } from '../../knowledge/data/bounceReasons';
import { lineAt } from '../../formats/mime/lines';
import { findAddresses, sameAddress } from '../../formats/bounce/addresses';
import type { MessageView } from '../../formats/bounce/messageView';
import type { Located, OriginalMessage } from '../../formats/bounce/model';
import type { RecipientOutcome } from './bounceAnalysis';

/** Recipients a feedback report names: Original-Rcpt-To and Removal-Recipient, else the original's To. */
export function feedbackRecipients(view: MessageView, original: OriginalMessage | undefined): RecipientOutcome[] {
  const found: Located[] = [];
  for (const report of view.feedbackReport) {
    let pos = 0;
    const text = report.text;
    while (pos < text.length) {
      const line = lineAt(text, pos);
      const content = text.slice(line.start, line.end);
      if (/^(?:original-rcpt-to|removal-recipient):/i.test(content)) {
        const hit = findAddresses(content)[0];
        if (hit && !found.some((f) => sameAddress(f.value, hit.address))) {
          found.push({ value: hit.address, span: { start: report.toRaw(line.start + hit.start), end: report.toRaw(line.start + hit.end) } });
        }
      }
      pos = line.next;
    }
  }
  if (found.length === 0 && original?.to) {
    const hit = findAddresses(original.to.value)[0];
    if (hit) found.push({ value: hit.address, span: original.to.span });
  }
  return found.map((recipient) => ({
    recipient, action: 'delivered', reason: 'feedback', reasonBasis: 'feedback report', hard: false, permanent: false,
    actors: bounceReasons.feedback.actors, anchor: recipient.span,
  }));
}

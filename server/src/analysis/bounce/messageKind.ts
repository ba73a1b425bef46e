// What kind of message a document is: a bounce or delay report, an automatic reply, a feedback
// report or an ordinary message, read from its sender, subject, headers and report parts.

import { decodedValue, header } from '../../formats/mime/headers';
import { addressIn } from '../../formats/bounce/addresses';
import type { DeliveryStatus } from '../../formats/bounce/deliveryStatus';
import type { MessageView } from '../../formats/bounce/messageView';
import type { MessageKind, RecipientOutcome } from './bounceAnalysis';

/** A complaint or abuse report: an ARF report, or a message returned under a complaint subject. */
export function isFeedbackReport(view: MessageView, subject: string): boolean {
  return view.reportType === 'feedback-report' || view.feedbackReport.length > 0 || (/\b(?:complaint|abuse report)\b/i.test(subject) && view.original !== undefined);
}

/** A report's kind from its recipients: any failure makes it a bounce, else any delay a delay notice. */
export function kindOf(outcomes: readonly RecipientOutcome[]): MessageKind {
  if (outcomes.length === 0) return 'bounce';
  if (outcomes.some((o) => o.action === 'failed')) return 'bounce';
  if (outcomes.some((o) => o.action === 'delayed')) return 'delay';
  return 'delivery-report';
}

const BOUNCE_SENDER = /^(?:mailer-daemon|mailer_daemon|mailerdaemon|mail-daemon|maildaemon|post_?master|mdaemon|mail\.?delivery|bounce[sd]?|nobody|mail-?notifier)@/i;
const BOUNCE_SUBJECT = /undeliver|undelivered|delivery (?:status|failure|failed|notification|problem|report|has failed|delayed|error)|failure notice|returned mail|mail delivery|could not be delivered|non-?deliver|returned to sender|delivery fail|bounce|could not send|mail system error|not delivered|failed delivery|delayed mail|mail failure|unable to deliver|delivery error|message rejected|rejected:/i;
const FAILURE_WORDS = /could not be delivered|couldn't be delivered|delivery (?:has )?failed|permanent (?:error|failure)|undeliverable|was not delivered|wasn't delivered|unable to deliver|did not reach|could not deliver|not be reached|rejected/i;

/** True when the message shows it is a delivery report: delivery-status fields, a bounce sender or subject, or failure words from a null sender. */
export function isDeliveryReport(view: MessageView, subject: string, from: string, dsns: readonly DeliveryStatus[]): boolean {
  if (dsns.some((d) => d.recipients.length > 0) || view.reportType === 'delivery-status' || view.reportType === 'global-delivery-status') return true;
  if (header(view.top.block, 'x-failed-recipients')) return true;
  const fromAddress = addressIn(from) ?? '';
  if (BOUNCE_SENDER.test(fromAddress) || /mail delivery|mailer-daemon|postmaster/i.test(from)) return true;
  if (BOUNCE_SUBJECT.test(subject)) return true;
  const returnPath = decodedValue(header(view.top.block, 'return-path'));
  const head = view.reportTexts[0]?.text.slice(0, 2000) ?? '';
  return (returnPath === '<>' || returnPath === '') && FAILURE_WORDS.test(head);
}

const AUTO_SUBJECT = /^(?:auto(?:matic)?[ -_:]?(?:reply|response|respons|antwort|matische antwort)|out of (?:the )?office|away\b|abwesen|absence|vacation|autoreply|autoresponse|自動)/i;

export function isAutoReply(view: MessageView, subject: string): boolean {
  const top = view.top.block;
  const submitted = decodedValue(header(top, 'auto-submitted')).toLowerCase();
  if (submitted.startsWith('auto-replied')) return true;
  if (header(top, 'x-autoreply') || header(top, 'x-autorespond') || header(top, 'x-autoresponse')) return true;
  if (/auto[_-]reply/i.test(decodedValue(header(top, 'precedence')))) return true;
  return AUTO_SUBJECT.test(subject);
}

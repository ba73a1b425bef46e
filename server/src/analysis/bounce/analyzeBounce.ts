// Reads a bounce: which recipients failed (or were delayed, or delivered), with what status and
// reply, why, and who has to act. Works from the machine-readable delivery-status parts when there
// are any, and from the human-readable report otherwise; the report also fills in what the
// delivery-status parts leave out (Exchange's "#550 5.1.1 RESOLVER..." lines, remote servers).
// This file is the pipeline: what kind of message it is (messageKind.ts), its recipients
// (recipients.ts), and who wrote the report (writerOf.ts).

import { ASCII_CASE_BIT, CharCode } from '../../common/charCode';
import { decodedValue, header } from '../../formats/mime/headers';
import { LineBreakFinder, pastBreak } from '../../formats/mime/lines';
import type { MappedText } from '../../formats/mime/mappedText';
import { addressIn } from '../../formats/bounce/addresses';
import { parseDeliveryStatus } from '../../formats/bounce/deliveryStatus';
import { locatedDsn, readOriginal } from '../../formats/bounce/located';
import { viewMessage, type MessageView } from '../../formats/bounce/messageView';
import type { Located, OriginalMessage } from '../../formats/bounce/model';
import { readSesNotification } from '../../formats/bounce/sesNotification';
import { mailSystem } from '../../knowledge/mailSystems';
import { writerOf } from '../writerOf';
import type { BounceAnalysis, MessageKind, RecipientOutcome } from './bounceAnalysis';
import { isAutoReply, isDeliveryReport, isFeedbackReport, kindOf } from './messageKind';
import { feedbackRecipients } from './feedbackRecipients';
import { bounceRecipients, sesRecipients } from './recipients';
import { reportingHostIn } from './mtaFacts';

export function analyzeBounce(text: string): BounceAnalysis {
  return analyzeView(viewMessage(text));
}

/** The message's structure and its bounce analysis together, for features that need both. */
export function readEmail(text: string): { readonly view: MessageView; readonly analysis: BounceAnalysis } {
  const view = viewMessage(text);
  return { view, analysis: analyzeView(view) };
}

function analyzeView(view: MessageView): BounceAnalysis {
  const problems = view.mime.problems.map((p) => ({ message: p.message, span: { start: p.start, end: p.end } }));
  const top = view.top;
  const subject = decodedValue(header(top.block, 'subject'));
  const from = decodedValue(header(top.block, 'from'));
  const original = readOriginal(view.original);
  const dsns = view.deliveryStatus.map(parseDeliveryStatus);
  // Who wrote the report is only read by the summary: work it out when asked.
  const reporterOf = (): string | undefined => recogniseReporter(view, subject, from);

  const ses = view.reportTexts.slice(0, 2).map(readSesNotification).find((n) => n !== undefined);
  if (ses) {
    const recipients = sesRecipients(ses, view, subject);
    const kind = ses.type === 'complaint' ? 'feedback-report' : kindOf(recipients);
    return { kind, reporter: reporterOf() ?? mailSystem('amazon-ses').name, recipients, original, problems };
  }

  if (isFeedbackReport(view, subject)) {
    return new Analysis('feedback-report', reporterOf, feedbackRecipients(view, original), original, problems);
  }
  const evidence = isDeliveryReport(view, subject, from, dsns);
  if (!evidence && isAutoReply(view, subject)) return new Analysis('auto-reply', reporterOf, [], original, problems);
  if (!evidence) return { kind: 'not-a-bounce', recipients: [], original, problems };

  const senders = [addressIn(decodedValue(header(top.block, 'to'))), original?.from?.value, addressIn(from)]
    .filter((a): a is string => a !== undefined);
  const messageDsn = dsns.find((d) => d.reportingMta) ?? dsns[0];
  const reportingMta = messageDsn?.reportingMta ? locatedDsn(messageDsn.reportingMta) : firstReportingHost(view.reportTexts);
  const arrivalDate = messageDsn?.arrivalDate ? locatedDsn(messageDsn.arrivalDate) : undefined;
  const outcomes = bounceRecipients(view, subject, senders, original, dsns, reportingMta);
  return new Analysis(kindOf(outcomes), reporterOf, outcomes, original, problems, reportingMta, arrivalDate);
}

/**
 * The analysis, naming the reporting system only when read. A class rather than an object literal
 * with a getter: the literal's per-call getter closure kept each message's whole view alive through
 * V8's minor collections (see wording.ts).
 */
class Analysis implements BounceAnalysis {
  private reporterFound: { readonly value: string | undefined } | undefined;

  constructor(
    readonly kind: MessageKind,
    private readonly findReporter: () => string | undefined,
    readonly recipients: readonly RecipientOutcome[],
    readonly original: OriginalMessage | undefined,
    readonly problems: BounceAnalysis['problems'],
    readonly reportingMta?: Located,
    readonly arrivalDate?: Located,
  ) {}

  get reporter(): string | undefined {
    return (this.reporterFound ??= { value: this.findReporter() }).value;
  }
}

function firstReportingHost(reports: readonly MappedText[]): Located | undefined {
  for (const report of reports.slice(0, 2)) {
    const text = report.text;
    // Line ends found with indexOf (each kind's next one remembered) rather than read character by character.
    const breaks = new LineBreakFinder(text);
    let pos = 0;
    let count = 0;
    while (pos < text.length && count++ < 80) {
      const end = breaks.next(pos);
      // The phrases start with "Generating server", "This is the", "Hi. This is" or "Reporting-MTA".
      const first = text.charCodeAt(pos) | ASCII_CASE_BIT;
      const startsLikeOne = first === CharCode.LowerG || first === CharCode.LowerT || first === CharCode.LowerH || first === CharCode.LowerR;
      const host = startsLikeOne ? reportingHostIn(text.slice(pos, end)) : undefined;
      if (host) {
        const at = text.indexOf(host, pos);
        return { value: host, span: { start: report.toRaw(at), end: report.toRaw(at + host.length) } };
      }
      pos = pastBreak(text, end);
    }
  }
  return undefined;
}

/** The software or service that wrote the report, from its sender, subject, first Received headers, X- header names and opening words. */
function recogniseReporter(view: MessageView, subject: string, from: string): string | undefined {
  const fields = view.top.block.fields;
  const received = fields.filter((f) => f.key === 'received').slice(0, 3).map((f) => f.value.slice(0, 200));
  const names = fields.filter((f) => f.key.startsWith('x-')).map((f) => f.key);
  const sample = `${from}\n${subject}\n${received.join('\n')}\n${names.join(' ')}\n${view.reportTexts[0]?.text.slice(0, 800) ?? ''}`.toLowerCase();
  return writerOf({ report: sample })?.name;
}

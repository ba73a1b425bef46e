// Reads a bounce: which recipients failed (or were delayed, or delivered), with what status and
// reply, why, and who has to act. Works from the machine-readable delivery-status parts when there
// are any, and from the human-readable report otherwise; the report also fills in what the
// delivery-status parts leave out (Exchange's "#550 5.1.1 RESOLVER..." lines, remote servers).

import { bounceReasons } from '../../knowledge/data/bounceReasons';
import { decodedValue, header, headers, valueOffsetToRaw, type HeaderField } from '../../formats/mime/headers';
import { lineAt } from '../../formats/mime/lines';
import type { MappedText } from '../../formats/mime/mappedText';
import { addressIn, findAddresses, sameAddress } from '../../formats/bounce/addresses';
import { classifyFailure, isHardBounce } from './classify';
import { parseDeliveryStatus, type DeliveryStatus, type DsnRecipientFields, type DsnValue } from '../../formats/bounce/deliveryStatus';
import { viewMessage, type HeaderSource, type MessageView } from '../../formats/bounce/messageView';
import type { BounceAnalysis, DeliveryAction, Located, MessageKind, OriginalMessage, RecipientOutcome, Span } from '../../formats/bounce/model';
import { bareHostLine, remoteHostIn, reportingHostIn, stageFromTranscript } from './mtaFacts';
import { readWording } from './wording';
import { findRecipientBlocks, type RecipientBlock } from '../../formats/bounce/recipientBlocks';
import { readSesNotification, type SesNotification } from '../../formats/bounce/sesNotification';
import { chooseCodes, evidenceInLine, evidenceInText, type CodeEvidence } from '../../formats/bounce/replyEvidence';

/** Characters of diagnostic text kept for display. */
const MAX_DIAGNOSTIC = 600;
/** Characters of the whole report read to classify a lone recipient; reports say why near the top. */
const REPORT_SAMPLE = 1500;
/** Characters of a recipient's block read to classify it; the reason is stated near the address. */
const BLOCK_SAMPLE = 800;
/** Recipients read from one message; mailing-list bounces can name thousands. */
const MAX_RECIPIENTS = 500;

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
  const reportingFromText = firstReportingHost(view.reportTexts);
  const dsns = view.deliveryStatus.map(parseDeliveryStatus);
  // Who wrote the report is only read by the summary: work it out when asked.
  const reporterOf = (): string | undefined => recogniseReporter(view, subject, from);

  const ses = view.reportTexts.slice(0, 2).map(readSesNotification).find((n) => n !== undefined);
  if (ses) return sesAnalysis(ses, view, subject, reporterOf() ?? 'Amazon SES', original, problems);

  if (view.reportType === 'feedback-report' || view.feedbackReport.length > 0 || (/\b(?:complaint|abuse report)\b/i.test(subject) && view.original)) {
    return new Analysis('feedback-report', reporterOf, feedbackRecipients(view, original), original, problems);
  }
  const evidence = bounceEvidence(view, subject, from, dsns);
  if (!evidence && isAutoReply(view, subject)) return new Analysis('auto-reply', reporterOf, [], original, problems);
  if (!evidence) return { kind: 'not-a-bounce', recipients: [], original, problems };

  const senders = [addressIn(decodedValue(header(top.block, 'to'))), original?.from?.value, addressIn(from)]
    .filter((a): a is string => a !== undefined);
  let blocks: { block: RecipientBlock; report: MappedText }[] = [];
  let senderBlocks: { block: RecipientBlock; report: MappedText }[] = [];
  for (const report of view.reportTexts) {
    const found = findRecipientBlocks(report, senders);
    if (found.blocks.length > 0) { blocks = found.blocks.map((block) => ({ block, report })); break; }
    if (senderBlocks.length === 0) senderBlocks = found.senderBlocks.map((block) => ({ block, report }));
  }
  const messageDsn = dsns.find((d) => d.reportingMta) ?? dsns[0];
  const reportingMta = messageDsn?.reportingMta ? locatedDsn(messageDsn.reportingMta) : reportingFromText;
  const arrivalDate = messageDsn?.arrivalDate ? locatedDsn(messageDsn.arrivalDate) : undefined;
  const context: RecipientContext = { view, subject, blocks, reportingMta, singleRecipient: false };

  const outcomes: RecipientOutcome[] = [];
  const dsnRecipients = dsns.flatMap((d) => d.recipients).filter((r) => recipientAddress(r) !== undefined);
  if (dsnRecipients.length > 0) {
    context.singleRecipient = dsnRecipients.length === 1;
    for (const fields of dsnRecipients.slice(0, MAX_RECIPIENTS)) outcomes.push(fromDsn(fields, context));
  } else {
    // Each address once, in order of appearance; a set of the lower-case forms keeps thousands of them linear.
    const seen: string[] = [];
    const seenLower = new Set<string>();
    const see = (address: string): void => {
      const lower = address.toLowerCase();
      if (!seenLower.has(lower)) { seenLower.add(lower); seen.push(address); }
    };
    for (const { block } of blocks) see(block.address);
    if (seen.length === 0) {
      for (const field of headers(top.block, 'x-failed-recipients')) for (const hit of findAddresses(field.value)) see(hit.address);
    }
    // The only address the report names may be the sender's own (someone wrote to themselves).
    if (seen.length === 0 && senderBlocks.length > 0) {
      context.blocks = senderBlocks;
      for (const { block } of senderBlocks) see(block.address);
    }
    // A report that names nobody is about the returned message's recipients.
    const originalTo = original?.to ? findAddresses(original.to.value) : [];
    const fromOriginal = seen.length === 0 && originalTo.length > 0 && originalTo.length <= 5;
    if (fromOriginal) for (const hit of originalTo) seen.push(hit.address);
    context.singleRecipient = seen.length === 1;
    // A delivery-status group that names a mailbox file instead of an address still describes the one recipient.
    const unnamed = dsns.flatMap((d) => d.recipients);
    if (seen.length === 1 && unnamed.length === 1) {
      outcomes.push(fromDsn(unnamed[0]!, context, fromText(seen[0]!, context, fromOriginal ? original : undefined).recipient));
    } else {
      for (const address of seen.slice(0, MAX_RECIPIENTS)) outcomes.push(fromText(address, context, fromOriginal ? original : undefined));
    }
  }
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

function sesAnalysis(
  ses: SesNotification, view: MessageView, subject: string, reporter: string, original: OriginalMessage | undefined,
  problems: BounceAnalysis['problems'],
): BounceAnalysis {
  if (ses.type === 'complaint') {
    const recipients = ses.recipients.map((r): RecipientOutcome => ({
      recipient: r.recipient, action: 'delivered', reason: 'feedback', reasonBasis: 'Amazon SES complaint notification', hard: false, permanent: false,
      actors: bounceReasons.feedback.actors, anchor: r.recipient.span,
    }));
    return { kind: 'feedback-report', reporter, recipients, original, problems };
  }
  const context: RecipientContext = { view, subject, blocks: [], reportingMta: undefined, singleRecipient: ses.recipients.length === 1 };
  const outcomes = ses.recipients.map((r) => {
    const evidence: CodeEvidence[] = [];
    if (r.status) evidence.push({ source: 'status-field', enhanced: r.status, nested: false, continuation: false, remote: false, order: 0 });
    if (r.diagnostic) {
      const diagnostic = r.diagnostic;
      const offset = diagnostic.value.indexOf(';') + 1;
      evidence.push(...evidenceInLine(diagnostic.value.slice(offset).trimStart(), (o) => diagnostic.span.start + offset + (diagnostic.value.slice(offset).length - diagnostic.value.slice(offset).trimStart().length) + o, 'diagnostic-code', 100));
    }
    return finish({ recipient: r.recipient, action: r.action, evidence, diagnostic: r.diagnostic, blocks: [] }, context);
  });
  return { kind: kindOf(outcomes), reporter, recipients: outcomes, original, problems };
}

interface RecipientContext {
  readonly view: MessageView;
  readonly subject: string;
  blocks: readonly { block: RecipientBlock; report: MappedText }[];
  readonly reportingMta: Located | undefined;
  singleRecipient: boolean;
}

/**
 * Blocks of a report read per recipient: a report names a recipient a few times. Without a bound, a
 * delivery-status part naming one address hundreds of times would read all its blocks for each.
 */
const MAX_BLOCKS_PER_RECIPIENT = 8;

/** The recipient's blocks (under either address), in report order, looked up in an index built once per set of blocks. */
function blocksOf(context: RecipientContext, address: string, otherAddress?: string): RecipientContext['blocks'] {
  let index = blockIndexes.get(context.blocks);
  if (!index) {
    index = new Map();
    for (const entry of context.blocks) {
      const key = entry.block.address.toLowerCase();
      const list = index.get(key) ?? [];
      if (list.length < MAX_BLOCKS_PER_RECIPIENT) list.push(entry);
      index.set(key, list);
    }
    blockIndexes.set(context.blocks, index);
  }
  const own = index.get(address.toLowerCase()) ?? [];
  const other = otherAddress && !sameAddress(address, otherAddress) ? index.get(otherAddress.toLowerCase()) ?? [] : [];
  if (other.length === 0) return own;
  return [...own, ...other].sort((a, b) => a.block.start - b.block.start).slice(0, MAX_BLOCKS_PER_RECIPIENT);
}

const blockIndexes = new WeakMap<RecipientContext['blocks'], Map<string, { block: RecipientBlock; report: MappedText }[]>>();

function kindOf(outcomes: readonly RecipientOutcome[]): MessageKind {
  if (outcomes.length === 0) return 'bounce';
  if (outcomes.some((o) => o.action === 'failed')) return 'bounce';
  if (outcomes.some((o) => o.action === 'delayed')) return 'delay';
  return 'delivery-report';
}

const BOUNCE_SENDER = /^(?:mailer-daemon|mailer_daemon|mailerdaemon|mail-daemon|maildaemon|post_?master|mdaemon|mail\.?delivery|bounce[sd]?|nobody|mail-?notifier)@/i;
const BOUNCE_SUBJECT = /undeliver|undelivered|delivery (?:status|failure|failed|notification|problem|report|has failed|delayed|error)|failure notice|returned mail|mail delivery|could not be delivered|non-?deliver|returned to sender|delivery fail|bounce|could not send|mail system error|not delivered|failed delivery|delayed mail|mail failure|unable to deliver|delivery error|message rejected|rejected:/i;
const FAILURE_WORDS = /could not be delivered|couldn't be delivered|delivery (?:has )?failed|permanent (?:error|failure)|undeliverable|was not delivered|wasn't delivered|unable to deliver|did not reach|could not deliver|not be reached|rejected/i;

function bounceEvidence(view: MessageView, subject: string, from: string, dsns: readonly DeliveryStatus[]): boolean {
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

function isAutoReply(view: MessageView, subject: string): boolean {
  const top = view.top.block;
  const submitted = decodedValue(header(top, 'auto-submitted')).toLowerCase();
  if (submitted.startsWith('auto-replied')) return true;
  if (header(top, 'x-autoreply') || header(top, 'x-autorespond') || header(top, 'x-autoresponse')) return true;
  if (/auto[_-]reply/i.test(decodedValue(header(top, 'precedence')))) return true;
  return AUTO_SUBJECT.test(subject);
}

function recipientAddress(fields: DsnRecipientFields): string | undefined {
  return [fields.finalRecipient, fields.originalRecipient, fields.actualRecipient]
    .map((v) => (v ? addressIn(v.value) : undefined)).find((a) => a !== undefined);
}

/** A Final-Recipient with a source route ("@relay:bob@host") is the relay's view; the original is better. */
function isRoutedAddress(value: DsnValue | undefined, address: Located | undefined): boolean {
  if (!value || !address) return false;
  return value.value.trimStart().startsWith('@') && address.value.length > 0;
}

/** The address inside a DSN value, located. */
function locatedAddress(value: DsnValue | undefined): Located | undefined {
  if (!value) return undefined;
  const hit = findAddresses(value.value)[0];
  if (!hit) return undefined;
  return { value: hit.address, span: { start: value.toRaw(hit.start), end: value.toRaw(hit.end) } };
}

function locatedDsn(value: DsnValue): Located {
  return { value: value.value, span: { start: value.start, end: value.end } };
}

const ACTIONS: readonly DeliveryAction[] = ['failed', 'delayed', 'delivered', 'relayed', 'expanded'];

function fromDsn(fields: DsnRecipientFields, context: RecipientContext, named?: Located): RecipientOutcome {
  const originalAddress = locatedAddress(fields.originalRecipient);
  let finalAddress = named ?? locatedAddress(fields.finalRecipient) ?? locatedAddress(fields.actualRecipient) ?? originalAddress!;
  if (originalAddress && isRoutedAddress(fields.finalRecipient, finalAddress) && !isRoutedAddress(fields.originalRecipient, originalAddress)) finalAddress = originalAddress;
  const actionWord = fields.action?.value.toLowerCase().split(/[\s(]/, 1)[0] ?? '';
  const blocks = blocksOf(context, finalAddress.value, originalAddress?.value);

  const evidence: CodeEvidence[] = [];
  if (fields.status) {
    const m = /^([245])\.(\d{1,3})\.(\d{1,3})/.exec(fields.status.value);
    if (m) evidence.push({ source: 'status-field', enhanced: { value: `${m[1]}.${Number(m[2])}.${Number(m[3])}`, span: { start: fields.status.start, end: fields.status.toRaw(m[0].length) } }, nested: false, continuation: false, remote: false, order: 0 });
  }
  if (fields.diagnosticCode) evidence.push(...evidenceInLine(fields.diagnosticCode.value, fields.diagnosticCode.toRaw, 'diagnostic-code', 100));
  for (const { block, report } of blocks) evidence.push(...evidenceInText(report.text, block.start, block.end, (o) => report.toRaw(o), 'report-text', 1000 + evidence.length));

  const action: DeliveryAction = (ACTIONS as readonly string[]).includes(actionWord) ? actionWord as DeliveryAction : inferAction(evidence, context, blocks);
  const diagnosticValue = fields.diagnosticCode && fields.diagnosticCode.value.length > 0 ? locatedDsn(fields.diagnosticCode) : undefined;
  return finish({
    recipient: finalAddress,
    originalRecipient: originalAddress && !sameAddress(originalAddress.value, finalAddress.value) ? originalAddress : undefined,
    action,
    actionSpan: fields.action ? { start: fields.action.start, end: fields.action.end } : undefined,
    evidence,
    diagnostic: diagnosticValue,
    blocks,
    remoteMta: fields.remoteMta && fields.remoteMta.value ? locatedDsn(fields.remoteMta) : undefined,
    lastAttempt: fields.lastAttemptDate ? locatedDsn(fields.lastAttemptDate) : undefined,
    retryUntil: fields.willRetryUntil ? locatedDsn(fields.willRetryUntil) : undefined,
  }, context);
}

function fromText(address: string, context: RecipientContext, original?: OriginalMessage): RecipientOutcome {
  const blocks = blocksOf(context, address);
  const evidence: CodeEvidence[] = [];
  for (const { block, report } of blocks) evidence.push(...evidenceInText(report.text, block.start, block.end, (o) => report.toRaw(o), 'report-text', evidence.length));
  if (blocks.length === 0 && context.singleRecipient) {
    // Named only in X-Failed-Recipients: the whole report is about it.
    for (const report of context.view.reportTexts.slice(0, 1)) evidence.push(...evidenceInText(report.text, 0, report.text.length, (o) => report.toRaw(o), 'report-text', 0));
  }
  const first = blocks[0];
  const recipient: Located = first
    ? { value: address, span: { start: first.report.toRaw(first.block.addressStart), end: first.report.toRaw(first.block.addressEnd) } }
    : { value: address, span: original?.to?.span ?? failedRecipientsSpan(context.view, address) };
  return finish({ recipient, action: inferAction(evidence, context, blocks), evidence, blocks }, context);
}

function failedRecipientsSpan(view: MessageView, address: string): Span {
  for (const field of headers(view.top.block, 'x-failed-recipients')) {
    const at = field.value.toLowerCase().indexOf(address.toLowerCase());
    if (at >= 0) return { start: valueOffsetToRaw(field, at), end: valueOffsetToRaw(field, at + address.length) };
  }
  return { start: 0, end: 0 };
}

const DELAY_WORDS = /\bdelayed\b|will be retried|will retry|still trying|continue (?:to try|trying)|not yet been delivered|warning: could not send|still undelivered|delivery attempts will continue/i;
const GIVEN_UP = /giving up|gave up|given up|permanent|will not be retried|i'm not going to try again|deleted from queue|failed permanently/i;

function inferAction(evidence: readonly CodeEvidence[], context: RecipientContext, blocks: readonly { block: RecipientBlock; report: MappedText }[]): DeliveryAction {
  const sample = [context.subject, ...blocks.map((b) => b.report.text.slice(b.block.start, Math.min(b.block.end, b.block.start + 1500))), context.view.reportTexts[0]?.text.slice(0, 1500) ?? ''].join('\n');
  if (GIVEN_UP.test(sample)) return 'failed';
  const classes = evidence.map((e) => (e.enhanced?.value ?? e.basic?.value ?? '')[0]);
  if (classes.includes('5')) return 'failed';
  if (DELAY_WORDS.test(sample)) return 'delayed';
  if (classes.length > 0 && classes.every((c) => c === '2')) return 'delivered';
  return 'failed';
}

interface RecipientFacts {
  readonly recipient: Located;
  readonly originalRecipient?: Located | undefined;
  readonly action: DeliveryAction;
  readonly actionSpan?: Span | undefined;
  readonly evidence: readonly CodeEvidence[];
  readonly diagnostic?: Located | undefined;
  readonly blocks: readonly { block: RecipientBlock; report: MappedText }[];
  readonly remoteMta?: Located | undefined;
  readonly lastAttempt?: Located | undefined;
  readonly retryUntil?: Located | undefined;
}

function finish(facts: RecipientFacts, context: RecipientContext): RecipientOutcome {
  const expectClass = facts.action === 'failed' ? '5' : facts.action === 'delayed' ? '4' : '2';
  const chosen = chooseCodes(facts.evidence, expectClass);
  const blockTexts = facts.blocks.map(({ block, report }) => report.text.slice(block.start, block.end));
  const diagnostic = facts.diagnostic ?? textDiagnostic(facts, chosen.from);
  const remoteMta = facts.remoteMta ?? remoteFromBlocks(facts.blocks);
  const blockSample = blockTexts.map((t) => t.slice(0, BLOCK_SAMPLE)).join('\n');
  const near = [readWording(diagnostic?.value ?? ''), readWording(blockSample)];
  const stage = near[0]!.stage ?? near[1]!.stage ?? stageFromTranscript(`${diagnostic?.value ?? ''}\n${blockSample}`);
  const domain = facts.recipient.value.slice(facts.recipient.value.lastIndexOf('@') + 1);
  const report = context.singleRecipient
    ? () => readWording(`${context.subject}\n${context.view.reportTexts.map((r) => r.text.slice(0, REPORT_SAMPLE)).join('\n')}`)
    : undefined;
  const classification = classifyFailure({
    action: facts.action,
    status: chosen.enhanced?.value,
    replyCode: chosen.basic?.value,
    near,
    report,
    stage,
    hosts: [remoteMta?.value ?? '', domain, context.reportingMta?.value ?? ''].filter(Boolean),
  });
  const permanent = facts.action === 'failed';
  // When the Status field agrees with the code kept, the problem sits on the Status line.
  const statusField = facts.evidence.find((e) => e.source === 'status-field' && e.enhanced?.value === chosen.enhanced?.value);
  const anchor = statusField?.enhanced?.span ?? chosen.enhanced?.span ?? chosen.basic?.span ?? diagnostic?.span ?? facts.actionSpan ?? facts.recipient.span;
  return {
    recipient: facts.recipient,
    originalRecipient: facts.originalRecipient,
    action: facts.action,
    actionSpan: facts.actionSpan,
    status: chosen.enhanced,
    replyCode: chosen.basic,
    transport: chosen.transport,
    diagnostic,
    remoteMta,
    reportingMta: context.reportingMta,
    lastAttempt: facts.lastAttempt,
    retryUntil: facts.retryUntil,
    stage,
    reason: classification.reason,
    reasonBasis: classification.basis,
    hard: isHardBounce(classification.reason, permanent),
    permanent,
    actors: bounceReasons[classification.reason].actors,
    conflict: chosen.conflict,
    anchor,
  };
}

/** The diagnostic lines of a text-only report: the lines of the chosen reply, or the block's first lines. */
function textDiagnostic(facts: RecipientFacts, from: CodeEvidence | undefined): Located | undefined {
  const first = facts.blocks[0];
  if (!first) return undefined;
  const { block, report } = first;
  const text = report.text;
  let start = block.start;
  // Skip the recipient's own line when it holds nothing but the address.
  const anchorLine = lineAt(text, block.start, block.end);
  if (text.slice(block.addressEnd, anchorLine.end).replace(/[>:\s.]+/g, '').length === 0) start = anchorLine.next;
  if (from?.source === 'report-text') {
    // Start at the line that holds the chosen reply, when it lies in this block.
    let pos = start;
    while (pos < block.end) {
      const line = lineAt(text, pos, block.end);
      if (report.toRaw(line.start) <= from.enhanced!.span.start && from.enhanced!.span.start <= report.toRaw(line.end)) { start = line.start; break; }
      pos = line.next;
    }
  }
  const lines: string[] = [];
  let end = start;
  let pos = start;
  let blankRun = 0;
  while (pos < block.end && lines.join(' ').length < MAX_DIAGNOSTIC) {
    const line = lineAt(text, pos, block.end);
    const content = text.slice(line.start, line.end).trim();
    if (content.length === 0) {
      if (lines.length > 0 && ++blankRun >= 1) break;
    } else {
      blankRun = 0;
      lines.push(content);
      end = line.end;
    }
    pos = line.next;
  }
  if (lines.length === 0) return undefined;
  const value = lines.join(' ').replace(/\s+/g, ' ').slice(0, MAX_DIAGNOSTIC);
  let from0 = start;
  while (from0 < end && /\s/.test(text[from0]!)) from0++;
  return { value, span: { start: report.toRaw(from0), end: report.toRaw(end) } };
}

/** Lines of a recipient's block searched for the remote server: reports name it next to the recipient. */
const REMOTE_LINES = 40;

function remoteFromBlocks(blocks: readonly { block: RecipientBlock; report: MappedText }[]): Located | undefined {
  for (const { block, report } of blocks) {
    const text = report.text;
    let pos = block.start;
    let index = 0;
    while (pos < block.end && index < REMOTE_LINES) {
      const line = lineAt(text, pos, block.end);
      const content = text.slice(line.start, line.end);
      const found = remoteHostIn(content);
      if (found) return { value: found.host, span: { start: report.toRaw(line.start + found.start), end: report.toRaw(line.start + found.start + found.host.length) } };
      // Exchange prints the remote server alone on the line after the recipient.
      if (index === 1 && bareHostLine(content)) {
        const lead = content.length - content.trimStart().length;
        const host = content.trim();
        return { value: host, span: { start: report.toRaw(line.start + lead), end: report.toRaw(line.start + lead + host.length) } };
      }
      index++;
      pos = line.next;
    }
  }
  return undefined;
}

function firstReportingHost(reports: readonly MappedText[]): Located | undefined {
  for (const report of reports.slice(0, 2)) {
    const text = report.text;
    let pos = 0;
    let count = 0;
    while (pos < text.length && count++ < 80) {
      const line = lineAt(text, pos);
      // The phrases start with "Generating server", "This is the", "Hi. This is" or "Reporting-MTA".
      const first = text.charCodeAt(line.start) | 0x20;
      const host = first === 103 || first === 116 || first === 104 || first === 114 ? reportingHostIn(text.slice(line.start, line.end)) : undefined;
      if (host) {
        const at = text.indexOf(host, line.start);
        return { value: host, span: { start: report.toRaw(at), end: report.toRaw(at + host.length) } };
      }
      pos = line.next;
    }
  }
  return undefined;
}

function locatedHeader(source: HeaderSource, field: HeaderField | undefined, value?: string): Located | undefined {
  if (!field) return undefined;
  return {
    value: value ?? decodedValue(field),
    span: { start: source.map.toRaw(field.valueStart), end: source.map.toRaw(field.end) },
  };
}

function readOriginal(source: HeaderSource | undefined): OriginalMessage | undefined {
  if (!source || source.block.fields.length === 0) return undefined;
  const block = source.block;
  const fromField = header(block, 'from');
  return {
    messageId: locatedHeader(source, header(block, 'message-id')),
    subject: locatedHeader(source, header(block, 'subject')),
    from: fromField ? locatedHeader(source, fromField, addressIn(decodedValue(fromField)) ?? decodedValue(fromField)) : undefined,
    to: locatedHeader(source, header(block, 'to')),
    date: locatedHeader(source, header(block, 'date')),
    headersStart: source.map.toRaw(block.start),
    headersEnd: source.map.toRaw(block.end),
  };
}

/** Recipients a feedback report names: Original-Rcpt-To and Removal-Recipient, else the original's To. */
function feedbackRecipients(view: MessageView, original: OriginalMessage | undefined): RecipientOutcome[] {
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

/** Marks each reporting system leaves in its reports (lower case), most specific first. */
const REPORTERS: readonly (readonly [string, readonly string[]])[] = [
  ['Exchange Online', ['.prod.outlook.com', '.protection.outlook.com', 'office 365', 'microsoft 365', 'exchange online']],
  ['Exchange Server', ['diagnostic information for administrators', 'microsoft exchange', 'x-ms-exchange', 'resolver.adr.', 'storedrv.', 'queue.expired']],
  ['Exchange 2000/2003', ['msexch:', 'did not reach the following recipient']],
  ['Gmail', ['googlemail.com', 'mailer-daemon@google.com', 'delivery to the following recipient failed permanently', 'the response from the remote server was']],
  ['Yahoo', ['yahoo']],
  ['Postfix', ['this is the mail system at host', 'x-postfix', 'postfix']],
  ['Exim', ['x-failed-recipients', 'this message was created automatically by mail delivery software', 'exim']],
  ['qmail', ['qmail-send program', '--- below this line is a copy of the message']],
  ['Sendmail', ['transcript of session follows', 'the following addresses had permanent fatal errors', 'sendmail']],
  ['Lotus Domino', ['domino', 'lotus notes']],
  ['Amazon SES', ['amazonses.com']],
];

function recogniseReporter(view: MessageView, subject: string, from: string): string | undefined {
  // The sender, the subject, the first Received headers and X- header names, and the report's opening.
  const fields = view.top.block.fields;
  const received = fields.filter((f) => f.key === 'received').slice(0, 3).map((f) => f.value.slice(0, 200));
  const names = fields.filter((f) => f.key.startsWith('x-')).map((f) => f.key);
  const sample = `${from}\n${subject}\n${received.join('\n')}\n${names.join(' ')}\n${view.reportTexts[0]?.text.slice(0, 800) ?? ''}`.toLowerCase();
  return REPORTERS.find(([, marks]) => marks.some((m) => sample.includes(m)))?.[0];
}

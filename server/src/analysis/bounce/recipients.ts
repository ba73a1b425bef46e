// The recipients of a report and what happened to each: from the delivery-status fields when there
// are any, from the report's text otherwise, each with the codes, the diagnostic, the remote server
// and the reason that describe its failure.

import { bounceReasons } from '../../knowledge/data/bounceReasons';
import { headers, valueOffsetToRaw } from '../../formats/mime/headers';
import { lineAt } from '../../formats/mime/lines';
import type { MappedText } from '../../formats/mime/mappedText';
import { addressIn, findAddresses, sameAddress } from '../../formats/bounce/addresses';
import type { DeliveryStatus, DsnRecipientFields, DsnValue } from '../../formats/bounce/deliveryStatus';
import { locatedAddress, locatedDsn } from '../../formats/bounce/located';
import type { MessageView } from '../../formats/bounce/messageView';
import type { DeliveryAction, Located, OriginalMessage, SmtpStage, Span } from '../../formats/bounce/model';
import { findRecipientBlocks, type RecipientBlock } from '../../formats/bounce/recipientBlocks';
import { evidenceInLine, evidenceInText, type CodeEvidence } from '../../formats/bounce/replyEvidence';
import type { SesNotification } from '../../formats/bounce/sesNotification';
import type { RecipientOutcome } from './bounceAnalysis';
import { chooseCodes } from './chooseCodes';
import { classifyFailure, isHardBounce } from './classify';
import { bareHostLine, remoteHostIn, stageFromTranscript, TRANSCRIPT_MARK } from './mtaFacts';
import { readWording } from './wording';
import { collapseWhiteSpace } from '../../text/whitespace';

/** Characters of diagnostic text kept for display. */
const MAX_DIAGNOSTIC = 600;
/** Characters of the whole report read to classify a lone recipient; reports say why near the top. */
const REPORT_SAMPLE = 1500;
/** Characters of a recipient's block read to classify it; the reason is stated near the address. */
const BLOCK_SAMPLE = 800;
/** Recipients read from one message; mailing-list bounces can name thousands. */
const MAX_RECIPIENTS = 500;

/**
 * The outcome of each recipient of a delivery report. `senders` are the addresses of the sender
 * and of the reporting system, which the report's text names but which did not fail.
 */
export function bounceRecipients(
  view: MessageView, subject: string, senders: readonly string[], original: OriginalMessage | undefined,
  dsns: readonly DeliveryStatus[], reportingMta: Located | undefined,
): RecipientOutcome[] {
  let blocks: { block: RecipientBlock; report: MappedText }[] = [];
  let senderBlocks: { block: RecipientBlock; report: MappedText }[] = [];
  for (const report of view.reportTexts) {
    const found = findRecipientBlocks(report, senders);
    if (found.blocks.length > 0) { blocks = found.blocks.map((block) => ({ block, report })); break; }
    if (senderBlocks.length === 0) senderBlocks = found.senderBlocks.map((block) => ({ block, report }));
  }
  const context: RecipientContext = { view, subject, blocks, blockIndex: undefined, reportingMta, singleRecipient: false };

  const outcomes: RecipientOutcome[] = [];
  const dsnRecipients: DsnRecipientFields[] = [];
  for (const dsn of dsns) for (const fields of dsn.recipients) if (recipientAddress(fields) !== undefined) dsnRecipients.push(fields);
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
      for (const field of headers(view.top.block, 'x-failed-recipients')) for (const hit of findAddresses(field.value)) see(hit.address);
    }
    // The only address the report names may be the sender's own (someone wrote to themselves).
    if (seen.length === 0 && senderBlocks.length > 0) {
      context.blocks = senderBlocks;
      context.blockIndex = undefined;
      for (const { block } of senderBlocks) see(block.address);
    }
    // A report that names nobody is about the returned message's recipient: the one its envelope
    // was received for (its To may be a list's address), else those of its To.
    const envelope = original?.envelopeRecipient;
    const originalTo = envelope ? [envelope.value] : original?.to ? findAddresses(original.to.value).map((hit) => hit.address) : [];
    const fromOriginal = seen.length === 0 && originalTo.length > 0 && originalTo.length <= 5;
    if (fromOriginal) seen.push(...originalTo);
    const originalSpan = fromOriginal ? (envelope ?? original?.to)?.span : undefined;
    context.singleRecipient = seen.length === 1;
    // A delivery-status group that names a mailbox file instead of an address still describes the one recipient.
    const unnamed = dsns.flatMap((d) => d.recipients);
    if (seen.length === 1 && unnamed.length === 1) {
      outcomes.push(fromDsn(unnamed[0]!, context, fromText(seen[0]!, context, originalSpan).recipient));
    } else {
      for (const address of seen.slice(0, MAX_RECIPIENTS)) outcomes.push(fromText(address, context, originalSpan));
    }
  }
  return outcomes;
}

/** The outcomes an Amazon SES notification states: complaints, or bounces read like delivery-status fields. */
export function sesRecipients(ses: SesNotification, view: MessageView, subject: string): RecipientOutcome[] {
  if (ses.type === 'complaint') {
    return ses.recipients.map((r): RecipientOutcome => ({
      recipient: r.recipient, action: 'delivered', reason: 'feedback', reasonBasis: 'Amazon SES complaint notification', hard: false, permanent: false,
      actors: bounceReasons.feedback.actors, anchor: r.recipient.span,
    }));
  }
  const context: RecipientContext = { view, subject, blocks: [], blockIndex: undefined, reportingMta: undefined, singleRecipient: ses.recipients.length === 1 };
  return ses.recipients.map((r) => {
    const evidence: CodeEvidence[] = [];
    if (r.status) evidence.push({ source: 'status-field', enhanced: r.status, nested: false, continuation: false, remote: false, order: 0 });
    if (r.diagnostic) {
      const diagnostic = r.diagnostic;
      const offset = diagnostic.value.indexOf(';') + 1;
      evidence.push(...evidenceInLine(diagnostic.value.slice(offset).trimStart(), (o) => diagnostic.span.start + offset + (diagnostic.value.slice(offset).length - diagnostic.value.slice(offset).trimStart().length) + o, 'diagnostic-code', 100));
    }
    return finish({ recipient: r.recipient, action: r.action, evidence, diagnostic: r.diagnostic, blocks: [] }, context);
  });
}

interface RecipientContext {
  readonly view: MessageView;
  readonly subject: string;
  blocks: readonly { block: RecipientBlock; report: MappedText }[];
  /** The blocks by lower-case address, built at the first lookup (see blocksOf). */
  blockIndex: Map<string, { block: RecipientBlock; report: MappedText }[]> | undefined;
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
  let index = context.blockIndex;
  if (!index) {
    index = new Map();
    for (const entry of context.blocks) {
      const key = entry.block.address.toLowerCase();
      const list = index.get(key) ?? [];
      if (list.length < MAX_BLOCKS_PER_RECIPIENT) list.push(entry);
      index.set(key, list);
    }
    context.blockIndex = index;
  }
  const own = index.get(address.toLowerCase()) ?? [];
  const other = otherAddress && !sameAddress(address, otherAddress) ? index.get(otherAddress.toLowerCase()) ?? [] : [];
  if (other.length === 0) return own;
  return [...own, ...other].sort((a, b) => a.block.start - b.block.start).slice(0, MAX_BLOCKS_PER_RECIPIENT);
}

function recipientAddress(fields: DsnRecipientFields): string | undefined {
  return addressOf(fields.finalRecipient) ?? addressOf(fields.originalRecipient) ?? addressOf(fields.actualRecipient);
}

const addressOf = (value: DsnValue | undefined): string | undefined => (value ? addressIn(value.value) : undefined);

/** A Final-Recipient with a source route ("@relay:bob@host") is the relay's view; the original is better. */
function isRoutedAddress(value: DsnValue | undefined, address: Located | undefined): boolean {
  if (!value || !address) return false;
  return value.value.trimStart().startsWith('@') && address.value.length > 0;
}

const ACTIONS: readonly DeliveryAction[] = ['failed', 'delayed', 'delivered', 'relayed', 'expanded'];

function fromDsn(fields: DsnRecipientFields, context: RecipientContext, named?: Located): RecipientOutcome {
  const originalAddress = locatedAddress(fields.originalRecipient);
  let finalAddress = named ?? locatedAddress(fields.finalRecipient) ?? locatedAddress(fields.actualRecipient) ?? originalAddress!;
  if (originalAddress && isRoutedAddress(fields.finalRecipient, finalAddress) && !isRoutedAddress(fields.originalRecipient, originalAddress)) {
    finalAddress = originalAddress;
  }
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
    localProgram: fields.diagnosticCode?.type === 'x-unix',
  }, context);
}

function fromText(address: string, context: RecipientContext, originalSpan?: Span): RecipientOutcome {
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
    : { value: address, span: originalSpan ?? failedRecipientsSpan(context.view, address) };
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

function inferAction(
  evidence: readonly CodeEvidence[], context: RecipientContext, blocks: readonly { block: RecipientBlock; report: MappedText }[],
): DeliveryAction {
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
  /** The Diagnostic-Code is a local program's exit status (type X-Unix). */
  readonly localProgram?: boolean;
}

function finish(facts: RecipientFacts, context: RecipientContext): RecipientOutcome {
  const expectClass = facts.action === 'failed' ? '5' : facts.action === 'delayed' ? '4' : '2';
  const chosen = chooseCodes(facts.evidence, expectClass);
  const diagnostic = facts.diagnostic ?? textDiagnostic(facts, chosen.from);
  const remoteMta = facts.remoteMta ?? remoteFromBlocks(facts.blocks);
  const blockSample = facts.blocks.map(({ block, report }) => report.text.slice(block.start, Math.min(block.end, block.start + BLOCK_SAMPLE))).join('\n');
  const near = [readWording(diagnostic?.value ?? ''), readWording(blockSample)];
  const stage = near[0]!.stage ?? near[1]!.stage ?? transcriptStage(diagnostic?.value ?? '', blockSample);
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
    localProgram: facts.localProgram,
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

/** The stage of the last ">>> COMMAND" line of the diagnostic and the block read as one text, joined only when one holds such a line. */
function transcriptStage(diagnostic: string, blockSample: string): SmtpStage | undefined {
  return diagnostic.includes(TRANSCRIPT_MARK) || blockSample.includes(TRANSCRIPT_MARK) ? stageFromTranscript(`${diagnostic}\n${blockSample}`) : undefined;
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
  /** The length of `lines` joined by spaces, kept as they are added rather than joined at every line. */
  let joinedLength = -1;
  let end = start;
  let pos = start;
  let blankRun = 0;
  while (pos < block.end && Math.max(0, joinedLength) < MAX_DIAGNOSTIC) {
    const line = lineAt(text, pos, block.end);
    const content = text.slice(line.start, line.end).trim();
    if (content.length === 0) {
      if (lines.length > 0 && ++blankRun >= 1) break;
    } else {
      blankRun = 0;
      lines.push(content);
      joinedLength += content.length + 1;
      end = line.end;
    }
    pos = line.next;
  }
  if (lines.length === 0) return undefined;
  const value = collapseWhiteSpace(lines.join(' ')).slice(0, MAX_DIAGNOSTIC);
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
      if (found) {
        const start = line.start + found.start;
        return { value: found.host, span: { start: report.toRaw(start), end: report.toRaw(start + found.host.length) } };
      }
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

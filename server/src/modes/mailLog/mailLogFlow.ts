// The mail flow report's records of a Postfix, Exim or Sendmail log: read from the index the
// Problems panel uses (built once per version, in the same cancellable slices), with each
// recipient's reason, codes and who acts taken from the problem the panel shows for it, so the
// report and the panel never disagree.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CancellationToken, SlicedWork, type YieldControl } from '../../common/cancellation';
import type { FlowCommand, FlowMessage, FlowOutcome, FlowRecipient, FlowRecords, FlowRejection } from '../../common/mailFlow';
import type { ProblemFields } from '../../common/problemFields';
import type { MessageTrail, RecipientOutcomeKind, RecipientTrail } from '../../analysis/mailLog/messageTrail';
import { BLOCKED_USING } from '../../formats/mailLog/lineEvents';
import { LineHeadReader } from '../../formats/mailLog/lineHead';
import { DELAYS_PARTS } from '../../knowledge/data/mailLogFields';
import { lineProblem, recipientProblemFields, wholeLine } from './mailLogDiagnostics';
import { builtIndex, type MailLogIndex, MailLogIndexBuilder, rememberIndex } from './mailLogIndex';
import { formatDuration } from './mailLogText';
import { traceShellScript } from './traceShellScript';

const LINES_PER_SLICE = 5000;
const TRAILS_PER_SLICE = 2000;

const OUTCOME: Readonly<Record<RecipientOutcomeKind, FlowOutcome>> = {
  delivered: 'delivered', bounced: 'failed', expired: 'expired', deferred: 'deferred', unknown: 'unknown',
};

export async function mailLogFlow(document: TextDocument, token: CancellationToken | undefined, yieldControl: YieldControl): Promise<FlowRecords> {
  const slices = new SlicedWork(1, token, yieldControl);
  let index = builtIndex(document);
  if (!index) {
    const builder = new MailLogIndexBuilder(document);
    while (!builder.step(LINES_PER_SLICE)) {
      if (slices.step() && !(await slices.next())) return cancelled();
    }
    index = builder.index;
    rememberIndex(document, index);
  }
  const messages: FlowMessage[] = [];
  const recipients: FlowRecipient[] = [];
  // recipients[i] came from decided[i]: the slowest part is put in words only when the report asks.
  const decided: RecipientTrail[] = [];
  let startsBefore = 0;
  let recipientsDropped = 0;
  for (let i = 0; i < index.trails.length; i++) {
    if (i % TRAILS_PER_SLICE === TRAILS_PER_SLICE - 1 && !(await slices.next())) return cancelled();
    const trail = index.trails[i]!;
    if (!trail.startSeen) startsBefore++;
    recipientsDropped += trail.recipientsDropped;
    messages.push({
      key: trail.id, sender: trail.sender, messageid: trail.messageId,
      // A message whose arrival is not in the log was received before it: not counted as received here.
      receivedMs: trail.startSeen ? trail.firstMs : undefined,
      size: trail.size, recipientCount: trail.nrcpt ?? (trail.recipients.length + trail.recipientsDropped), line: trail.firstLine,
    });
    for (const recipient of trail.recipients) {
      recipients.push(flowRecipient(trail, recipient));
      decided.push(recipient);
    }
  }
  const text = document.getText();
  const heads = new HeadTimes(text, index);
  const rejections: FlowRejection[] = [];
  for (const { line, event } of index.lineProblems) {
    if (event.kind !== 'reject') continue;
    const data = lineProblem(event, () => wholeLine(line), () => '')?.data as ProblemFields | undefined;
    rejections.push({ ...data, client: event.client, blockList: event.blocklist, timeMs: heads.timeAt(line), line });
  }
  return {
    messages, recipients, rejections,
    ...(heads.first ? { timesInUtc: heads.first.zoned } : {}),
    notes: notesOf(index, heads, startsBefore, recipientsDropped),
    slowestPartOf: (i) => (recipients[i]?.outcome === 'delivered' ? slowestPart(decided[i]?.delays) : undefined),
    lookFurther: (recipient) => traceCommand(firstTrails(index).get(recipient.key)),
  };
}

function flowRecipient(trail: MessageTrail, recipient: RecipientTrail): FlowRecipient {
  const outcome = OUTCOME[recipient.outcome];
  const settledMs = recipient.lastAttemptMs ?? (outcome === 'unknown' ? undefined : trail.lastMs);
  const delivered = outcome === 'delivered';
  // The log's own delay= (Postfix, Sendmail); else the time from the arrival line to the delivery.
  const delayMs = !delivered ? undefined : recipient.delay !== undefined ? recipient.delay * 1000
    : trail.startSeen && trail.firstMs !== undefined && settledMs !== undefined ? settledMs - trail.firstMs : undefined;
  const deferrals = recipient.deferrals || undefined;
  const firstDeferredMs = outcome === 'deferred' ? recipient.firstAttemptMs : undefined;
  const destination = relayHost(recipient.relay);
  const blockList = recipient.reply !== undefined && !delivered ? BLOCKED_USING.exec(recipient.reply)?.[1] : undefined;
  const line = recipient.decisiveLine;
  const data = recipientProblemFields(trail, recipient);
  // Most recipients have no problem: one object literal of a fixed shape, in the fields' order.
  if (!data) {
    return {
      recipient: recipient.address, sender: trail.sender, queueid: trail.id,
      key: trail.id, outcome, settledMs, delayMs, deferrals, firstDeferredMs, destination, blockList, line,
    };
  }
  return { ...data, key: trail.id, recipient: recipient.address, outcome, settledMs, delayMs, deferrals, firstDeferredMs, destination, blockList, line };
}

/** "in the queue manager (delays= b) 41 s": the largest of Postfix's delays=a/b/c/d, in words (knowledge/data/mailLogFields). */
export function slowestPart(delays: string | undefined): string | undefined {
  if (!delays) return undefined;
  const seconds = delays.split('/', 5).map(Number);
  if (seconds.length !== 4 || seconds.some((n) => !Number.isFinite(n) || n < 0)) return undefined;
  const slowest = seconds.indexOf(Math.max(...seconds));
  if (!(seconds[slowest]! > 0)) return undefined;
  return `${DELAYS_PARTS[slowest]!.title} (delays= ${'abcd'[slowest]!}) ${formatDuration(seconds[slowest]!)}`;
}

/** The first trail of each queue id, made when the report first looks further (for a few rows only). */
const firstTrailsOf = new WeakMap<MailLogIndex, Map<string, MessageTrail>>();
function firstTrails(index: MailLogIndex): Map<string, MessageTrail> {
  let byId = firstTrailsOf.get(index);
  if (!byId) {
    byId = new Map();
    for (const trail of index.trails) if (!byId.has(trail.id)) byId.set(trail.id, trail);
    firstTrailsOf.set(index, byId);
  }
  return byId;
}

/** The relay's host name without its [address]:port; undefined for "none" and local deliveries that name no host. */
function relayHost(relay: string | undefined): string | undefined {
  if (!relay) return undefined;
  const host = relay.replace(/\[.*$/, '').trim();
  return host && host !== 'none' ? host : undefined;
}

/** The "Trace this message" quick fix's script for the trail of a queue id. */
function traceCommand(trail: MessageTrail | undefined): FlowCommand | undefined {
  const text = trail && traceShellScript({ system: trail.system, id: trail.id, instance: trail.instance || undefined, messageId: trail.messageId });
  return text ? { language: 'shellscript', text } : undefined;
}

/** Times of lines outside trails (rejects), read from their heads with the year the index inferred for them. */
class HeadTimes {
  /** The head of the log's first mail line. */
  readonly first?: { readonly zoned: boolean; readonly yearInferred: boolean; readonly year: number };

  constructor(private readonly text: string, private readonly index: MailLogIndex) {
    const firstLine = Math.min(index.trails[0]?.firstLine ?? Infinity, index.lineProblems[0]?.line ?? Infinity);
    if (Number.isFinite(firstLine)) {
      const head = this.head(firstLine);
      if (head) this.first = { zoned: head.time.zoned, yearInferred: head.time.yearInferred, year: new Date(head.time.epochMs).getUTCFullYear() };
    }
  }

  timeAt(line: number): number | undefined {
    return this.head(line)?.time.epochMs;
  }

  private head(line: number) {
    const { lineStarts, yearChanges, referenceYear } = this.index;
    let year = referenceYear;
    for (const change of yearChanges) {
      if (change.line > line) break;
      year = change.year;
    }
    const start = lineStarts[line];
    if (start === undefined) return undefined;
    const next = lineStarts[line + 1];
    const end = next !== undefined && next > start ? next - 1 : this.text.length;
    return new LineHeadReader(year).read(this.text, start, end);
  }
}

function notesOf(index: MailLogIndex, heads: HeadTimes, startsBefore: number, recipientsDropped: number): string[] {
  const notes: string[] = [];
  if (heads.first?.yearInferred) {
    const changes = index.yearChanges.map((c) => `${c.year} from line ${c.line + 1}`).join(', ');
    notes.push(`The time stamps have no year: read as ${heads.first.year}${changes ? ` (${changes})` : ''}.`);
  }
  if (heads.first && !heads.first.zoned) notes.push('Times are the server\'s local time: the log does not name its offset from UTC.');
  if (startsBefore > 0) notes.push(`${startsBefore} message${startsBefore === 1 ? '' : 's'} entered the queue before the log starts: not counted as received.`);
  if (index.evicted > 0) notes.push(`${index.evicted} messages were open when more than the most we follow at once were; their recipients without a final status are counted as unknown.`);
  if (recipientsDropped > 0) notes.push(`${recipientsDropped} recipients past the bound per message were not followed.`);
  if (index.lineProblemsDropped > 0) notes.push(`${index.lineProblemsDropped} connection lines (rejects among them) past the bound were not counted.`);
  return notes;
}

function cancelled(): FlowRecords {
  return { messages: [], recipients: [], rejections: [], notes: ['cancelled'] };
}


// Filter Lines (#15) in Postfix, Exim and Sendmail logs, from the index the Problems panel builds:
// each line's own event (status=, =>, **, ==; to=, from=, dsn=, client=) read by the same line
// parser, the message it belongs to (its sender and client count for every line of its trail), and
// for `id` every line of the trail with its bounce notification.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CancellationToken, SlicedWork, type YieldControl } from '../../common/cancellation';
import { CharCode } from '../../common/charCode';
import { FILTER_FIELDS, type FilterField, type LineQuery } from '../../common/lineQuery';
import { type LineHead, LineHeadReader } from '../../formats/mailLog/lineHead';
import { type MailEvent, readEvent } from '../../formats/mailLog/lineEvents';
import { clientParts, type FilterOutcome, type FilterRecords, runLineFilter } from '../shared/lineFilter';
import { builtIndex, type MailLogIndex, MailLogIndexBuilder, rememberIndex, trailLookups } from './mailLogIndex';
import { readOutcome } from './outcomeReading';

const FIELDS: ReadonlySet<FilterField> = new Set(FILTER_FIELDS);
const LINES_PER_SLICE = 5000;

/** What each attempt status counts as: the mail flow report's outcome words first, then the log's own. */
const ATTEMPT_STATUS: Readonly<Record<string, readonly string[]>> = {
  sent: ['delivered', 'sent'], deferred: ['deferred'], bounced: ['failed', 'bounced'], expired: ['expired'],
};

export async function filterMailLog(
  document: TextDocument, query: LineQuery, limit: number, token: CancellationToken | undefined, yieldControl: YieldControl,
): Promise<FilterOutcome> {
  const index = await indexInSlices(document, token, yieldControl);
  if (!index) return { lines: [], total: 0 };
  return runLineFilter(new MailLogLines(document.getText(), index), query, limit, token, yieldControl);
}

/** The index of this version, built in the validation's slices when no request built it yet. */
async function indexInSlices(document: TextDocument, token: CancellationToken | undefined, yieldControl: YieldControl): Promise<MailLogIndex | undefined> {
  const known = builtIndex(document);
  if (known) return known;
  const builder = new MailLogIndexBuilder(document);
  const slices = new SlicedWork(1, token, yieldControl);
  while (!builder.step(LINES_PER_SLICE)) {
    if (slices.step() && !(await slices.next())) return undefined;
  }
  rememberIndex(document, builder.index);
  return builder.index;
}

interface LineRead {
  readonly head: LineHead;
  readonly event: MailEvent;
}

class MailLogLines implements FilterRecords {
  readonly family = 'mail logs';
  readonly fields = FIELDS;
  readonly count: number;
  private readonly heads = new LineHeadReader();
  private lastLine = -1;
  private last: LineRead | undefined;

  constructor(private readonly content: string, private readonly index: MailLogIndex) {
    this.count = index.lineStarts.length;
  }

  lines(record: number): { line: number; count: number } {
    return { line: record, count: 1 };
  }

  text(record: number): string {
    return this.content.slice(this.index.lineStarts[record]!, this.contentEnd(record));
  }

  values(record: number, field: Exclude<FilterField, 'id'>): readonly string[] {
    const read = this.read(record);
    const trailIndex = this.index.lineTrail[record]!;
    const trail = trailIndex >= 0 ? this.index.trails[trailIndex] : undefined;
    if (field === 'sender') return [...(read ? senderOf(read.event) : []), ...(trail?.sender !== undefined ? [trail.sender] : [])];
    if (field === 'client') return [...(read ? clientOf(read.event) : []), ...(trail?.client ? [trail.client] : [])].flatMap(clientParts);
    if (!read) return [];
    const { head, event } = read;
    switch (field) {
      case 'event': return head.programStart >= 0 ? [head.daemon, this.content.slice(head.programStart, head.programEnd)] : [head.daemon];
      case 'status':
        if (event.kind === 'attempt') return ATTEMPT_STATUS[event.status] ?? [event.status];
        if (event.kind === 'expired-all') return ['expired'];
        return event.kind === 'reject' ? ['rejected'] : [];
      case 'recipient':
        if (event.kind === 'attempt') return event.origTo ? [event.recipient, event.origTo] : [event.recipient];
        if (event.kind === 'reject') return event.recipient ? [event.recipient] : [];
        return event.kind === 'arrival' ? event.recipients : [];
      case 'code': case 'reason': {
        if (event.kind === 'attempt' && event.status === 'sent') return field === 'code' && event.dsn ? [event.dsn] : [];
        const reading = readingOf(event);
        if (!reading) return [];
        if (field === 'reason') return [reading.reason];
        const dsn = event.kind === 'attempt' && event.dsn ? [event.dsn] : [];
        return [...dsn, ...(reading.basic ? [reading.basic] : []), ...(reading.enhanced && reading.enhanced !== dsn[0] ? [reading.enhanced] : [])];
      }
    }
  }

  async recordsOfIds(matches: (id: string) => boolean, slices: SlicedWork): Promise<ReadonlySet<number> | undefined> {
    const { trails, mentions, lineTrail } = this.index;
    const lookups = trailLookups(this.index);
    const chosen = new Set<number>();
    const ids = new Set<string>();
    for (let t = 0; t < trails.length; t++) {
      if (slices.step() && !(await slices.next())) return undefined;
      const trail = trails[t]!;
      if (!matches(trail.id) && !(trail.messageId && matches(trail.messageId))) continue;
      chosen.add(t);
      ids.add(trail.id);
      // The bounce or delay notification it caused is a message of its own, with a queue id of its own.
      for (const notification of trail.notifications) for (const n of lookups.withId(notification.id)) chosen.add(n);
    }
    for (let t = 0; t < trails.length; t++) {
      const reportsOn = trails[t]!.reportsOn;
      if (reportsOn !== undefined && ids.has(reportsOn)) chosen.add(t);
    }
    const records = new Set<number>();
    for (let line = 0; line < lineTrail.length; line++) {
      if (slices.step() && !(await slices.next())) return undefined;
      if (chosen.has(lineTrail[line]!)) records.add(line);
    }
    for (const id of ids) for (const line of mentions.get(id) ?? []) records.add(line);
    return records;
  }

  private contentEnd(record: number): number {
    const next = record + 1 < this.count ? this.index.lineStarts[record + 1]! - 1 : this.content.length;
    return next > 0 && this.content.charCodeAt(next - 1) === CharCode.CarriageReturn ? next - 1 : next;
  }

  /** The line's head and event, read once for all the fields asked of it. */
  private read(record: number): LineRead | undefined {
    if (record === this.lastLine) return this.last;
    const start = this.index.lineStarts[record]!;
    const end = this.contentEnd(record);
    const head = this.heads.read(this.content, start, end);
    this.lastLine = record;
    this.last = head ? { head, event: readEvent(this.content, head, end) } : undefined;
    return this.last;
  }
}

function senderOf(event: MailEvent): string[] {
  switch (event.kind) {
    case 'sender': case 'arrival': return [event.sender];
    case 'pickup': case 'reject': return event.sender !== undefined ? [event.sender] : [];
    default: return [];
  }
}

function clientOf(event: MailEvent): string[] {
  switch (event.kind) {
    case 'client': return [event.client];
    case 'arrival': case 'reject': case 'auth-failure': case 'tls-failure': case 'lost-connection': case 'blocklist':
      return event.client ? [event.client] : [];
    default: return [];
  }
}

/** The reading the Problems panel gives a failed, deferred or refused line: its codes and reason. */
function readingOf(event: MailEvent): ReturnType<typeof readOutcome> | undefined {
  if (event.kind === 'attempt') return readOutcome(event.reply, event.dsn, event.relay, event.recipient, event.status !== 'deferred');
  if (event.kind === 'reject') return readOutcome(event.reply, undefined, undefined, event.recipient ?? '', true);
  return undefined;
}

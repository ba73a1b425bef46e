// The mail flow report's engine (#15): the records each family read from its sources in, the
// aggregates every rendering shows out. Pure and synchronous (the language service yields between
// sources). Every table is bounded in distinct keys (the rest counted as "(other)") and sorted the
// same way on every run: count descending, then label.

import type {
  DeferralRow, DomainRow, FailedRecipientRow, FlowPlace, FlowRecipient, FlowRecords, FlowRejection, MailFlowReport,
  ReasonRow, ReportSource, ReportTotals, SkippedSource,
} from '../../common/mailFlow';
import { compareText, CountTable, countRows, OTHER_LABEL, type Tally, withQuery } from './countTable';
import { domainTerm, freeText, query, term } from './flowQueries';
import { DelayTally, Timeline } from './flowTimeline';
import { lookFurther } from './lookFurther';

export interface SourceRecords {
  readonly source: ReportSource;
  readonly records: FlowRecords;
}

export const REPORT_LIMITS = {
  /** Distinct keys one table keeps (senders, clients, domains, ...); later keys count as "(other)". */
  maxKeys: 10_000,
  /** Rows a table shows; the rest is one "(other)" row. */
  rows: 25,
  /** Failed recipients listed; `total` counts all. */
  failedRows: 1_000,
  /** A last reply longer than this is cut for the deferral queue's key and label. */
  replyChars: 200,
} as const;

interface ReasonTally extends Tally { hard: number; soft: number }
interface DomainTally extends Tally { failed: number; deferred: number }
interface DeferralTally extends Tally {
  readonly destination: string;
  readonly byDomain: boolean;
  readonly lastReply: string;
  oldestMs?: number;
  oldestAgeMs?: number;
  oldest: { readonly source: number; readonly recipient: FlowRecipient };
}

export function buildMailFlowReport(inputs: readonly SourceRecords[], skipped: readonly SkippedSource[] = []): MailFlowReport {
  const ends = inputs.map(({ records }) => timeRange(records));
  const firstMs = min(ends.map((e) => e.firstMs));
  const lastMs = max(ends.map((e) => e.lastMs));
  const timeline = new Timeline(firstMs, lastMs);
  const totals: { -readonly [K in keyof ReportTotals]: number } = {
    messages: 0, recipients: 0, delivered: 0, failed: 0, expired: 0, deferred: 0, quarantined: 0, rejected: 0, unknown: 0,
  };
  const { maxKeys } = REPORT_LIMITS;
  const reasons = new CountTable<ReasonTally>(maxKeys);
  const codes = new CountTable(maxKeys);
  const domains = new CountTable<DomainTally>(maxKeys);
  const otherDomains = { failed: 0, deferred: 0 };
  const deferrals = new CountTable<DeferralTally>(maxKeys);
  const senders = new CountTable(maxKeys);
  const clients = new CountTable(maxKeys);
  const blockLists = new CountTable(maxKeys);
  const delays = new DelayTally();
  const failedRows: (FailedRecipientRow & { readonly at: FlowPlace })[] = [];
  let failedTotal = 0;

  inputs.forEach(({ records }, source) => {
    const place = (line: number): FlowPlace => ({ source, line });
    totals.messages += records.messages.length;
    for (const message of records.messages) {
      timeline.add('received', message.receivedMs);
      senders.add(message.sender === undefined ? '(unknown sender)' : message.sender || '<>', place(message.line));
    }
    for (let index = 0; index < records.recipients.length; index++) {
      const recipient = records.recipients[index]!;
      const at = place(recipient.line);
      totals.recipients++;
      totals[recipient.outcome]++;
      const failed = recipient.outcome === 'failed' || recipient.outcome === 'expired';
      if (recipient.outcome === 'delivered') {
        timeline.add('delivered', recipient.settledMs);
        if (recipient.delayMs !== undefined) {
          delays.add(recipient.delayMs, () => {
            const slowestPart = recipient.slowestPart ?? records.slowestPartOf?.(index);
            return withQuery({ key: recipient.key, recipient: recipient.recipient, ...(slowestPart ? { slowestPart } : {}), at }, query(term('id', recipient.key)));
          });
        }
      } else if (failed) {
        timeline.add('failed', recipient.settledMs);
        countFailure(recipient, at);
      } else if (recipient.outcome === 'deferred') {
        timeline.add('deferred', recipient.settledMs);
        countDeferral(recipient, source, at, ends[source]!.lastMs);
      }
      if (failed || recipient.outcome === 'deferred') countDomain(recipient.recipient, failed, at);
      if (recipient.blockList) blockLists.add(recipient.blockList, at);
      if (failed || recipient.outcome === 'rejected' || recipient.outcome === 'quarantined') {
        listFailed(() => ({
          recipient: recipient.recipient, outcome: recipient.outcome, ...problemColumns(recipient), timeMs: recipient.settledMs, at,
          query: query(term('id', recipient.key), term('recipient', recipient.recipient)),
        }));
      }
    }
    totals.rejected += records.rejections.length;
    for (const rejection of records.rejections) {
      const at = place(rejection.line);
      if (rejection.client) clients.add(rejection.client, at);
      if (rejection.blockList) blockLists.add(rejection.blockList, at);
      const refused = rejection.recipient;
      if (refused) {
        listFailed(() => ({
          recipient: refused, outcome: 'rejected', ...problemColumns(rejection), timeMs: rejection.timeMs, at,
          query: query(term('recipient', refused), term('client', rejection.client)),
        }));
      }
    }
  });

  function countFailure(recipient: FlowRecipient, at: FlowPlace): void {
    const reason = reasons.tally(recipient.reason ?? '(no reason)', () => ({ count: 0, hard: 0, soft: 0, at }));
    if (reason) {
      reason.count++;
      if (recipient.hardbounce === true) reason.hard++;
      else if (recipient.hardbounce === false) reason.soft++;
    } else reasons.other++;
    codes.add(recipient.deliverystatus ?? recipient.replycode ?? recipient.transportstring ?? '(no code)', at);
  }

  function countDomain(address: string, failed: boolean, at: FlowPlace): void {
    const tally = domains.tally(domainOf(address), () => ({ count: 0, failed: 0, deferred: 0, at }));
    const target = tally ?? otherDomains;
    if (failed) target.failed++;
    else target.deferred++;
    if (tally) tally.count++;
  }

  function countDeferral(recipient: FlowRecipient, source: number, at: FlowPlace, sourceEnd: number | undefined): void {
    const byDomain = !recipient.destination;
    const destination = recipient.destination || domainOf(recipient.recipient);
    const lastReply = replyLabel(recipient.diagnosticcode ?? '');
    const key = `${destination}\u0000${lastReply}`;
    const tally = deferrals.tally(key, () => ({ count: 0, at, destination, byDomain, lastReply, oldest: { source, recipient } }));
    if (!tally) { deferrals.other++; return; }
    tally.count++;
    const since = recipient.firstDeferredMs ?? recipient.settledMs;
    if (since !== undefined && (tally.oldestMs === undefined || since < tally.oldestMs)) {
      tally.oldestMs = since;
      tally.oldest = { source, recipient };
      if (sourceEnd !== undefined) tally.oldestAgeMs = Math.max(0, sourceEnd - since);
    }
  }

  /** Counts a failed recipient; its row is built only while the list has room. */
  function listFailed(row: () => FailedRecipientRow & { readonly at: FlowPlace }): void {
    failedTotal++;
    if (failedRows.length < REPORT_LIMITS.failedRows) failedRows.push(withoutEmpty(row()));
  }

  const { rows } = REPORT_LIMITS;
  return {
    sources: inputs.map(({ source }) => source),
    skipped,
    ...(firstMs !== undefined && lastMs !== undefined
      ? { span: { firstMs, lastMs, timesInUtc: inputs.every(({ records }, i) => records.timesInUtc === true || ends[i]!.firstMs === undefined) } }
      : {}),
    totals,
    timeline: { unit: timeline.unit, buckets: timeline.buckets() },
    failureReasons: reasonRows(reasons, rows),
    failureCodes: countRows(codes, rows, (code) => (code === '(no code)' ? undefined : term('code', code))),
    domains: domainRows(domains, otherDomains, rows),
    deferrals: deferralRows(deferrals, inputs, rows),
    delays: delays.summary(),
    // The null sender is no value a sender term can name: its row links to its first line only.
    topSenders: countRows(senders, rows, (sender) => (sender === '(unknown sender)' || sender === '<>' ? undefined : term('sender', sender))),
    rejectedClients: countRows(clients, rows, (client) => term('client', client)),
    blockLists: countRows(blockLists, rows, (list) => freeText(list)),
    failedRecipients: { rows: failedRows.sort((a, b) => a.at.source - b.at.source || a.at.line - b.at.line), total: failedTotal },
  };
}

/** The bounce engine's word (Sisimai's) for a failure whose cause it could not tell; read as a bug when shown bare. */
const UNDETERMINED = 'undefined';
const UNDETERMINED_LABEL = 'undefined (no known reason in the reply)';

function reasonRows(table: CountTable<ReasonTally>, rows: number): ReasonRow[] {
  const { top, rest } = table.sorted(rows);
  const out: ReasonRow[] = top.map(([reason, tally]) => {
    const hardbounce = tally.hard === tally.count ? true : tally.soft === tally.count ? false : undefined;
    const label = reason === UNDETERMINED ? UNDETERMINED_LABEL : reason;
    const row = { label, count: tally.count, at: tally.at, ...(hardbounce === undefined ? {} : { hardbounce }) };
    return withQuery(row, reason === '(no reason)' ? undefined : term('reason', reason));
  });
  if (rest > 0) out.push({ label: OTHER_LABEL, count: rest });
  return out;
}

function domainRows(table: CountTable<DomainTally>, other: { failed: number; deferred: number }, rows: number): DomainRow[] {
  const { top } = table.sorted(rows);
  const out: DomainRow[] = top.map(([domain, tally]) => withQuery(
    { domain, failed: tally.failed, deferred: tally.deferred, at: tally.at }, domainTerm(domain),
  ));
  let failed = other.failed;
  let deferred = other.deferred;
  const shown = new Set(top.map(([domain]) => domain));
  for (const [domain, tally] of table.entries()) {
    if (shown.has(domain)) continue;
    failed += tally.failed;
    deferred += tally.deferred;
  }
  if (failed + deferred > 0) out.push({ domain: OTHER_LABEL, failed, deferred });
  return out;
}

function deferralRows(table: CountTable<DeferralTally>, inputs: readonly SourceRecords[], rows: number): DeferralRow[] {
  const sorted = [...table.entries()].sort((a, b) => b[1].count - a[1].count || compareText(a[0], b[0]));
  const out: DeferralRow[] = sorted.slice(0, rows).map(([, tally]) => {
    const input = inputs[tally.oldest.source]!;
    const command = lookFurther(input.source.language, input.records, tally.oldest.recipient);
    return withQuery({
      destination: tally.destination, lastReply: tally.lastReply, count: tally.count, at: tally.at,
      ...(tally.oldestAgeMs !== undefined ? { oldestAgeMs: tally.oldestAgeMs } : {}),
      ...(command ? { command } : {}),
    }, query(term('status', 'deferred'), tally.byDomain ? domainTerm(tally.destination) : freeText(tally.destination)));
  });
  let rest = table.other;
  for (let i = rows; i < sorted.length; i++) rest += sorted[i]![1].count;
  if (rest > 0) out.push({ destination: OTHER_LABEL, lastReply: '', count: rest });
  return out;
}

/** The code, reason and who acts of a failed recipient or a rejection, from its problem fields. */
function problemColumns(fields: FlowRecipient | FlowRejection): Pick<FailedRecipientRow, 'code' | 'reason' | 'whoacts'> {
  return { code: fields.deliverystatus ?? fields.replycode ?? fields.transportstring, reason: fields.reason, whoacts: fields.whoacts };
}

/** The first and last time a source's records name. */
function timeRange(records: FlowRecords): { firstMs?: number; lastMs?: number } {
  let firstMs: number | undefined;
  let lastMs: number | undefined;
  const see = (ms: number | undefined): void => {
    if (ms === undefined || !Number.isFinite(ms)) return;
    if (firstMs === undefined || ms < firstMs) firstMs = ms;
    if (lastMs === undefined || ms > lastMs) lastMs = ms;
  };
  for (const message of records.messages) see(message.receivedMs);
  for (const recipient of records.recipients) {
    see(recipient.settledMs);
    see(recipient.firstDeferredMs);
  }
  for (const rejection of records.rejections) see(rejection.timeMs);
  return { firstMs, lastMs };
}

function min(values: (number | undefined)[]): number | undefined {
  let out: number | undefined;
  for (const v of values) if (v !== undefined && (out === undefined || v < out)) out = v;
  return out;
}

function max(values: (number | undefined)[]): number | undefined {
  let out: number | undefined;
  for (const v of values) if (v !== undefined && (out === undefined || v > out)) out = v;
  return out;
}

/** The recipient domain, lower-cased; "(no domain)" for an address without one. */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return '(no domain)';
  const domain = address.endsWith('>') ? address.slice(at + 1, -1) : address.slice(at + 1);
  return domain.toLowerCase() || '(no domain)';
}

/** Labels of the replies seen last: logs repeat the same few, so each is flattened once (bounded). */
const replyLabels = new Map<string, string>();
const MAX_REPLY_LABELS = 1024;

/** A reply on one line with single spaces, cut to REPORT_LIMITS.replyChars; "(no reply logged)" for none. */
function replyLabel(reply: string): string {
  const known = replyLabels.get(reply);
  if (known !== undefined) return known;
  const flat = reply.slice(0, REPORT_LIMITS.replyChars * 2).replace(/\s+/g, ' ').trim();
  const label = (flat.length > REPORT_LIMITS.replyChars ? `${flat.slice(0, REPORT_LIMITS.replyChars - 3)}...` : flat) || '(no reply logged)';
  if (reply.length <= REPORT_LIMITS.replyChars * 2) {
    if (replyLabels.size >= MAX_REPLY_LABELS) replyLabels.clear();
    replyLabels.set(reply, label);
  }
  return label;
}

function withoutEmpty<T extends object>(row: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) if (value !== undefined && value !== '') out[key] = value;
  return out as T;
}


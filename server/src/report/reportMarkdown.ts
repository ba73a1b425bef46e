// The mail flow report as Markdown, for a ticket: the same aggregates as the pages, as GFM tables.
// Every value goes through text/markdown.ts, so a "|" in a value stays in its cell and nothing from
// a document becomes a link, an image or HTML.

import type { CountRow, MailFlowReport } from '../common/mailFlow';
import { joinMarkdown, lines, type Markdown, md, tableCode, text } from '../text/markdown';
import { clockName, formatCount, formatDateTime, formatDuration, formatTime, timelineColumn } from './format';
import { placeText } from './links';

type MarkdownCell = string | number | Markdown;

function cellOf(value: MarkdownCell): Markdown {
  if (typeof value === 'number') return text(formatCount(value));
  return typeof value === 'string' ? text(value) : value;
}

const PIPE = md` | `;

/** A GFM table; numeric columns (named in `numeric`) right-aligned. Empty tables become "None." */
function table(headings: readonly string[], rows: readonly (readonly MarkdownCell[])[], numeric: ReadonlySet<number> = new Set()): Markdown {
  if (rows.length === 0) return md`None.`;
  const head = md`| ${joinMarkdown(headings.map((h) => text(h)), PIPE)} |`;
  const rule = md`|${joinMarkdown(headings.map((_, i) => (numeric.has(i) ? md` ---: ` : md` --- `)), md`|`)}|`;
  const body = rows.map((row) => md`| ${joinMarkdown(row.map(cellOf), PIPE)} |`);
  return lines([head, rule, ...body]);
}

function countTable(report: MailFlowReport, label: string, rows: readonly CountRow[]): Markdown {
  return table([label, 'Count', 'First line'], rows.map((r) => [r.label, r.count, placeText(report, r)]), new Set([1]));
}

function heading(title: string): Markdown {
  return md`\n## ${title}\n`;
}

function kind(hardbounce: boolean | undefined): string {
  return hardbounce === true ? 'hard' : hardbounce === false ? 'soft' : 'mixed';
}

export function reportMarkdown(report: MailFlowReport, title: string): string {
  const t = report.totals;
  const span = report.span
    ? md`From ${formatDateTime(report.span.firstMs)} to ${formatDateTime(report.span.lastMs)} (${clockName(report.span.timesInUtc)}).`
    : md`No time stamps were read.`;
  const { rows: failedRows, total: failedTotal } = report.failedRecipients;
  const d = report.delays;
  const parts: Markdown[] = [
    md`# ${title}\n`, span, md`Sources: ${report.sources.map((s) => s.name).join(', ') || 'none'}`,
    heading('Totals'),
    table(['Messages', 'Recipients', 'Delivered', 'Failed', 'Expired', 'Deferred now', 'Quarantined', 'Rejected', 'Outcome unknown'],
      [[t.messages, t.recipients, t.delivered, t.failed, t.expired, t.deferred, t.quarantined, t.rejected, t.unknown]], new Set([0, 1, 2, 3, 4, 5, 6, 7, 8])),
    heading(`Timeline per ${report.timeline.unit}`),
    table([timelineColumn(report.timeline.unit), 'Received', 'Delivered', 'Failed', 'Deferred'],
      report.timeline.buckets.map((b) => [formatTime(b.startMs, report.timeline.unit), b.received, b.delivered, b.failed, b.deferred]), new Set([1, 2, 3, 4])),
    heading('Failures by reason'),
    table(['Reason', 'Kind', 'Count', 'First line'], report.failureReasons.map((r) => [r.label, kind(r.hardbounce), r.count, placeText(report, r)]), new Set([2])),
    heading('Failures by status code'), countTable(report, 'Code', report.failureCodes),
    heading('Top failing domains'),
    table(['Domain', 'Failed', 'Deferred', 'First line'], report.domains.map((r) => [r.domain, r.failed, r.deferred, placeText(report, r)]), new Set([1, 2])),
    heading('Deferral queue'),
    table(['Destination', 'Last reply', 'Recipients', 'Oldest', 'Look further', 'First line'], report.deferrals.map((r) => [
      r.destination, r.lastReply, r.count, r.oldestAgeMs === undefined ? '' : formatDuration(r.oldestAgeMs), r.command ? tableCode(r.command.text) : '', placeText(report, r),
    ]), new Set([2, 3])),
    heading('Delivery delays'),
    d.count > 0
      ? md`p50 ${formatDuration(d.p50Ms ?? NaN)} · p90 ${formatDuration(d.p90Ms ?? NaN)} · p99 ${formatDuration(d.p99Ms ?? NaN)} over ${formatCount(d.count)} delivered recipients.\n`
      : md`No delivery with a known delay.\n`,
    table(['Message', 'Recipient', 'Delay', 'Slowest part', 'Line'], d.slowest.map((s) => [s.key, s.recipient, formatDuration(s.delayMs), s.slowestPart ?? '', placeText(report, s)]), new Set([2])),
    heading('Top senders'), countTable(report, 'Sender', report.topSenders),
    heading('Rejected clients'), countTable(report, 'Client', report.rejectedClients),
    heading('Block lists hit'), countTable(report, 'Block list', report.blockLists),
    heading('Failed recipients'),
    failedTotal > failedRows.length
      ? md`Showing the first ${formatCount(failedRows.length)} of ${formatCount(failedTotal)} failed, expired, rejected or quarantined recipients.\n`
      : md`All ${formatCount(failedTotal)} failed, expired, rejected or quarantined recipients.\n`,
    table(['Recipient', 'Outcome', 'Code', 'Reason', 'Who acts', 'Time', 'Line'], failedRows.map((r) => [
      r.recipient, r.outcome, r.code ?? '', r.reason ?? '', r.whoacts ?? '', r.timeMs === undefined ? '' : formatDateTime(r.timeMs), placeText(report, r),
    ])),
    heading('Sources'),
    table(['Source', 'Read as', 'Notes'], report.sources.map((s) => [s.name, s.language, s.notes.join(' · ')])),
    ...(report.skipped.length > 0 ? [heading('Sources left out'), table(['Source', 'Why'], report.skipped.map((s) => [s.name, s.reason]))] : []),
  ];
  return `${lines(parts).value}\n`;
}

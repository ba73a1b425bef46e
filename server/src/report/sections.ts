// The report's body as HTML: the same sections in the webview and in a saved file. Plain tables and
// inline SVG, readable with scripting off; every row that links to lines carries its target as data
// attributes (data-source, data-line, data-query) and names its place ("mail.log:120") in a cell.

import type { CountRow, MailFlowReport, ReportLink } from '../common/mailFlow';
import { type Html, html, joinHtml } from '../text/html';
import { BAR_ROW_PX, type Bar, barChart, timelineChart } from './charts';
import { clockName, formatCount, formatDateTime, formatDuration, formatTime, timelineColumn } from './format';
import { linkAttributes, placeText } from './links';
import { lazySizeClass } from './styles';

/**
 * A table column: its heading, whether it holds numbers (right-aligned, sorted as numbers), and
 * whether it holds short words of ours (codes, reasons, outcomes, times), which are never broken
 * inside: other cells may break anywhere, so a long hostile value cannot widen the page.
 */
interface Column { readonly heading: string; readonly numeric?: boolean; readonly words?: boolean }

/** One cell: text, a number (written with separators, sorted by value), or Html made here. */
type Cell = string | number | Html;

function cell(value: Cell, column: Column): Html {
  if (typeof value === 'number') return html`<td class="num" data-sort="${value}">${formatCount(value)}</td>`;
  if (column.numeric) return html`<td class="num">${value}</td>`;
  return column.words ? html`<td class="words">${value}</td>` : html`<td>${value}</td>`;
}

/** A sortable table (the webview's script sorts by a heading's column); rows link when given a link. */
export function table(caption: string, columns: readonly Column[], rows: readonly { readonly cells: readonly Cell[]; readonly link?: ReportLink }[]): Html {
  if (rows.length === 0) return html`<p class="empty">${caption}: none.</p>`;
  const head = columns.map((c) => html`<th scope="col"${c.numeric ? html` class="num"` : html``}>${c.heading}</th>`);
  const body = rows.map((row) => {
    const linked = row.link?.at || row.link?.query ? html` class="link"${linkAttributes(row.link)}` : html``;
    return html`<tr${linked}>${row.cells.map((value, i) => cell(value, columns[i] ?? { heading: '' }))}</tr>`;
  });
  return html`<table class="sortable"><caption>${caption}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function section(id: string, heading: string, ...parts: readonly Html[]): Html {
  return html`<section id="${id}"><h2>${heading}</h2>${joinHtml(parts)}</section>`;
}

/**
 * A section below the first screen: its heading drawn at once, its content only when it comes near
 * the viewport (see LAZY_CONTENT in styles.ts), with room kept for it meanwhile, about `estimatePx`
 * tall with the heading, so the scroll bar is about right.
 */
function lazySection(id: string, heading: string, estimatePx: number, ...parts: readonly Html[]): Html {
  return html`<section id="${id}"><h2>${heading}</h2><div class="lazy ${lazySizeClass(estimatePx - HEADING_PX)}">${joinHtml(parts)}</div></section>`;
}

// What a section's parts take on screen, roughly: enough to size a section before it is drawn.
const HEADING_PX = 60;
const TABLE_ROW_PX = 28;
const tablePx = (rows: number): number => (rows === 0 ? 30 : 50 + TABLE_ROW_PX * rows);
/** A bar chart is BAR_ROW_PX per row in the SVG, drawn up to 1.2 times wider than its viewBox, plus its caption. */
const barChartPx = (rows: number): number => (rows === 0 ? 0 : Math.round((40 + BAR_ROW_PX * rows) * 1.2) + 30);

function chartFigure(chart: Html | undefined, caption: string): Html {
  return chart ? html`<figure class="chart">${chart}<figcaption>${caption}</figcaption></figure>` : html``;
}

function legend(entries: readonly (readonly [string, string])[]): Html {
  return html`<ul class="legend">${entries.map(([series, label]) => html`<li><span class="swatch series-${series}"></span>${label}</li>`)}</ul>`;
}

function header(report: MailFlowReport, title: string): Html {
  const span = report.span
    ? html`<p class="span">From ${formatDateTime(report.span.firstMs)} to ${formatDateTime(report.span.lastMs)} (${clockName(report.span.timesInUtc)}).</p>`
    : html`<p class="span">No time stamps were read.</p>`;
  const sources = report.sources.map((s) => s.name).join(', ');
  return html`<header><h1>${title}</h1>${span}<p class="sources">${report.sources.length === 1 ? 'Source' : `${report.sources.length} sources`}: ${sources || 'none'}</p></header>`;
}

function totals(report: MailFlowReport): Html {
  const t = report.totals;
  const entries: readonly (readonly [string, number, string])[] = [
    ['messages', t.messages, 'plain'], ['recipients', t.recipients, 'plain'], ['delivered', t.delivered, 'delivered'],
    ['failed', t.failed, 'failed'], ['expired', t.expired, 'failed'], ['deferred now', t.deferred, 'deferred'],
    ['quarantined', t.quarantined, 'deferred'], ['rejected', t.rejected, 'failed'], ['outcome unknown', t.unknown, 'plain'],
  ];
  const items = entries.map(([name, value, series]) => html`<li class="total total-${series}"><span class="value">${formatCount(value)}</span> <span class="name">${name}</span></li>`);
  return section('totals', 'Totals', html`<ul class="totals">${items}</ul>`);
}

function timeline(report: MailFlowReport): Html {
  const { unit, buckets } = report.timeline;
  const rows = buckets.map((b) => ({ cells: [formatTime(b.startMs, unit), b.received, b.delivered, b.failed, b.deferred] }));
  const columns = [{ heading: timelineColumn(unit) }, ...['Received', 'Delivered', 'Failed', 'Deferred'].map((heading) => ({ heading, numeric: true }))];
  return section('timeline', `Timeline per ${unit}`,
    legend([['received', 'received (line)'], ['delivered', 'delivered'], ['failed', 'failed'], ['deferred', 'deferred']]),
    chartFigure(timelineChart(report), `Recipients per ${unit}, ${clockName(report.span?.timesInUtc ?? true)}.`),
    buckets.length > 0 ? html`<details><summary>The timeline as a table</summary>${table(`Per ${unit}`, columns, rows)}</details>` : html`<p class="empty">No time stamps to draw.</p>`);
}

function hardness(hardbounce: boolean | undefined): 'hard' | 'soft' | 'mixed' {
  return hardbounce === true ? 'hard' : hardbounce === false ? 'soft' : 'mixed';
}

function failureReasons(report: MailFlowReport): Html {
  const rows = report.failureReasons;
  const bars: Bar[] = rows.map((r, row) => ({ row, count: r.count, series: hardness(r.hardbounce), title: `${r.label}: ${formatCount(r.count)} (${hardness(r.hardbounce)})`, link: r }));
  const chart = rows.length > 0 ? barChart(rows.map((r) => r.label), bars, 'Failures by reason', 'failures') : undefined;
  return lazySection('reasons', 'Failures by reason', HEADING_PX + 40 + barChartPx(rows.length) + tablePx(rows.length),
    rows.length > 0 ? legend([['hard', 'permanent (hard)'], ['soft', 'temporary (soft)'], ['mixed', 'mixed or unknown']]) : html``,
    chartFigure(chart, 'Failed, expired and rejected recipients by reason.'),
    table('Failures by reason', [{ heading: 'Reason', words: true }, { heading: 'Kind', words: true }, { heading: 'Count', numeric: true }, { heading: 'First line' }],
      rows.map((r) => ({ cells: [r.label, hardness(r.hardbounce), r.count, placeText(report, r)], link: r }))));
}

function countChart(report: MailFlowReport, id: string, heading: string, rows: readonly CountRow[], series: Bar['series'], axis: string, label: Column): Html {
  const bars: Bar[] = rows.map((r, row) => ({ row, count: r.count, series, title: `${r.label}: ${formatCount(r.count)}`, link: r }));
  const chart = rows.length > 0 ? barChart(rows.map((r) => r.label), bars, heading, axis) : undefined;
  return lazySection(id, heading, HEADING_PX + barChartPx(rows.length) + tablePx(rows.length), chartFigure(chart, `${heading}.`), countTable(report, heading, rows, label));
}

function countTable(report: MailFlowReport, caption: string, rows: readonly CountRow[], label: Column): Html {
  return table(caption, [label, { heading: 'Count', numeric: true }, { heading: 'First line' }],
    rows.map((r) => ({ cells: [r.label, r.count, placeText(report, r)], link: r })));
}

function domains(report: MailFlowReport): Html {
  const rows = report.domains;
  const bars: Bar[] = rows.flatMap((r, row) => [
    { row, count: r.failed, series: 'failed' as const, title: `${r.domain}: ${formatCount(r.failed)} failed`, link: r },
    { row, count: r.deferred, series: 'deferred' as const, title: `${r.domain}: ${formatCount(r.deferred)} deferred`, link: r },
  ].filter((bar) => bar.count > 0));
  const chart = rows.length > 0 ? barChart(rows.map((r) => r.domain), bars, 'Recipient domains with the most failures and deferrals', 'recipients') : undefined;
  return lazySection('domains', 'Top failing domains', HEADING_PX + 40 + barChartPx(rows.length) + tablePx(rows.length),
    rows.length > 0 ? legend([['failed', 'failed'], ['deferred', 'deferred']]) : html``,
    chartFigure(chart, 'Recipient domains with the most failures and deferrals.'),
    table('Recipient domains', [{ heading: 'Domain' }, { heading: 'Failed', numeric: true }, { heading: 'Deferred', numeric: true }, { heading: 'First line' }],
      rows.map((r) => ({ cells: [r.domain, r.failed, r.deferred, placeText(report, r)], link: r }))));
}

function deferrals(report: MailFlowReport): Html {
  const rows = report.deferrals.map((r) => ({
    cells: [r.destination, r.lastReply, r.count, r.oldestAgeMs === undefined ? '' : formatDuration(r.oldestAgeMs),
      r.command ? html`<pre><code class="language-${r.command.language}">${r.command.text}</code></pre>` : '', placeText(report, r)],
    link: r,
  }));
  // A row's command takes about three lines.
  return lazySection('deferrals', 'Deferral queue', HEADING_PX + tablePx(rows.length * 3), table('Still deferred at the end of the sources: destination and last reply',
    [{ heading: 'Destination' }, { heading: 'Last reply' }, { heading: 'Recipients', numeric: true }, { heading: 'Oldest', numeric: true }, { heading: 'Look further' }, { heading: 'First line' }], rows));
}

function delays(report: MailFlowReport): Html {
  const d = report.delays;
  const percentile = (name: string, ms: number | undefined): Html => html`<li><span class="name">${name}</span> <span class="value">${ms === undefined ? 'n/a' : formatDuration(ms)}</span></li>`;
  const summary = d.count > 0
    ? html`<ul class="percentiles">${percentile('p50', d.p50Ms)}${percentile('p90', d.p90Ms)}${percentile('p99', d.p99Ms)}</ul><p>Over ${formatCount(d.count)} delivered recipients with a known delay.</p>`
    : html`<p class="empty">No delivery with a known delay.</p>`;
  return lazySection('delays', 'Delivery delays', HEADING_PX + 80 + tablePx(d.slowest.length), summary, table('The slowest deliveries',
    [{ heading: 'Message' }, { heading: 'Recipient' }, { heading: 'Delay', numeric: true }, { heading: 'Slowest part' }, { heading: 'Line' }],
    d.slowest.map((s) => ({ cells: [s.key, s.recipient, formatDuration(s.delayMs), s.slowestPart ?? '', placeText(report, s)], link: s }))));
}

function failedRecipients(report: MailFlowReport): Html {
  const { rows, total } = report.failedRecipients;
  const note = total > rows.length
    ? html`<p class="cap">Showing the first ${formatCount(rows.length)} of ${formatCount(total)} failed, expired, rejected or quarantined recipients.</p>`
    : html`<p class="cap">All ${formatCount(total)} failed, expired, rejected or quarantined recipients.</p>`;
  return lazySection('failed', 'Failed recipients', HEADING_PX + 40 + tablePx(rows.length), note, table('Failed recipients',
    [{ heading: 'Recipient' }, { heading: 'Outcome', words: true }, { heading: 'Code', words: true }, { heading: 'Reason', words: true }, { heading: 'Who acts', words: true }, { heading: 'Time', words: true }, { heading: 'Line' }],
    rows.map((r) => ({ cells: [r.recipient, r.outcome, r.code ?? '', r.reason ?? '', r.whoacts ?? '', r.timeMs === undefined ? '' : formatDateTime(r.timeMs), placeText(report, r)], link: r }))));
}

function sources(report: MailFlowReport): Html {
  const read = table('Sources read', [{ heading: 'Source' }, { heading: 'Read as' }, { heading: 'Notes' }],
    report.sources.map((s) => ({ cells: [s.name, s.language, s.notes.length > 0 ? html`<ul class="notes">${s.notes.map((n) => html`<li>${n}</li>`)}</ul>` : ''] })));
  const skipped = table('Sources left out', [{ heading: 'Source' }, { heading: 'Why' }], report.skipped.map((s) => ({ cells: [s.name, s.reason] })));
  return lazySection('sources', 'Sources', HEADING_PX + tablePx(report.sources.length) + tablePx(report.skipped.length), read, skipped);
}

/** The whole body, the same in the webview and in a saved file. */
export function reportBody(report: MailFlowReport, title: string): Html {
  return html`${header(report, title)}<main>${totals(report)}${timeline(report)}${failureReasons(report)}${
    countChart(report, 'codes', 'Failures by status code', report.failureCodes, 'code', 'failures', { heading: 'Code', words: true })}${domains(report)}${deferrals(report)}${delays(report)}${
    lazySection('senders', 'Top senders', HEADING_PX + tablePx(report.topSenders.length), countTable(report, 'Top senders', report.topSenders, { heading: 'Sender' }))}${
    lazySection('rejected', 'Rejected clients and block lists', HEADING_PX + tablePx(report.rejectedClients.length) + tablePx(report.blockLists.length),
      countTable(report, 'Top rejected clients', report.rejectedClients, { heading: 'Client' }), countTable(report, 'Block lists hit', report.blockLists, { heading: 'Block list' }))}${
    failedRecipients(report)}${sources(report)}</main>`;
}

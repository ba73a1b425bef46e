// The report's charts: Observable Plot specs in, SVG out. Plot draws into a small DOM (linkedom), so
// it runs where the server runs, the browser's web worker included, and its serialiser escapes every
// label. Colours are not Plot's: each bar carries a series class (.series-failed...) and each page's
// stylesheet colours it, so one SVG follows the VS Code theme in the webview and a neutral palette in
// a file. Every bar also carries its link target as data attributes, and a <title> for its tooltip.

import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { type MailFlowReport, type ReportLink, TIMELINE_UNIT_MS } from '../common/mailFlow';
import { type Html, serialisedMarkup, visibleText } from '../text/html';
import { formatCount, formatTime } from './format';
import { linkAttributes } from './links';

/** The series a bar can belong to; the pages' stylesheets colour exactly these. */
export type Series = 'received' | 'delivered' | 'failed' | 'deferred' | 'hard' | 'soft' | 'mixed' | 'code';

/** One bar of a horizontal bar chart: `row` is its place on the y axis (rows may hold several stacked bars). */
export interface Bar {
  readonly row: number;
  readonly count: number;
  readonly series: Series;
  readonly title: string;
  readonly link?: ReportLink;
}

/** The part of the DOM the charts touch: the server is typechecked without the DOM's types. */
interface ChartElement {
  textContent: string | null;
  readonly outerHTML: string;
  setAttribute(name: string, value: string): void;
  appendChild(child: ChartElement): unknown;
  querySelectorAll(selector: string): ArrayLike<ChartElement>;
  remove(): void;
}
interface ChartContext { readonly document: { createElementNS(namespace: string, name: string): ChartElement } }
type NextRender = (index: number[], scales: unknown, values: unknown, dimensions: unknown, context: unknown) => ChartElement | null;

/** Longest axis label; the full value is in the bar's tooltip and in the table beside the chart. */
const MAX_LABEL = 36;
const CHART_WIDTH = 640;
/** The height of one row of a bar chart, in the SVG's units. */
export const BAR_ROW_PX = 26;
const CLASS_NAME = 'mf-chart';

/** A label cut to MAX_LABEL characters for an axis. */
export function axisLabel(label: string): string {
  const visible = visibleText(label);
  return visible.length > MAX_LABEL ? `${visible.slice(0, MAX_LABEL - 1)}…` : visible;
}

/** Counts on an axis: whole numbers only (Plot would tick 0.5 on a short scale). */
const countTick = (value: number): string => (Number.isInteger(value) ? formatCount(value) : '');

/**
 * A render transform for a bar mark: sets each drawn shape's series class and tooltip, and marks the
 * shape with the number of its link target in `links` (draw writes the target's data attributes
 * there, through the one HTML escaper). Plot draws one shape per index entry, in index order,
 * inside the mark's group.
 */
function annotate(
  series: (i: number) => Series, title: (i: number) => string, link: (i: number) => ReportLink | undefined, links: ReportLink[],
): Plot.RenderFunction {
  const render = (index: number[], scales: unknown, values: unknown, dimensions: unknown, context: ChartContext, next?: NextRender): ChartElement | null => {
    const group = next?.(index, scales, values, dimensions, context) ?? null;
    if (!group) return group;
    const shapes = group.querySelectorAll('rect');
    index.forEach((i, k) => {
      const shape = shapes[k];
      if (!shape) return;
      shape.setAttribute('class', `series-${series(i)}`);
      const target = link(i);
      if (target?.at || target?.query) shape.setAttribute(LINK_MARK, String(links.push(target) - 1));
      const tooltip = context.document.createElementNS('http://www.w3.org/2000/svg', 'title');
      tooltip.textContent = visibleText(title(i));
      shape.appendChild(tooltip);
    });
    return group;
  };
  return render as unknown as Plot.RenderFunction;
}

/** The attribute that numbers a bar's link target until draw replaces it with the target's data attributes. */
const LINK_MARK = 'data-link';
/** Inside a <rect> tag only: the serialiser escapes "<" in text, and no attribute of a bar holds a document value. */
const LINK_MARKS = new RegExp(`(<rect\\b[^>]*?) ${LINK_MARK}="(\\d+)"`, 'g');

/**
 * Runs Plot on a fresh small DOM and serialises the SVG, without Plot's own <style> (the pages style
 * it); each numbered link mark becomes its target's data attributes.
 */
function draw(options: Plot.PlotOptions, ariaLabel: string, links: readonly ReportLink[] = []): Html {
  const { document } = parseHTML('<!doctype html><html><body></body></html>') as unknown as { readonly document: unknown };
  const svg = Plot.plot({ ...options, document: document as never, className: CLASS_NAME, width: CHART_WIDTH }) as unknown as ChartElement;
  for (const style of Array.from(svg.querySelectorAll('style'))) style.remove();
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', ariaLabel);
  return serialisedMarkup(svg.outerHTML.replace(LINK_MARKS, (_, tag: string, index: string) => tag + linkAttributes(links[Number(index)]).value));
}

/** Horizontal bars, one row per label, bars of a row stacked left to right in the order given. */
export function barChart(labels: readonly string[], bars: readonly Bar[], ariaLabel: string, axis: string): Html {
  const longest = Math.max(0, ...labels.map((label) => axisLabel(label).length));
  const links: ReportLink[] = [];
  return draw({
    height: 40 + labels.length * BAR_ROW_PX,
    marginLeft: Math.min(260, 16 + longest * 7),
    x: { label: axis, grid: true, tickFormat: countTick },
    y: { domain: labels.map((_, i) => i), tickFormat: (row: number) => axisLabel(labels[row] ?? ''), label: null },
    marks: [
      Plot.barX(bars, Plot.stackX({
        x: 'count', y: 'row', order: null,
        render: annotate((i) => bars[i]!.series, (i) => bars[i]!.title, (i) => bars[i]!.link, links),
      })),
      Plot.ruleX([0]),
    ],
  }, ariaLabel, links);
}

/** A time axis tick on the sources' clock, 24-hour: "14:00", "14:05", and the date where a day starts ("12-01"). */
function timeTick(value: Date): string {
  const text = formatTime(value.getTime(), 'hour');
  return text.endsWith(' 00:00') ? text.slice(5, 10) : text.slice(11);
}

interface TimelineBar { readonly start: Date; readonly end: Date; readonly count: number; readonly series: Series; readonly title: string }

/**
 * Received, delivered, failed and deferred per bucket (minutes, hour or day): the outcomes stacked as bars, what was
 * received as a line over them (reception is not one of the outcomes, so it is not stacked with them).
 */
export function timelineChart(report: MailFlowReport): Html | undefined {
  const { unit, buckets } = report.timeline;
  if (buckets.length === 0) return undefined;
  const span = TIMELINE_UNIT_MS[unit];
  const bars: TimelineBar[] = [];
  for (const bucket of buckets) {
    const start = new Date(bucket.startMs);
    const end = new Date(bucket.startMs + span);
    const when = formatTime(bucket.startMs, unit);
    for (const series of ['delivered', 'failed', 'deferred'] as const) {
      if (bucket[series] > 0) bars.push({ start, end, count: bucket[series], series, title: `${when}: ${formatCount(bucket[series])} ${series} (received ${formatCount(bucket.received)})` });
    }
  }
  const received = buckets.map((bucket) => ({ at: new Date(bucket.startMs + span / 2), count: bucket.received }));
  return draw({
    height: 240,
    x: { type: 'utc', label: unit === 'hour' || unit === 'day' ? unit : 'time', tickFormat: timeTick },
    y: { label: 'recipients', grid: true, tickFormat: countTick },
    marks: [
      Plot.rectY(bars, Plot.stackY({
        x1: 'start', x2: 'end', y: 'count', z: 'series', order: null, inset: 0.5,
        render: annotate((i) => bars[i]!.series, (i) => bars[i]!.title, () => undefined, []),
      })),
      Plot.lineY(received, { x: 'at', y: 'count', className: 'series-received' }),
      Plot.ruleY([0]),
    ],
  }, `Timeline per ${unit}: received, delivered, failed and deferred`);
}

// Where a report row or bar leads: its link target as data attributes (read by the webview's script,
// checked again by the extension) and its place as text, "mail.log:121", for a page without script.

import type { MailFlowReport, ReportLink } from '../common/mailFlow';
import { type Html, html } from '../text/html';

/** ` data-source="0" data-line="120" data-query="…"`, every value through the one HTML escaper. */
export function linkAttributes(link: ReportLink | undefined): Html {
  if (!link) return html``;
  const at = link.at ? html` data-source="${link.at.source}" data-line="${link.at.line}"` : html``;
  const query = link.query ? html` data-query="${link.query}"` : html``;
  return html`${at}${query}`;
}

/** Where a row's lines are, as text: "mail.log:121" (1-based, as editors number lines). */
export function placeText(report: MailFlowReport, link: ReportLink | undefined): string {
  if (!link?.at) return '';
  const name = report.sources[link.at.source]?.name ?? `source ${link.at.source + 1}`;
  return `${name}:${link.at.line + 1}`;
}

// The mail flow report rendered: a MailFlowReport in, the webview page, the self-contained HTML file
// and the Markdown copy out. Pure: no document is read again, nothing is fetched, and every value
// from a document goes through text/html.ts or text/markdown.ts. A bundle of its own in the worker
// (dist/reportPages.js): the chart library is read on the first report, not when the server starts.

import type { MailFlowReport } from '../common/mailFlow';
import { type Html, html } from '../text/html';
import { reportMarkdown } from './reportMarkdown';
import { reportBody } from './sections';
import { FILE_STYLES, WEBVIEW_STYLES } from './styles';
import { WEBVIEW_SCRIPT } from './webviewScript';

/** What the webview gives the page: the nonce of its script and style, and its own resource origin. */
export interface WebviewContext {
  readonly nonce: string;
  readonly cspSource: string;
}

export interface RenderedReport {
  readonly title: string;
  readonly webviewHtml: string;
  readonly fileHtml: string;
  readonly markdown: string;
}

/** A nonce is base64 or hex, long enough not to be guessed. */
const NONCE = /^[A-Za-z0-9+/=_-]{16,128}$/;
/**
 * A webview's cspSource: one or more origins or schemes, or 'self' (VS Code on the web and code-server
 * give "'self' https://*.vscode-cdn.net"), without anything that would end a directive.
 */
const CSP_SOURCE = /^(?:'self'|[A-Za-z0-9*:/.+_-]+)(?: (?:'self'|[A-Za-z0-9*:/.+_-]+))*$/;

/** The report's title: "Mail flow: mail.log", "Mail flow: 3 sources". */
export function reportTitle(report: MailFlowReport): string {
  const only = report.sources.length === 1 ? report.sources[0] : undefined;
  return only ? `Mail flow: ${only.name}` : `Mail flow: ${report.sources.length} sources`;
}

/**
 * The Content-Security-Policy of the webview page: nothing by default; the one script only with the
 * nonce; styles with the nonce or from the extension; images only inline (data:) or from the extension.
 */
export function webviewContentSecurityPolicy(context: WebviewContext): string {
  if (!NONCE.test(context.nonce)) throw new RangeError('the webview nonce must be 16 to 128 base64 or hex characters');
  if (!CSP_SOURCE.test(context.cspSource)) throw new RangeError('the webview cspSource must be a list of origins');
  const { nonce, cspSource } = context;
  return `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}' ${cspSource}; img-src data: ${cspSource}; font-src ${cspSource}`;
}

// The stylesheets and the script are our constants, written into the page as they are (inside
// <style> and <script> entities are not read); everything else goes through the html template.

/** The page of the report's webview panel: themed by VS Code, with a nonce script for links, sorting and tooltips. */
export function webviewPage(report: MailFlowReport, context: WebviewContext, title = reportTitle(report)): string {
  return webviewPageAround(reportBody(report, title), context, title);
}

function webviewPageAround(body: Html, context: WebviewContext, title: string): string {
  const policy = webviewContentSecurityPolicy(context);
  return html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style nonce="${context.nonce}">`.value + WEBVIEW_STYLES + html`</style>
</head><body>
${body}
<script nonce="${context.nonce}">`.value + WEBVIEW_SCRIPT + '</script>\n</body></html>\n';
}

/** What a saved file allows: its own inline style, nothing else (no script, no request of any kind). */
export const FILE_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** One self-contained HTML file: no script, no network reference, a neutral palette for light and dark. */
export function filePage(report: MailFlowReport, title = reportTitle(report)): string {
  return filePageAround(reportBody(report, title), title);
}

function filePageAround(body: Html, title: string): string {
  return html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${FILE_CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<style>`.value + FILE_STYLES + html`</style>
</head><body>
${body}
</body></html>
`.value;
}

/** The Markdown copy, for a ticket. */
export function markdownReport(report: MailFlowReport, title = reportTitle(report)): string {
  return reportMarkdown(report, title);
}

/** Every rendering of one report, as the report request returns them; both pages share one body, drawn once. */
export function renderReport(report: MailFlowReport, context: WebviewContext): RenderedReport {
  const title = reportTitle(report);
  const body = reportBody(report, title);
  return { title, webviewHtml: webviewPageAround(body, context, title), fileHtml: filePageAround(body, title), markdown: reportMarkdown(report, title) };
}

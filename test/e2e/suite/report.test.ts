// The mail flow report in the editor (#15): the command opens a webview panel for the active log
// or for a folder picked in the Explorer; the page really set on the webview has its SVG charts, the
// totals counted here from the fixtures themselves, and a failed recipient whose row reveals its
// line; Save as HTML writes a page with no network reference; Copy as Markdown puts the report's
// tables on the clipboard (the test workbench keeps a clipboard of its own: no browser permission
// needed). The fixtures are synthetic.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { unescapeMarkdown } from '../../support/markdownText.mjs';
import { activeExtension, eventually, fixtureUri, openFixture } from './helpers';

const REPORT_COMMAND = 'mailflowLens.mailFlowReport';
const COPY_MARKDOWN_COMMAND = 'mailflowLens.copyReportMarkdown';

interface ReportPanelProbe {
  readonly id: number;
  readonly title: string;
  readonly built: boolean;
  readonly html: string;
  readonly sources: readonly string[];
  readonly receive: (message: unknown) => Promise<void>;
  readonly saveHtml: (target: vscode.Uri) => Promise<void>;
}

async function reportPanels(): Promise<readonly ReportPanelProbe[]> {
  return ((await activeExtension()).exports as { testing: { reportPanels: () => readonly ReportPanelProbe[] } }).testing.reportPanels();
}

/** Runs the report command (with Explorer-style arguments when given) and returns the one panel it shows. */
async function runReport(...args: unknown[]): Promise<ReportPanelProbe> {
  const earlier = new Set((await reportPanels()).map((panel) => panel.id));
  await vscode.commands.executeCommand(REPORT_COMMAND, ...args);
  return eventually(async () => (await reportPanels()).find((panel) => !earlier.has(panel.id) && panel.built), 'the report page');
}

/** The totals as the page lists them: name -> count. */
function totalsOf(html: string): Map<string, number> {
  const section = /<section id="totals">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
  return new Map([...section.matchAll(/<span class="value">([\d,]+)<\/span>\s*<span class="name">([^<]+)<\/span>/g)]
    .map((m) => [m[2]!, Number(m[1]!.replace(/,/g, ''))]));
}

/** The link target of the first table row that contains `text`. */
function rowTarget(html: string, text: string): { source: number; line: number } {
  const row = [...html.matchAll(/<tr\b([^>]*)>([\s\S]*?)<\/tr>/g)].find((m) => m[2]!.includes(text) && /data-line=/.test(m[1]!));
  assert.ok(row, `no linked row with ${text}`);
  return { source: Number(/data-source="(\d+)"/.exec(row[1]!)![1]), line: Number(/data-line="(\d+)"/.exec(row[1]!)![1]) };
}

/** An attribute's value as the browser reads it (the page escapes quotes and ampersands in attributes). */
const unescapeAttribute = (value: string): string => value.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');

const linesOf = (document: vscode.TextDocument): string[] => document.getText().split(/\r?\n/);

/** The cells of a GFM table row, as a reader sees them (split on unescaped pipes, escapes removed). */
const cellsOf = (row: string): string[] => row.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map((cell) => unescapeMarkdown(cell.trim()));

/** The rows of the Markdown table under a "## heading": its heading row first. */
function markdownTable(markdown: string, heading: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  assert.ok(start >= 0, `no "## ${heading}" in the Markdown`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('## ')) break;
    if (line.startsWith('|') && !/^\|(?:\s*-+:?\s*\|)+$/.test(line)) rows.push(cellsOf(line));
  }
  return rows;
}

function assertWebviewPage(panel: ReportPanelProbe): void {
  const policy = unescapeAttribute(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(panel.html)?.[1] ?? '');
  assert.match(policy, /default-src 'none'/);
  assert.match(policy, /script-src 'nonce-[A-Za-z0-9+/=]+'/);
  const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
  for (const script of panel.html.match(/<script\b[^>]*>/g) ?? []) assert.ok(script.includes(`nonce="${nonce}"`), script);
  // The policy itself names the webview's resource origin; nothing else in the page may.
  assert.doesNotMatch(panel.html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''), /<script[^>]+src=|https?:\/\//);
}

describe('mail flow report', () => {
  it('reports a Postfix mail log: charts, totals counted from the log, the bounced recipient and its line', async () => {
    const document = await openFixture('mail.log');
    await eventually(() => (document.languageId === 'mail-log' ? true : undefined), 'the mail-log language', 10_000);
    const panel = await runReport();
    assert.deepEqual(panel.sources, [document.uri.toString()]);
    assert.match(panel.title, /mail\.log/);
    assertWebviewPage(panel);
    assert.ok((panel.html.match(/<svg\b/g) ?? []).length >= 2, 'at least the timeline and the failure chart are SVG');

    const lines = linesOf(document);
    const count = (pattern: RegExp): number => lines.filter((line) => pattern.test(line)).length;
    const totals = totalsOf(panel.html);
    assert.equal(totals.get('delivered'), count(/ status=sent /));
    assert.equal(totals.get('failed'), count(/ status=bounced /));
    assert.equal(totals.get('deferred now'), count(/ status=deferred /));
    assert.equal(totals.get('rejected'), count(/ NOQUEUE: reject: /));

    const failed = /<section id="failed"[\s\S]*?<\/section>/.exec(panel.html)?.[0] ?? panel.html;
    assert.match(failed, /bob@example\.org/);
    assert.match(failed, /550|5\.1\.1/);
    const target = rowTarget(failed, 'bob@example.org');
    assert.equal(target.source, 0);
    await panel.receive({ command: 'reveal', ...target });
    const editor = await eventually(() => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.toString() === document.uri.toString() && !active.selection.isEmpty ? active : undefined;
    }, 'the revealed line');
    assert.equal(editor.selection.start.line, editor.selection.end.line);
    assert.match(editor.document.lineAt(editor.selection.start.line).text, /to=<bob@example\.org>.* status=bounced /);
  });

  it('ignores page messages out of range or of another shape', async () => {
    const document = await openFixture('mail.log');
    const panel = await runReport();
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(0, 0, 0, 0), viewColumn: vscode.ViewColumn.One });
    for (const message of [{ command: 'reveal', source: 1, line: 2 }, { command: 'reveal', source: 0, line: -3 }, { command: 'reveal', source: '0', line: 2 }, { command: 'open', uri: 'file:///etc/passwd' }]) {
      await panel.receive(message);
    }
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), document.uri.toString());
    assert.ok(vscode.window.activeTextEditor.selection.isEmpty);
  });

  it('reports an Exchange tracking log: charts, totals counted from its events, the failed recipient', async () => {
    const document = await openFixture('MSGTRK20261123-1.LOG');
    await eventually(() => (document.languageId === 'exchange-tracking-log' ? true : undefined), 'the tracking log language', 10_000);
    const panel = await runReport();
    assert.deepEqual(panel.sources, [document.uri.toString()], 'the tracking log family reads the log');
    assertWebviewPage(panel);
    assert.ok((panel.html.match(/<svg\b/g) ?? []).length >= 2);
    const events = linesOf(document).filter((line) => !line.startsWith('#') && line.length > 0).map((line) => line.split(',')[8]);
    const totals = totalsOf(panel.html);
    assert.equal(totals.get('delivered'), events.filter((e) => e === 'DELIVER').length);
    assert.equal(totals.get('failed'), events.filter((e) => e === 'FAIL').length);
    assert.equal(totals.get('deferred now'), events.filter((e) => e === 'DEFER').length);
    const target = rowTarget(/<section id="failed"[\s\S]*?<\/section>/.exec(panel.html)?.[0] ?? panel.html, 'bob@fabrikam.com');
    await panel.receive({ command: 'reveal', ...target });
    const editor = await eventually(() => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.toString() === document.uri.toString() && !active.selection.isEmpty ? active : undefined;
    }, 'the revealed line');
    assert.match(editor.document.lineAt(editor.selection.start.line).text, /,FAIL,.*bob@fabrikam\.com/);
  });

  it('copies the report as Markdown from the panel\'s title-bar command: totals counted from the log, the bounced recipient and its line', async () => {
    // Only this report's panel is open, so it is the one in front that the title-bar command copies.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const document = await openFixture('mail.log');
    await eventually(() => (document.languageId === 'mail-log' ? true : undefined), 'the mail-log language', 10_000);
    await runReport();
    const before = `not the report ${Date.now()}`;
    await vscode.env.clipboard.writeText(before);
    await vscode.commands.executeCommand(COPY_MARKDOWN_COMMAND);
    const markdown = await vscode.env.clipboard.readText();
    assert.ok(markdown !== before, 'the command put nothing on the clipboard');
    assert.match(unescapeMarkdown(markdown.split('\n')[0]!), /^# Mail flow: mail\.log$/);

    const lines = linesOf(document);
    const count = (pattern: RegExp): number => lines.filter((line) => pattern.test(line)).length;
    const [headings, values, ...more] = markdownTable(markdown, 'Totals');
    assert.equal(more.length, 0);
    const totals = new Map(headings!.map((heading, i) => [heading, Number(values![i]!.replace(/,/g, ''))]));
    assert.equal(totals.get('Delivered'), count(/ status=sent /));
    assert.equal(totals.get('Failed'), count(/ status=bounced /));
    assert.equal(totals.get('Deferred now'), count(/ status=deferred /));
    assert.equal(totals.get('Rejected'), count(/ NOQUEUE: reject: /));

    const bouncedLine = lines.findIndex((line) => / status=bounced /.test(line));
    const recipient = /\bto=<([^>]+)>/.exec(lines[bouncedLine]!)![1]!;
    const dsn = /\bdsn=([\d.]+)/.exec(lines[bouncedLine]!)![1]!;
    const [failedHeadings, ...failedRows] = markdownTable(markdown, 'Failed recipients');
    const row = failedRows.find((cells) => cells[failedHeadings!.indexOf('Recipient')] === recipient);
    assert.ok(row, `no failed-recipient row for ${recipient}`);
    assert.equal(row[failedHeadings!.indexOf('Code')], dsn);
    assert.equal(row[failedHeadings!.indexOf('Line')], `mail.log:${bouncedLine + 1}`);
  });

  it('reports a folder picked in the Explorer, reading its files itself (the UTF-16LE trace among them), and saves it as HTML', async () => {
    const folder = vscode.Uri.joinPath(fixtureUri('mail.log'), '..');
    const panel = await runReport(folder, [folder]);
    const mailLog = fixtureUri('mail.log').toString();
    assert.ok(panel.sources.includes(mailLog), panel.sources.join(', '));
    assert.match(panel.title, /\d+ sources/);
    assert.match(panel.html, /mail\.log/);
    const target = vscode.Uri.joinPath(folder, '..', '..', '..', 'test-results', 'e2e', `mail-flow-report-${Date.now()}.html`);
    await panel.saveHtml(target);
    const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(saved, /<svg\b/);
    assert.match(saved, /bob@example\.org/);
    assert.doesNotMatch(saved, /https?:|<script|<link\b|\bsrc=|url\(/i);
    await vscode.workspace.fs.delete(target);
  });
});

// The mail flow report's renderer (#15) on synthetic reports (test/support/syntheticFlowReport.ts,
// hand-written, no engine): the totals, the charts as inline SVG with their link targets, the cap
// note, the webview's strict Content-Security-Policy, a saved file with no network reference and no
// script, and the Markdown copy's tables.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FILE_CONTENT_SECURITY_POLICY, filePage, renderReport, webviewContentSecurityPolicy, webviewPage } from '../../server/src/report/reportPages';
import { WEBVIEW_SCRIPT } from '../../server/src/report/webviewScript';
import { liveParts, rawTexts, tagsOf } from '../support/renderedHtml';
import { syntheticReport } from '../support/syntheticFlowReport';

const CONTEXT = { nonce: 'c3ludGhldGljTm9uY2UxMjM0NQ==', cspSource: 'https://*.vscode-cdn.net' };
const report = syntheticReport();
const MINUTE = 60_000;
const rendered = renderReport(report, CONTEXT);

/** The text of the element with this id (tags removed, entities of digits and commas left as they are). */
function sectionText(page: string, id: string): string {
  const start = page.indexOf(`<section id="${id}">`);
  assert.ok(start >= 0, `section ${id}`);
  return page.slice(start, page.indexOf('</section>', start)).replace(/<[^>]*>/g, ' ');
}

/** A section's HTML, tags kept. */
function sectionHtml(page: string, id: string): string {
  const start = page.indexOf(`<section id="${id}">`);
  assert.ok(start >= 0, `section ${id}`);
  return page.slice(start, page.indexOf('</section>', start));
}

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
}

describe('report pages (synthetic reports)', () => {
  it('shows every total, written with thousands separators, in both pages and the Markdown', () => {
    for (const page of [rendered.webviewHtml, rendered.fileHtml]) {
      const totals = sectionText(page, 'totals');
      for (const [value, name] of [['4,321', 'messages'], ['5,012', 'recipients'], ['4,700', 'delivered'], ['171', 'failed'], ['12', 'expired'], ['37', 'deferred now'], ['9', 'quarantined'], ['83', 'rejected']]) {
        assert.match(totals, new RegExp(`${value}\\s+${name}`), `${value} ${name}`);
      }
    }
    assert.match(rendered.markdown, /\| 4\\,321 \| 5\\,012 \| 4\\,700 \| 171 \| 12 \| 37 \| 9 \| 83 \| 0 \|/);
  });

  it('draws the timeline, reasons, codes and domains as inline SVG', () => {
    for (const page of [rendered.webviewHtml, rendered.fileHtml]) {
      for (const id of ['timeline', 'reasons', 'codes', 'domains']) {
        const start = page.indexOf(`<section id="${id}">`);
        const section = page.slice(start, page.indexOf('</section>', start));
        assert.match(section, /<figure class="chart"><svg [^>]*class="mf-chart"/, id);
        assert.ok((section.match(/<rect /g) ?? []).length > 0, `${id} has bars`);
      }
      assert.equal((page.match(/<svg /g) ?? []).length, 4);
    }
  });

  it('gives each bar its series class, its tooltip and its row\'s link target', () => {
    const reasons = sectionText(rendered.fileHtml, 'reasons');
    assert.ok(reasons.includes('Mailbox does not exist'));
    const section = rendered.fileHtml.slice(rendered.fileHtml.indexOf('<section id="reasons">'));
    const bars = [...section.slice(0, section.indexOf('</svg>')).matchAll(/<rect ([^>]*)>\s*<title>([^<]*)<\/title>/g)];
    assert.equal(bars.length, 3);
    const attributes = bars.map((bar) => tagsOf(`<rect ${bar[1]}>`)[0]!.attributes);
    assert.deepEqual(attributes.map((a) => a.get('class')), ['series-hard', 'series-soft', 'series-mixed']);
    assert.deepEqual(attributes.map((a) => [a.get('data-source'), a.get('data-line'), a.get('data-query')]),
      [['0', '41', 'reason:mailboxnotfound'], ['0', '77', 'reason:mailboxfull'], ['1', '3', 'reason:spam']]);
    assert.equal(bars[0]![2], 'Mailbox does not exist: 120 (hard)');
    const timeline = rendered.fileHtml.slice(rendered.fileHtml.indexOf('<section id="timeline">'));
    const classes = new Set([...timeline.slice(0, timeline.indexOf('</svg>')).matchAll(/class="(series-[a-z]+)"/g)].map((m) => m[1]));
    assert.deepEqual([...classes].sort(), ['series-deferred', 'series-delivered', 'series-failed', 'series-received']);
  });

  it('puts each table row\'s link target in data attributes and its place in a cell', () => {
    const rows = tagsOf(rendered.webviewHtml).filter((t) => t.name === 'tr' && t.attributes.get('class') === 'link');
    assert.ok(rows.some((r) => r.attributes.get('data-line') === '120' && r.attributes.get('data-query') === 'status:deferred recipient:*@contoso.example.com'));
    assert.ok(sectionText(rendered.webviewHtml, 'deferrals').includes('synthetic-mail.log:121'));
    assert.match(rendered.fileHtml, /<pre><code class="language-shellscript">postqueue -j \| grep -F &#39;contoso\.example\.com&#39;<\/code><\/pre>/);
  });

  it('keeps a link\'s query exactly as the engine wrote it, on a bar and in a row', () => {
    const query = 'code:"a&quot;b<c>&amp;" reason:x';
    const page = filePage({ ...report, failureCodes: [{ label: '5.1.1', count: 1, at: { source: 0, line: 2 }, query }] });
    const section = page.slice(page.indexOf('<section id="codes">'), page.indexOf('</section>', page.indexOf('<section id="codes">')));
    const tags = tagsOf(section).filter((t) => t.attributes.has('data-query'));
    assert.deepEqual(tags.map((t) => [t.name, t.attributes.get('data-query'), t.attributes.get('data-line')]), [['rect', query, '2'], ['tr', query, '2']]);
  });

  it('never breaks a code, reason, outcome or time inside a word; other cells may break anywhere (both pages)', () => {
    // A table as wide as the page shrank its columns to one character: "5.1.1" drawn as "5.1." over "1".
    for (const page of [rendered.webviewHtml, rendered.fileHtml]) {
      const cells = tagsOf(sectionHtml(page, 'failed')).filter((t) => t.name === 'td' && !t.closing).slice(0, 7).map((t) => t.attributes.get('class') ?? '');
      assert.deepEqual(cells, ['', 'words', 'words', 'words', 'words', 'words', '']); // recipient, outcome, code, reason, who acts, time, line
      const codes = tagsOf(sectionHtml(page, 'codes')).filter((t) => t.name === 'td' && !t.closing).map((t) => t.attributes.get('class') ?? '');
      assert.deepEqual(codes.slice(0, 3), ['words', 'num', '']);
      assert.match(page, /th, td \{[^}]*overflow-wrap: anywhere;/);
      assert.match(page, /td\.words \{ overflow-wrap: normal; \}/);
    }
  });

  it('notes the cap of the failed recipients table with the total', () => {
    assert.match(sectionText(rendered.fileHtml, 'failed'), /Showing the first 2 of 5 failed, expired, rejected or quarantined recipients/);
    assert.match(rendered.markdown, /Showing the first 2 of 5 failed/);
    const all = filePage({ ...report, failedRecipients: { rows: report.failedRecipients.rows, total: 2 } });
    assert.match(sectionText(all, 'failed'), /All 2 failed/);
  });

  it('has a strict Content-Security-Policy in the webview: nonce script and style, nothing remote', () => {
    const meta = tagsOf(rendered.webviewHtml).find((t) => t.name === 'meta' && t.attributes.get('http-equiv') === 'Content-Security-Policy');
    assert.ok(meta);
    const policy = directives(meta.attributes.get('content')!);
    assert.deepEqual(policy.get('default-src'), ["'none'"]);
    assert.deepEqual(policy.get('script-src'), [`'nonce-${CONTEXT.nonce}'`]);
    assert.deepEqual(policy.get('style-src'), [`'nonce-${CONTEXT.nonce}'`, CONTEXT.cspSource]);
    assert.deepEqual(policy.get('img-src'), ['data:', CONTEXT.cspSource]);
    for (const values of policy.values()) {
      for (const value of values) assert.ok(!/unsafe|^\*$|^https?:$|^http:/.test(value), value);
    }
    assert.deepEqual(liveParts(rendered.webviewHtml, { nonce: CONTEXT.nonce, script: WEBVIEW_SCRIPT }), []);
    assert.equal(rawTexts(rendered.webviewHtml, 'script').length, 1);
    assert.ok(!/\sstyle="/.test(rendered.webviewHtml), 'a style attribute would be blocked by the policy');
  });

  it('refuses a nonce or a cspSource that would change the policy', () => {
    assert.throws(() => webviewContentSecurityPolicy({ nonce: "abc'; script-src *", cspSource: CONTEXT.cspSource }), RangeError);
    assert.throws(() => webviewContentSecurityPolicy({ nonce: 'short', cspSource: CONTEXT.cspSource }), RangeError);
    assert.throws(() => webviewPage(report, { nonce: CONTEXT.nonce, cspSource: "https://x; script-src 'unsafe-inline'" }), RangeError);
    assert.throws(() => webviewPage(report, { nonce: CONTEXT.nonce, cspSource: "'unsafe-inline' https://x" }), RangeError);
  });

  it('takes the cspSource VS Code on the web and code-server give (\'self\' and the CDN origin)', () => {
    const cspSource = "'self' https://*.vscode-cdn.net";
    const policy = webviewContentSecurityPolicy({ nonce: CONTEXT.nonce, cspSource });
    assert.match(policy, /style-src 'nonce-[^']+' 'self' https:\/\/\*\.vscode-cdn\.net;/);
  });

  it('saves one self-contained file: no network reference, no script, no link, nothing loaded', () => {
    const page = rendered.fileHtml;
    for (const forbidden of ['http:', 'https:', '//', '<script', '<link', 'src=', 'url(', '@import', '<iframe', '<object', '<embed']) {
      assert.ok(!page.toLowerCase().includes(forbidden), `the file page holds ${forbidden}`);
    }
    assert.deepEqual(liveParts(page, {}), []);
    const meta = tagsOf(page).find((t) => t.name === 'meta' && t.attributes.get('http-equiv') === 'Content-Security-Policy');
    assert.equal(meta?.attributes.get('content'), FILE_CONTENT_SECURITY_POLICY);
    assert.match(rawTexts(page, 'style')[0]!, /@media \(prefers-color-scheme: dark\)/);
    assert.ok(!page.includes('--vscode-'), 'a file has no VS Code theme to read');
  });

  it('colours the webview from the VS Code theme, through series classes the SVG carries', () => {
    const style = rawTexts(rendered.webviewHtml, 'style')[0]!;
    for (const variable of ['--vscode-charts-red', '--vscode-charts-green', '--vscode-editor-foreground', '--vscode-editor-background']) assert.ok(style.includes(variable), variable);
    assert.match(style, /\.series-failed \{ fill: var\(--mf-failed\)/);
    assert.ok(!/<svg[\s\S]*?fill="#/.test(rendered.webviewHtml), 'no fixed colour in the charts');
  });

  it('writes the Markdown as GFM tables with the same aggregates', () => {
    const md = rendered.markdown;
    assert.match(md, /^# Mail flow\\: 2 sources$/m);
    assert.match(md, /^\| Mailbox does not exist \| hard \| 120 \| synthetic\\-mail\\\.log\\:42 \|$/m);
    assert.match(md, /^\| 5\\\.1\\\.1 \| 120 \| synthetic\\-mail\\\.log\\:42 \|$/m);
    assert.match(md, /p50 850 ms · p90 4\\\.2 s · p99 1 min 1 s/);
    assert.match(md, /^\| picture\\\.png \| binary file \|$/m);
  });

  it('escapes "|" in a Markdown table cell, so every row keeps its cells', () => {
    const md = renderReport({ ...report, topSenders: [{ label: 'a|b | c', count: 3 }] }, CONTEXT).markdown;
    const row = md.split('\n').find((line) => line.includes('a\\|b'));
    assert.equal(row, '| a\\|b \\| c | 3 |  |');
    assert.equal(row!.replace(/\\\|/g, '').split('|').length, 5);
  });

  it('leaves the sections below the first screen to be drawn when scrolled near, with room kept after their rows, in both pages', () => {
    const failed = report.failedRecipients.rows[0]!;
    const rows = Array.from({ length: 1000 }, (_, i) => ({ ...failed, at: { source: 0, line: i } }));
    const big = renderReport({ ...report, failedRecipients: { rows, total: 1000 } }, CONTEXT);
    for (const page of [big.webviewHtml, big.fileHtml]) {
      const lazy = new Map([...page.matchAll(/<section id="(\w+)"><h2>[^<]*<\/h2><div class="lazy size-(\d+)">/g)].map((m) => [m[1]!, Number(m[2])]));
      assert.deepEqual([...lazy.keys()], ['reasons', 'codes', 'domains', 'deferrals', 'delays', 'senders', 'rejected', 'failed', 'sources']);
      // The first screen is drawn at once.
      assert.match(page, /<section id="totals"><h2>Totals<\/h2><ul/);
      assert.match(page, /<section id="timeline"><h2>Timeline per hour<\/h2><ul class="legend">/);
      // A thousand rows of about 28 px keep 32 K px; a table of a few rows a few hundred.
      assert.equal(lazy.get('failed'), 32768);
      assert.ok(lazy.get('senders')! <= 256, String(lazy.get('senders')));
      const style = rawTexts(page, 'style')[0]!;
      assert.match(style, /\.lazy \{ content-visibility: auto; contain-intrinsic-block-size: auto 256px; \}/);
      assert.match(style, /\.lazy\.size-32768 \{ contain-intrinsic-block-size: auto 32768px; \}/);
      assert.match(style, /@media print \{ \.lazy \{ content-visibility: visible; \} \}/);
    }
  });

  it('draws a short span per 5 minutes: its heading and time column, and one bar a bucket wide per bucket, side by side', () => {
    const start = Date.UTC(2026, 10, 30, 8, 5);
    const buckets = Array.from({ length: 6 }, (_, i) => ({ startMs: start + 5 * i * MINUTE, received: 3, delivered: 2, failed: i % 2, deferred: 0 }));
    const page = filePage({ ...report, span: { firstMs: start, lastMs: start + 29 * MINUTE, timesInUtc: true }, timeline: { unit: '5 minutes', buckets } });
    assert.match(page, /<h2>Timeline per 5 minutes<\/h2>/);
    const table = sectionText(page, 'timeline');
    assert.match(table, /Time\s+Received/);
    assert.match(table, /2026-11-30 08:10\s+3\s+2\s+1\s+0/);
    const section = page.slice(page.indexOf('<section id="timeline">'));
    const bars = [...section.slice(0, section.indexOf('</svg>')).matchAll(/<rect ([^>]*)>/g)].map((m) => tagsOf(`<rect ${m[1]}>`)[0]!.attributes)
      .filter((a) => a.get('class') === 'series-delivered')
      .map((a) => ({ x: Number(a.get('x')), width: Number(a.get('width')) }));
    assert.equal(bars.length, 6);
    for (let i = 1; i < bars.length; i++) {
      assert.ok(bars[i - 1]!.x + bars[i - 1]!.width <= bars[i]!.x, `bucket ${i - 1} reaches into bucket ${i}`);
      assert.ok(Math.abs(bars[i]!.width - bars[0]!.width) < 0.01, 'every bucket is as wide');
    }
    assert.ok(bars[0]!.width > 40, `a bucket is a sixth of the axis, not a sliver: ${bars[0]!.width}`);
  });

  it('renders an empty report: no charts, every section says none', () => {
    const empty = filePage({
      sources: [], skipped: [],
      totals: { messages: 0, recipients: 0, delivered: 0, failed: 0, expired: 0, deferred: 0, quarantined: 0, rejected: 0, unknown: 0 },
      timeline: { unit: 'hour', buckets: [] }, failureReasons: [], failureCodes: [], domains: [], deferrals: [],
      delays: { count: 0, slowest: [] }, topSenders: [], rejectedClients: [], blockLists: [], failedRecipients: { rows: [], total: 0 },
    });
    assert.ok(!empty.includes('<svg'));
    assert.match(empty, /No time stamps were read/);
    assert.match(empty, /Failed recipients: none\./);
  });
});

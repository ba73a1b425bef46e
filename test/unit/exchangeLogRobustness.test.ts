// Hostile Exchange logs: each gets a diagnostic or is skipped, and the rest of the file is still read.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { defaultSettings, getLanguageService, type LanguageSettings } from '../../server/src/languageService';
import '../support/fuzzSeed';

const service = getLanguageService();
const FIXTURE = readFileSync('test/e2e/fixtures/MSGTRK20261123-1.LOG', 'utf8');
const RECV = readFileSync('test/e2e/fixtures/RECV2026112310-1.LOG', 'utf8');
const [HEAD, ROWS] = [FIXTURE.split('\n').slice(0, 5).join('\n'), FIXTURE.split('\n').slice(5)];
const FAIL_ROW = ROWS.find((r) => r.includes(',FAIL,'))!;
const CLEAN_ROW = ROWS.find((r) => r.includes(',DELIVER,'))!;
const unlimited: LanguageSettings = { ...defaultSettings, diagnostics: { enable: true, maxProblems: 1_000_000 } };

const open = (text: string, languageId = 'exchange-tracking-log') => TextDocument.create('file:///hostile.LOG', languageId, 1, text);

function inside(document: TextDocument, range: Range): boolean {
  const end = document.positionAt(document.getText().length);
  const ok = (p: { line: number; character: number }) =>
    p.line >= 0 && p.character >= 0 && (p.line < end.line || (p.line === end.line && p.character <= end.character));
  return ok(range.start) && ok(range.end);
}

describe('hostile tracking logs', () => {
  it('an unterminated quote at the start of a 2 MB log: one error, and every later row is still read', async () => {
    const rows = Array.from({ length: 4000 }, (_, i) => (i % 10 === 9 ? FAIL_ROW : CLEAN_ROW));
    const text = `${HEAD}\n"${rows.join('\n')}`;
    const diagnostics = await service.doValidation(open(text), unlimited);
    const quote = diagnostics.filter((d) => d.code === 'unterminated-quote');
    assert.equal(quote.length, 1);
    assert.equal(quote[0]!.range.start.line, 5);
    // The quote stops before the next row, so only row 5 loses its columns; every FAIL row after it is reported.
    assert.deepEqual(diagnostics.filter((d) => d.range.start.line === 5).map((d) => d.code), ['unterminated-quote', 'field-count']);
    assert.equal(diagnostics.filter((d) => d.code === 'FAIL').length, 400);
  });

  it('a row with a million commas gets one field-count error', async () => {
    const text = `${HEAD}\n${','.repeat(1_000_000)}\n${FAIL_ROW}`;
    const diagnostics = await service.doValidation(open(text));
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.code, d.message]), [
      [5, 'field-count', 'expected 30 fields, found 1000001'],
      [6, 'FAIL', diagnostics[1]!.message],
    ]);
    // The FAIL row is the fixture's: its recipient and status, then the meaning of 5.1.1 (RFC 3463: bad destination mailbox address).
    assert.match(diagnostics[1]!.message as string, /^bob@fabrikam\.com: 550 5\.1\.1 RESOLVER\.ADR\.RecipNotFound: .*(?:recipient|mailbox|address)/i);
    assert.deepEqual(diagnostics[0]!.range.end, { line: 5, character: 1_000_000 });
  });

  it('binary junk: malformed rows, capped, and the real rows around them still reported', async () => {
    const bytes = new Uint8Array(300_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    const junk = new TextDecoder('utf-8').decode(bytes);
    const cutShort = '2026-11-23T10:00:00.000Z,,,,,,,SMTP,RECEIVE,1,<junk@contoso.com>,g';
    const text = `${HEAD}\n${FAIL_ROW}\n${junk}\n${cutShort}\n${FAIL_ROW}\n`;
    const document = open(text);
    const diagnostics = await service.doValidation(document, { ...defaultSettings, diagnostics: { enable: true, maxProblems: 50 } });
    assert.equal(diagnostics.length, 51);
    assert.equal(diagnostics[0]!.code, 'FAIL');
    const all = await service.doValidation(document, unlimited);
    assert.equal(all.filter((d) => d.code === 'FAIL').length, 2);
    assert.ok(all.every((d) => inside(document, d.range)));
    for (const line of [5, 10, 100, 1000]) service.doHover(document, { line, character: 3 });
    // Only well-formed rows make messages: neither the junk nor the cut-short row adds to the outline.
    assert.deepEqual(service.findDocumentSymbols(document).map((m) => m.children!.length), [2]);
  });

  it('a truncated last line is a field-count error on that line', async () => {
    const text = `${FIXTURE.trimEnd()}\n${FAIL_ROW.slice(0, 60)}`;
    const diagnostics = await service.doValidation(open(text));
    const last = diagnostics.at(-1)!;
    assert.equal(last.code, 'field-count');
    assert.equal(last.range.start.line, 11);
    assert.match(last.message as string, /^expected 30 fields, found \d+$/);
  });

  it('a protocol log with junk lines and a quote left open keeps its sessions', async () => {
    const text = `${RECV.trimEnd()}\n\u0000\u0001junk,,,\n"open`;
    const document = open(text, 'exchange-protocol-log');
    const diagnostics = await service.doValidation(document);
    assert.deepEqual(diagnostics.map((d) => d.code), ['5.7.1', 'field-count', 'unterminated-quote', 'field-count']);
    assert.equal(service.findDocumentSymbols(document).length, 1);
  });
});

describe('every log feature survives random edits of real rows (fuzz)', () => {
  const lines = [...FIXTURE.split('\n'), ...RECV.split('\n').slice(5)];
  const mutatedLog = fc.array(fc.tuple(
    fc.constantFrom(...lines),
    fc.array(fc.tuple(fc.nat(), fc.nat(4), fc.string({ unit: fc.constantFrom(',', '"', ';', '\r', '\n', '#', ' ', '5', '.', ':', '<', '>', '@', 'F', '\u0000', '\uFEFF') })), { maxLength: 5 }),
  ).map(([line, edits]) => edits.reduce((s, [at, del, ins]) => {
    const i = at % (s.length + 1);
    return s.slice(0, i) + ins + s.slice(i + del);
  }, line)), { maxLength: 12 });

  it('validation, hover, outline, references, highlights, folding and quick fixes never throw and stay inside the document', async () => {
    await fc.assert(fc.asyncProperty(mutatedLog, fc.constantFrom('exchange-tracking-log', 'exchange-protocol-log'), fc.nat(), fc.nat(600), async (log, languageId, line, character) => {
      const document = open(log.join('\n'), languageId);
      const diagnostics = await service.doValidation(document);
      for (const d of diagnostics) assert.ok(inside(document, d.range), JSON.stringify(d.range));
      const position = { line: line % (log.length + 1), character };
      const hover = service.doHover(document, position);
      if (hover?.range) assert.ok(inside(document, hover.range));
      for (const s of service.findDocumentSymbols(document)) assert.ok(inside(document, s.range));
      for (const r of service.findReferences(document, position)) assert.ok(inside(document, r.range));
      service.findDocumentHighlights(document, position);
      for (const f of service.getFoldingRanges(document)) assert.ok(f.startLine < f.endLine);
      service.getCodeActions(document, diagnostics);
    }), { numRuns: 400 });
  });
});

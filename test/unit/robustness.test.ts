// Hostile input: random and mutated text, huge lines, binary bytes, NUL, invalid UTF-8.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { scanReplies, scanTokens } from '../../server/src/detection/replyScanner';
import { explainMention, explainText } from '../../server/src/analysis/replyExplanation';
import { getLanguageService } from '../../server/src/languageService';
import '../support/fuzzSeed';

const service = getLanguageService();

const REAL_LINES = [
  'Diagnostic-Code: smtp; 550 5.1.1 RESOLVER.ADR.RecipNotFound; not found',
  "Remote Server returned '550 5.7.509 Access denied'",
  '<mail.example.com #5.7.1 smtp;530 5.7.1 Client was not authenticated>',
  'Nov 23 10:01:02 mx postfix/smtp[4521]: to=<a@b>, relay=x[10.5.1.1]:25, dsn=4.4.2, status=deferred',
  '2026-11-23T10:00:00.123Z,EX01,08DC,5,10.0.0.5:25,203.0.113.9:51234,>,550 5.7.1 Unable to relay,',
  '#Version: 15.0.0.0',
];

/** Real lines with random edits: insertions, deletions and replacements of code-like characters. */
const mutatedLine = fc.tuple(
  fc.constantFrom(...REAL_LINES),
  fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.string({ unit: fc.constantFrom('5', '.', '1', ' ', '-', '#', ';', ':', 'R', 'E', '\'', '2', '4', '0') })), { maxLength: 8 }),
).map(([line, edits]) => edits.reduce((s, [at, del, ins]) => { const i = at % (s.length + 1); return s.slice(0, i) + ins + s.slice(i + del); }, line));

function assertWellFormed(text: string): void {
  for (const token of scanTokens(text)) {
    assert.ok(token.start >= 0 && token.end <= text.length && token.start < token.end);
    assert.equal(text.slice(token.start, token.end), token.text);
  }
  for (const mention of scanReplies(text)) {
    assert.ok(mention.basic || mention.enhanced || mention.transport);
    assert.ok(explainMention(mention), `no explanation for ${text.slice(mention.start, mention.end)}`);
  }
}

describe('detectors on random and mutated text', () => {
  it('never throw, and every token is a well-formed, explainable slice', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => assertWellFormed(s)), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => assertWellFormed(s)), { numRuns: 1000 });
    fc.assert(fc.property(mutatedLine, (s) => assertWellFormed(s)), { numRuns: 3000 });
  });

  it('hover and validation survive any document and position; where no family claims the text, they answer only about the codes there', async () => {
    await fc.assert(fc.asyncProperty(fc.array(mutatedLine, { maxLength: 6 }), fc.nat(), fc.nat(), async (lines, line, character) => {
      const document = TextDocument.create('file:///fuzz.log', 'log', 1, lines.join('\n'));
      const position = { line: line % (lines.length + 1), character: character % 400 };
      // A mutated line can still be a mail-log line, which the mail-log family claims: it hovers on
      // times and queue ids too, and puts a recipient's problem on its address.
      const claimed = service.isFamilyDocument(document);
      const hover = service.doHover(document, position);
      if (hover) {
        // A hover covers the code under the cursor, on the cursor's line, and says something.
        assert.ok(hover.range, 'a hover without a range');
        assert.equal(hover.range.start.line, position.line);
        assert.ok(hover.range.start.character <= position.character && position.character <= hover.range.end.character);
        const covered = document.getText(hover.range);
        if (!claimed) assert.ok(scanTokens(covered).length > 0, `hover on "${covered}", which holds no code`);
      }
      for (const diagnostic of await service.doValidation(document)) {
        const message = String(diagnostic.message as string);
        // Every problem sits on text of the document that holds a code: class 5 is an error, class 4
        // a warning (RFC 5321 4.2.1: permanent and transient negative replies).
        const covered = document.getText(diagnostic.range);
        assert.ok(covered.length > 0 && document.offsetAt(diagnostic.range.end) <= document.getText().length);
        if (claimed) continue;
        const first = scanTokens(covered)[0];
        assert.ok(first, `a problem on "${covered}", which holds no code`);
        const severity = { 5: 1, 4: 2 }[first.text[0] as '4' | '5'];
        if (severity) assert.equal(diagnostic.severity, severity, `${covered}: ${message}`);
      }
    }), { numRuns: 500 });
  });
});

describe('hostile documents finish without crashing', () => {
  it('a 5 MB single line full of near-codes', async () => {
    const line = '5.1.1.1 550x 10.5.1.1 RESOLVER. 4.4.'.repeat(140_000);
    const document = TextDocument.create('file:///big.txt', 'plaintext', 1, line);
    assert.equal(service.doHover(document, { line: 0, character: 2_500_000 }), null);
    assert.deepEqual(await service.doValidation(document), []);
  });

  it('binary bytes, NUL characters and invalid UTF-8', async () => {
    const bytes = new Uint8Array(200_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    const text = new TextDecoder('utf-8').decode(bytes) + '\u0000\u0000 said: 550 5.1.1 user unknown \u0000\n\uFFFD\uD800';
    const document = TextDocument.create('file:///binary.txt', 'plaintext', 1, text);
    const diagnostics = await service.doValidation(document);
    assert.ok(diagnostics.some((d) => d.code === '5.1.1'), 'the real code after the junk is still found');
    // As an e-mail it is read by the bounce analysis instead: not a bounce, so no problems, and no crash.
    assert.deepEqual(await service.doValidation(TextDocument.create('file:///binary.eml', 'email', 1, text)), []);
  });

  it('explainText on free text with no code returns nothing', () => {
    assert.deepEqual(explainText('nothing to see here 10.5.1.1'), []);
  });
});

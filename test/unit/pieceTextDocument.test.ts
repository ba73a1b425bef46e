// The server's piece-list documents against the library's TextDocument: the same text, positions
// and offsets after any series of incremental edits (random edits over synthetic text).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pieceTextDocuments } from '../../server/src/handlers/pieceTextDocument';
import '../support/fuzzSeed';

const alphabet = fc.constantFrom('a', 'b', ',', '\n', '\r', '\r\n', '"', 'é');
const text = fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join(''));
const position = fc.record({ line: fc.integer({ min: -1, max: 8 }), character: fc.integer({ min: -1, max: 12 }) });
const change = fc.oneof(
  { weight: 9, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text }) },
  { weight: 1, arbitrary: fc.record({ text }) },
);

const within = (p: { line: number; character: number }, lineCount: number) => ({ line: Math.min(Math.max(p.line, 0), lineCount - 1), character: p.character });

describe('piece-list documents', () => {
  it('match the library document after every batch of edits', () => {
    fc.assert(fc.property(text, fc.array(fc.array(change, { minLength: 1, maxLength: 4 }), { maxLength: 12 }), (initial, batches) => {
      const expected = TextDocument.create('file:///synthetic.LOG', 'log', 1, initial);
      const actual = pieceTextDocuments.create('file:///synthetic.LOG', 'log', 1, initial);
      let version = 1;
      for (const batch of batches) {
        version++;
        for (const c of batch) {
          // Lines outside the document are malformed input, where the library's line table goes wrong; characters past a line's end are fine.
          const change = 'range' in c ? { ...c, range: { start: within(c.range.start, expected.lineCount), end: within(c.range.end, expected.lineCount) } } : c;
          TextDocument.update(expected, [change], version);
          pieceTextDocuments.update(actual, [change], version);
        }
        assert.equal(actual.version, version);
        assert.equal(actual.lineCount, expected.lineCount);
        const content = expected.getText();
        assert.equal(actual.getText(), content);
        for (let offset = 0; offset <= content.length; offset++) assert.deepEqual(actual.positionAt(offset), expected.positionAt(offset));
        for (let line = -1; line <= expected.lineCount; line++) {
          for (let character = -1; character < 8; character++) assert.equal(actual.offsetAt({ line, character }), expected.offsetAt({ line, character }));
        }
      }
    }), { numRuns: 300 });
  });

  it('answers ranges and positions between edits without reading the whole text in between', () => {
    const document = pieceTextDocuments.create('file:///synthetic.LOG', 'log', 1, 'row one\nrow two\nrow three\n');
    for (let i = 0; i < 5; i++) {
      const at = { line: 1, character: 3 + i };
      pieceTextDocuments.update(document, [{ range: { start: at, end: at }, text: String(i) }], i + 2);
    }
    assert.equal(document.getText({ start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }), 'row01234 two\n');
    assert.deepEqual(document.positionAt(document.getText().indexOf('three')), { line: 2, character: 4 });
  });
});

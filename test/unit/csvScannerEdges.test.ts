// The CSV scanner's rules at their edges (issue #17: a case for each rule that passes with it and
// fails without it), on synthetic text: RFC 4180 section 2 (a quoted field may hold line breaks and
// doubled quotes) and the scanner's documented recovery for a quote that never closes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FieldStore, fieldValue, MULTILINE, QUOTED, scanRecord, TEXT_AFTER_QUOTE, UNTERMINATED } from '../../server/src/formats/csv';

/** The record at `start`: each field's raw text, value and flags, with where the record ends. */
function record(text: string, isRecordStart?: (text: string, pos: number) => boolean, start = 0) {
  const store = new FieldStore();
  const end = scanRecord(text, start, store, isRecordStart);
  const fields = Array.from({ length: store.length }, (_, i) => ({
    raw: text.slice(store.starts[i]!, store.ends[i]!),
    value: fieldValue(text, store.starts[i]!, store.ends[i]!, store.flags[i]!),
    flags: store.flags[i]!,
  }));
  return { fields, ...end };
}

const startsWithRow = (text: string, pos: number): boolean => text.startsWith('ROW', pos);

describe('CSV scanner: an unclosed quote', () => {
  it('cut at the end of its line when nothing stops it: one line, no line break counted inside', () => {
    const text = 'a,"never closed\nb,c\nd';
    const first = record(text);
    assert.deepEqual(first.fields.map((f) => [f.raw, f.flags]), [['a', 0], ['"never closed', QUOTED | UNTERMINATED]]);
    assert.equal(first.innerLineBreaks, 0);
    assert.equal(first.end, text.indexOf('\n'));
    assert.equal(text.slice(first.next), 'b,c\nd');
  });

  it('stopped by a record start at its first line break: no line break inside, so it is not multi-line', () => {
    for (const lineBreak of ['\n', '\r\n', '\r']) {
      const text = `"open${lineBreak}ROW,1`;
      const first = record(text, startsWithRow);
      assert.deepEqual(first.fields.map((f) => [f.raw, f.value, f.flags]), [['"open', 'open', QUOTED | UNTERMINATED]], JSON.stringify(lineBreak));
      assert.equal(first.innerLineBreaks, 0);
      assert.equal(first.end, 5);
      assert.equal(text.slice(first.next), 'ROW,1', JSON.stringify(lineBreak));
    }
  });

  it('stopped by a record start after CR, LF and CRLF line breaks inside: each counts once', () => {
    const text = '"a\rb\nc\r\nd\r\nROW';
    const first = record(text, startsWithRow);
    assert.equal(first.fields[0]!.flags, QUOTED | UNTERMINATED | MULTILINE);
    assert.equal(first.fields[0]!.value, 'a\rb\nc\r\nd');
    assert.equal(first.innerLineBreaks, 3);
    assert.equal(text.slice(first.next), 'ROW');
  });
});

describe('CSV scanner: where a record ends', () => {
  it('at the end of the text: end and next are both the text\'s length, quoted or not', () => {
    for (const text of ['a', '"a"', 'a,"b"', '"a""b"']) {
      const { end, next, fields } = record(text);
      assert.deepEqual([end, next], [text.length, text.length], text);
      assert.equal(fields.at(-1)!.flags & TEXT_AFTER_QUOTE, 0, text);
    }
  });

  it('a closing quote right before a comma or a line break leaves nothing after it', () => {
    for (const text of ['"a",b', '"a"\nb', '"a"\r\nb', '"a"\rb']) assert.equal(record(text).fields[0]!.flags, QUOTED, JSON.stringify(text));
  });

  it('a record read from the middle of a text starts where it is told', () => {
    const text = 'x,y\n"p,q",r\n';
    const second = record(text, undefined, 4);
    assert.deepEqual(second.fields.map((f) => f.value), ['p,q', 'r']);
    assert.deepEqual([second.end, second.next], [text.length - 1, text.length]);
  });
});

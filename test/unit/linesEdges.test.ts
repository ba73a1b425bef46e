// The line helpers the mail readers share, at their edges: which characters break a line, floors,
// offsets at a line's start, lookups that go back, and blank lines. All texts are synthetic.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endBeforeBreak, isBlank, LineBreakFinder, lineAt, lineStartBefore } from '../../server/src/formats/mime/lines';

describe('lineAt', () => {
  it('breaks only at LF and CR, not at other control characters', () => {
    assert.deepEqual(lineAt('a\tb\vc\fd', 0), { start: 0, end: 7, next: 7 });
    assert.deepEqual(lineAt('a\tb\nc', 0), { start: 0, end: 3, next: 4 });
  });
});

describe('LineBreakFinder', () => {
  it('finds the next LF or CR at or after an offset, a break at the offset itself included', () => {
    const finder = new LineBreakFinder('\nab\rcd\r\nef');
    assert.equal(finder.next(0), 0);
    assert.equal(finder.next(1), 3);
    assert.equal(finder.next(4), 6);
    assert.equal(finder.next(7), 7);
    assert.equal(finder.next(8), 10);
  });

  it('answers right when asked about an earlier offset again', () => {
    const lf = new LineBreakFinder('a\nb\nc');
    assert.equal(lf.next(3), 3);
    assert.equal(lf.next(0), 1);
    const cr = new LineBreakFinder('a\rb\rc');
    assert.equal(cr.next(3), 3);
    assert.equal(cr.next(0), 1);
  });
});

describe('lineStartBefore', () => {
  it('goes back to the character after the last LF or CR', () => {
    assert.equal(lineStartBefore('ab\ncd', 4), 3);
    assert.equal(lineStartBefore('ab\rcd', 5), 3);
    assert.equal(lineStartBefore('ab\r\ncd', 6), 4);
    // At a line's start already, and on the first line.
    assert.equal(lineStartBefore('ab\ncd', 3), 3);
    assert.equal(lineStartBefore('abcd', 3), 0);
  });

  it('stops at its floor', () => {
    assert.equal(lineStartBefore('abcd', 3, 2), 2);
    assert.equal(lineStartBefore('abcd', 2, 2), 2);
  });
});

describe('endBeforeBreak', () => {
  it('drops the LF, CRLF or CR that ends the line before', () => {
    assert.equal(endBeforeBreak('ab\ncd', 3, 0), 2);
    assert.equal(endBeforeBreak('ab\r\ncd', 4, 0), 2);
    assert.equal(endBeforeBreak('ab\rcd', 3, 0), 2);
    // No break before: the offset stays.
    assert.equal(endBeforeBreak('abcd', 2, 0), 2);
  });

  it('never goes below its floor', () => {
    assert.equal(endBeforeBreak('\ncd', 1, 1), 1);
    assert.equal(endBeforeBreak('\rcd', 1, 1), 1);
    assert.equal(endBeforeBreak('\r\ncd', 2, 1), 1);
  });
});

describe('isBlank', () => {
  it('is true for spaces and tabs only, within the span', () => {
    const text = 'x \t y';
    assert.equal(isBlank(text, { start: 1, end: 3, next: 3 }), true);
    assert.equal(isBlank(text, { start: 1, end: 4, next: 4 }), true);
    assert.equal(isBlank(text, { start: 0, end: 3, next: 3 }), false);
    assert.equal(isBlank(text, { start: 2, end: 5, next: 5 }), false);
    assert.equal(isBlank(text, { start: 2, end: 2, next: 2 }), true);
    assert.equal(isBlank('a\fb', { start: 1, end: 2, next: 2 }), false);
  });
});

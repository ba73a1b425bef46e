// The in-editor suite's stand-in for node:assert/strict in the browser (test/e2e/browser/assert.ts)
// fails exactly where Node's own assertions fail, on hand-picked synthetic cases.
import * as nodeAssert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as browserAssert from '../e2e/browser/assert';

const throws = (run: () => void): boolean => {
  try {
    run();
    return false;
  } catch {
    return true;
  }
};

const PAIRS: [unknown, unknown][] = [
  [1, 1], [1, '1'], [NaN, NaN], [0, -0], [null, undefined], ['a', 'a'],
  [[1, [2, 3]], [1, [2, 3]]], [[1, [2, 3]], [1, [2, 4]]], [[1, 2], [1, 2, 3]], [[], {}],
  [{ a: 1, b: [1] }, { b: [1], a: 1 }], [{ a: 1 }, { a: 1, b: undefined }], [{ a: undefined }, { b: undefined }],
  [[0, 1, 'text'], [0, 1, 'text']], [[0, 1, 'text'], [0, '1', 'text']],
];

describe('the browser stand-in for node:assert/strict', () => {
  it('deepEqual and equal fail exactly where Node\'s strict assertions fail', () => {
    for (const [a, b] of PAIRS) {
      nodeAssert.equal(throws(() => browserAssert.deepEqual(a, b)), throws(() => nodeAssert.deepEqual(a, b)), `deepEqual(${String(a)}, ${String(b)})`);
      nodeAssert.equal(throws(() => browserAssert.equal(a, b)), throws(() => nodeAssert.equal(a, b)), `equal(${String(a)}, ${String(b)})`);
    }
  });

  it('ok, match and doesNotMatch fail exactly where Node\'s fail, and keep the message given', () => {
    for (const value of [0, 1, '', 'x', null, undefined, [], {}]) {
      nodeAssert.equal(throws(() => browserAssert.ok(value)), throws(() => nodeAssert.ok(value)));
    }
    for (const [text, pattern] of [['550 5.1.1', /5\.1\.1/], ['550 5.1.1', /4\.\d/], ['', /^$/]] as const) {
      nodeAssert.equal(throws(() => browserAssert.match(text, pattern)), throws(() => nodeAssert.match(text, pattern)));
      nodeAssert.equal(throws(() => browserAssert.doesNotMatch(text, pattern)), throws(() => nodeAssert.doesNotMatch(text, pattern)));
    }
    nodeAssert.throws(() => browserAssert.ok(false, 'the reason'), { name: 'AssertionError', message: 'the reason' });
  });
});

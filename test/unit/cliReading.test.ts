// The command line's reading of a file in chunks: what it counts must not depend on where a chunk ends.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidUtf8Count } from '../../server/src/node/cli/reading';

describe('invalid UTF-8 counted over chunks', () => {
  it('the same count wherever the bytes are cut, literal U+FFFD not counted (synthetic bytes)', () => {
    // Two literal U+FFFD, a lone continuation byte, a cut three-byte sequence before ASCII, an overlong slash.
    const bytes = Buffer.concat([Buffer.from('a\uFFFDb', 'utf8'), Buffer.from([0x80]), Buffer.from('c'), Buffer.from([0xe2, 0x82]), Buffer.from('d\uFFFD'), Buffer.from([0xc0, 0xaf])]);
    const countWith = (cuts: number[]) => {
      const decoder = new TextDecoder('utf-8');
      const count = new InvalidUtf8Count();
      let from = 0;
      for (const to of [...cuts, bytes.length]) {
        const chunk = bytes.subarray(from, to);
        count.add(chunk, decoder.decode(chunk, { stream: true }));
        from = to;
      }
      count.add(Buffer.alloc(0), decoder.decode());
      return count.count();
    };
    const whole = countWith([]);
    assert.equal(whole, 4, 'the lone byte, the cut sequence and the two bytes of the overlong slash');
    for (let a = 1; a < bytes.length; a++) {
      assert.equal(countWith([a]), whole, `cut at ${a}`);
      for (let b = a + 1; b < bytes.length; b++) assert.equal(countWith([a, b]), whole, `cuts at ${a} and ${b}`);
    }
  });
});

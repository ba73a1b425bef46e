// Mapped text at its edges: the clamp to the next point's raw offset (a run decoded longer than its
// source), an empty slice, and an empty piece. All pieces are synthetic.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MappedText, MappedTextBuilder } from '../../server/src/formats/mime/mappedText';

describe('mapped text edges', () => {
  it('clamps a run decoded longer than its source to the next point\'s raw offset', () => {
    // "xyz" decoded from the single raw character at 12: its last two characters map no further than 13, where "c" starts.
    const builder = new MappedTextBuilder();
    builder.push('ab', 10, 12);
    builder.push('xyz', 12, 13);
    builder.push('c', 13, 14);
    builder.rawEnd = 14;
    const text = MappedText.fromBuilder(builder);
    assert.equal(text.text, 'abxyzc');
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map((i) => text.toRaw(i)), [10, 11, 12, 13, 13, 13, 14]);
    const forward = text.forwardToRaw();
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map((i) => forward(i)), [10, 11, 12, 13, 13, 13, 14]);
  });

  it('maps an empty slice to the raw offset where it was cut', () => {
    const part = MappedText.identity('hello', 100).slice(2, 2);
    assert.equal(part.text, '');
    assert.equal(part.toRaw(0), 102);
  });

  it('ignores an empty piece, its raw offsets included', () => {
    const builder = new MappedTextBuilder();
    builder.push('ab', 0, 2);
    builder.push('', 5, 9);
    const text = MappedText.fromBuilder(builder);
    assert.equal(text.text, 'ab');
    assert.equal(text.toRaw(2), 2);
  });
});

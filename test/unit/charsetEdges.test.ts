// Charset labels as messages write them: WHATWG names, the aliases real mail uses, quotes, case and
// blanks, the fallback to windows-1252, which charsets may be mapped byte for byte, and the bounded caches.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { charsetFor } from '../../server/src/formats/mime/charset';

// First in the file, while both caches are empty: the counts below depend on it.
describe('charset caches', () => {
  it('keep at most 64 labels, so a message full of odd labels cannot grow them', () => {
    // Synthetic labels, each a different unknown charset (so also a different key of the second cache).
    const kept = Array.from({ length: 200 }, (_, i) => `x-synthetic-${i}`).filter((label) => charsetFor(label) === charsetFor(label));
    assert.equal(kept.length, 64);
    assert.deepEqual(kept.slice(0, 2), ['x-synthetic-0', 'x-synthetic-1']);
  });

  it('share one decoder among the labels that name the same charset', () => {
    // Both caches are full by now: a new label is found through the key it normalises to, cached with the first labels.
    const first = charsetFor('x-synthetic-3');
    assert.equal(charsetFor('X-SYNTHETIC-3'), first);
    assert.equal(charsetFor(' "x-synthetic-3" '), first);
  });
});

describe('charset labels', () => {
  it('resolve WHATWG labels and the aliases mail software writes', () => {
    assert.equal(charsetFor('iso-8859-2').name, 'iso-8859-2');
    assert.equal(charsetFor('utf8').name, 'utf-8');
    assert.equal(charsetFor('x-euc-jp').name, 'euc-jp');
    // cp932 is Microsoft's Shift_JIS, which the WHATWG list does not name.
    assert.equal(charsetFor('cp932').name, 'shift_jis');
    assert.equal(charsetFor('CP932').name, 'shift_jis');
    assert.equal(charsetFor(' cp932\t').name, 'shift_jis');
    assert.equal(charsetFor('"cp932"').name, 'shift_jis');
    assert.equal(charsetFor("'utf8'").name, 'utf-8');
  });

  it('read no label, or an empty one, as UTF-8 and an unknown one as windows-1252', () => {
    assert.equal(charsetFor(undefined).name, 'utf-8');
    assert.equal(charsetFor('').name, 'utf-8');
    assert.equal(charsetFor('""').name, 'utf-8');
    assert.equal(charsetFor('x-no-such-charset').name, 'windows-1252');
    // Only quotes around the label are dropped: one inside leaves no charset name.
    assert.equal(charsetFor('utf"-8').name, 'windows-1252');
    assert.equal(charsetFor('utf-\'8').name, 'windows-1252');
  });

  it('decode in the charset named', () => {
    // 日本 in Shift_JIS (JIS X 0208 rows 38 and 43), ą in ISO 8859-2, é in windows-1252.
    assert.equal(charsetFor('cp932').decode(new Uint8Array([0x93, 0xfa, 0x96, 0x7b])), '日本');
    assert.equal(charsetFor('iso-8859-2').decode(new Uint8Array([0xb1])), 'ą');
    assert.equal(charsetFor('x-unknown').decode(new Uint8Array([0xe9])), 'é');
  });

  it('are ASCII-safe unless a multi-byte sequence may hold ASCII bytes', () => {
    // Trail bytes of these reach into 0x30-0x7E (or every byte pairs up, for UTF-16; escapes, for ISO-2022-JP).
    for (const label of ['gbk', 'gb18030', 'big5', 'iso-2022-jp', 'shift_jis', 'euc-kr', 'utf-16be', 'utf-16le']) {
      assert.equal(charsetFor(label).asciiSafe, false, label);
    }
    for (const label of ['utf-8', 'iso-8859-1', 'iso-8859-2', 'koi8-r', 'windows-1251']) assert.equal(charsetFor(label).asciiSafe, true, label);
  });
});

// Body decoding at its edges: bytes of a single-byte charset read as 8-bit text, quoted-printable's
// hexadecimal digits, soft breaks and limits in both decoders, and base64's alphabet, padding, line
// breaks split across quanta and raw offsets. All bodies are synthetic; expected texts come from the
// charset tables (ISO 8859-2 0xB1 is ą, KOI8-R 0x80 is ─) and RFC 2045's encodings worked by hand.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeBody } from '../../server/src/formats/mime/bodyDecoding';

const decode = (text: string, encoding: string, charset: string, maxChars?: number): string =>
  decodeBody(text, 0, text.length, encoding, charset, maxChars).text;

describe('8-bit bodies in a single-byte charset', () => {
  it('decode the bytes the editor read as Latin-1, runs of them and lone ones', () => {
    assert.equal(decode('x\u00b1', '8bit', 'iso-8859-2'), 'xą');
    assert.equal(decode('\u00b1\u00b1\u00b1\u00b1\nx\u00b1', '8bit', 'iso-8859-2'), 'ąąąą\nxą');
    assert.equal(decode('x\u0080', '8bit', 'koi8-r'), 'x─');
    assert.equal(decode('\u00ff', '8bit', 'iso-8859-2'), '˙');
  });

  it('keep text that is already decoded, and read a character beyond a byte as "?"', () => {
    assert.equal(decode('日本 caf\u00e9', '8bit', 'shift_jis'), '日本 caf\u00e9');
    assert.equal(decode('caf\u00e9 \u65e5', '8bit', 'iso-8859-2'), 'café ?');
  });

  it('end lines at a bare CR without dropping the next character', () => {
    assert.equal(decode('a\rb\u00b1', '8bit', 'iso-8859-2'), 'a\nbą');
  });

  it('map each character to its raw offset, to the end', () => {
    const body = decodeBody('xyz\u00b1', 0, 4, '8bit', 'iso-8859-2');
    assert.deepEqual([0, 1, 2, 3, 4].map((i) => body.toRaw(i)), [0, 1, 2, 3, 4]);
  });

  it('take the slice asked for when nothing needs decoding', () => {
    assert.equal(decodeBody('head body tail', 5, 9, '7bit', 'utf-8').text, 'body');
  });
});

describe('quoted-printable', () => {
  // us-ascii reads as windows-1252, which keeps ASCII as it is (one decoder); Shift_JIS does not (the other).
  for (const charset of ['us-ascii', 'shift_jis']) {
    it(`decodes every hexadecimal digit and keeps what is not an escape as written (${charset})`, () => {
      assert.equal(decode('a=30=4F=6f=09=W0=g0=0gb', 'quoted-printable', charset), 'a0Oo\t=W0=g0=0gb');
    });

    it(`joins soft breaks with blanks before them, and drops a final "=" (${charset})`, () => {
      assert.equal(decode('ab= \ncd=\nef=', 'quoted-printable', charset), 'abcdef');
    });

    it(`reads no escape past the end it is given (${charset})`, () => {
      assert.equal(decodeBody('=41', 0, 2, 'quoted-printable', charset).text, '=4');
    });

    it(`stops after maxChars characters (${charset})`, () => {
      // The raw text read is also cut at twice maxChars (here 8), which this body fits.
      assert.equal(decode('abc=41=4', 'quoted-printable', charset, 4), 'abcA');
    });
  }

  it('counts plain lines, escapes, stray "=" and other characters toward maxChars (Shift_JIS)', () => {
    assert.equal(decode('ab\ncd\nef\ngh', 'quoted-printable', 'shift_jis', 8), 'ab\ncd\nef');
    assert.equal(decode('hello\nworld', 'quoted-printable', 'shift_jis', 5), 'hello');
    assert.equal(decode('abcd=41=42', 'quoted-printable', 'shift_jis', 5), 'abcdA');
    assert.equal(decode('a=zb', 'quoted-printable', 'shift_jis', 2), 'a=');
    assert.equal(decode('x=41yz', 'quoted-printable', 'shift_jis', 3), 'xAy');
  });

  it('reads a soft break ending in the given end as the end (ASCII-safe decoder)', () => {
    assert.equal(decodeBody('ab=cd', 0, 3, 'quoted-printable', 'us-ascii').text, 'ab');
  });

  it('maps the text after an escape to its own raw offset', () => {
    const body = decodeBody('a=41b', 0, 5, 'quoted-printable', 'shift_jis');
    assert.equal(body.text, 'aAb');
    assert.equal(body.toRaw(2), 4);
  });

  it('decodes escaped UTF-8 sequences whole, from their first escape, 0x80 included', () => {
    assert.equal(decode('=C2=80', 'quoted-printable', 'utf-8'), '\u0080');
    const body = decodeBody('x=C3=A9y', 0, 8, 'quoted-printable', 'utf-8');
    assert.equal(body.text, 'xéy');
    assert.equal(body.toRaw(1), 1);
  });
});

describe('base64', () => {
  it('decodes "A" (a zero sextet) and skips characters outside the alphabet', () => {
    assert.equal(decode('UA==', 'base64', 'us-ascii'), 'P');
    assert.equal(decode('QU\u00e9JD', 'base64', 'us-ascii'), 'ABC');
    assert.equal(decode('QU\u0080JD', 'base64', 'us-ascii'), 'ABC');
  });

  it('stops at padding, at the given end and after maxChars bytes', () => {
    assert.equal(decode('QQ==QUJD', 'base64', 'us-ascii'), 'A');
    assert.equal(decodeBody('QUJDREVG', 0, 5, 'base64', 'us-ascii').text, 'ABC');
    assert.equal(decode('QUJDREVG', 'base64', 'us-ascii', 4), 'ABCD');
  });

  it('ends lines at LF, CRLF split across quanta, a bare CR, and a CR at the end', () => {
    assert.equal(decode('Cg==', 'base64', 'us-ascii'), '\n');
    assert.equal(decode('QQpC', 'base64', 'us-ascii'), 'A\nB');
    assert.equal(decode('QQ1CQw==', 'base64', 'us-ascii'), 'A\nBC');
    assert.equal(decode('QUIN', 'base64', 'us-ascii'), 'AB\n');
    // "AB\r" then "\nC": the CRLF is one break, at the quantum holding its CR.
    const crlf = decodeBody('QUINCkM=', 0, 8, 'base64', 'us-ascii');
    assert.equal(crlf.text, 'AB\nC');
    assert.equal(crlf.toRaw(2), 0);
  });

  it('maps each line from the quantum its first byte came from', () => {
    const one = decodeBody('QUJD', 0, 4, 'base64', 'us-ascii');
    assert.deepEqual([0, 1, 3].map((i) => one.toRaw(i)), [0, 1, 1]);
    // "AB\n" from the quantum at 0, "CDE" from the one at 4.
    const two = decodeBody('QUIKQ0RF', 0, 8, 'base64', 'us-ascii');
    assert.equal(two.text, 'AB\nCDE');
    assert.equal(two.toRaw(3), 4);
  });
});

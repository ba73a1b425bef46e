// Line breaks in mail: LF, CRLF and a bare CR each end one line, wherever the reader skips them
// (line helpers, header blocks, the MIME tree's walk over bodies). All texts are synthetic.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHeaderBlock } from '../../server/src/formats/mime/headers';
import { lineAt, pastBreak } from '../../server/src/formats/mime/lines';
import { parseMime } from '../../server/src/formats/mime/mimeTree';

describe('pastBreak', () => {
  it('steps over LF, CRLF and a bare CR as one break each', () => {
    assert.equal(pastBreak('a\nb', 1), 2);
    assert.equal(pastBreak('a\r\nb', 1), 3);
    assert.equal(pastBreak('a\rb', 1), 2);
    // LF then CR are two breaks (an empty line between them), not one.
    assert.equal(pastBreak('a\n\rb', 1), 2);
  });

  it('stops at the limit: no break beyond it, and a CRLF cut by it counts as its CR alone', () => {
    assert.equal(pastBreak('abc', 3), 3);
    assert.equal(pastBreak('a\nb', 5, 3), 3);
    assert.equal(pastBreak('a\r\nb', 1, 2), 2);
    assert.equal(pastBreak('a\r\nb', 1, 3), 3);
  });

  it('gives lineAt its next line', () => {
    assert.deepEqual(lineAt('ab\r\ncd', 0), { start: 0, end: 2, next: 4 });
    assert.deepEqual(lineAt('ab\rcd', 0), { start: 0, end: 2, next: 3 });
    assert.deepEqual(lineAt('ab\ncd', 3), { start: 3, end: 5, next: 5 });
    assert.deepEqual(lineAt('ab\r\ncd', 0, 3), { start: 0, end: 2, next: 3 });
  });
});

describe('line breaks in header blocks and MIME bodies', () => {
  it('ends a header block at a blank line of any kind and gives the body offset past it', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `To: b@example.com${eol}${eol}body`;
      const block = parseHeaderBlock(text, 0);
      assert.equal(text.slice(block.bodyStart), 'body', JSON.stringify(eol));
      assert.equal(block.missingSeparator, false);
    }
  });

  it('walks the body lines of a multipart in each line-break style and finds the same parts', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = [
        'Content-Type: multipart/mixed; boundary="b"', '', 'preamble line', '--b', '', 'first', 'second line', '--b', 'Content-Type: text/html', '',
        '<p>third</p>', '--b--', 'epilogue',
      ].join(eol);
      const mime = parseMime(text);
      assert.deepEqual(mime.nodes.map((n) => n.contentType), ['multipart/mixed', 'text/plain', 'text/html'], JSON.stringify(eol));
      assert.deepEqual(mime.nodes.slice(1).map((n) => text.slice(n.bodyStart, n.bodyEnd)), [`first${eol}second line`, '<p>third</p>']);
      assert.deepEqual(mime.problems, []);
    }
  });

  it('reads a body whose lines end in mixed breaks, a bare CR right before a boundary included', () => {
    const text = 'Content-Type: multipart/mixed; boundary="b"\n\nintro\r--b\r\n\r\nline one\rline two\n--b\rContent-Type: text/html\n\n<p>x</p>\r\n--b--\r';
    const mime = parseMime(text);
    assert.deepEqual(mime.nodes.map((n) => n.contentType), ['multipart/mixed', 'text/plain', 'text/html']);
    assert.deepEqual(mime.nodes.slice(1).map((n) => text.slice(n.bodyStart, n.bodyEnd)), ['line one\rline two', '<p>x</p>']);
  });

  it('does not take "--b" inside a line for a boundary', () => {
    const text = 'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\n\r\nsee --b here\r\n--b--\r\n';
    const mime = parseMime(text);
    assert.deepEqual(mime.nodes.map((n) => n.contentType), ['multipart/mixed', 'text/plain']);
    assert.equal(text.slice(mime.nodes[1]!.bodyStart, mime.nodes[1]!.bodyEnd), 'see --b here');
  });
});

// The MIME tree at its edges: transfer encodings and types as written, digests, embedded messages
// that are encoded or not to be split, boundary lines with transport padding or one dash too many,
// empty parts, and the part cap. All messages are synthetic.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_PARTS, parseMime } from '../../server/src/formats/mime/mimeTree';

const lines = (...parts: string[]): string => parts.join('\n');
const bodies = (text: string): string[] => parseMime(text).nodes.map((n) => text.slice(n.bodyStart, n.bodyEnd));

describe('part headers', () => {
  it('read the transfer encoding\'s first word in lower case, 7bit when there is none', () => {
    const encoding = (header: string): string => parseMime(`${header}\n\nbody`).root.transferEncoding;
    assert.equal(encoding('Content-Transfer-Encoding:  Base64 (as sent)'), 'base64');
    assert.equal(encoding('Content-Transfer-Encoding: (none given)'), '7bit');
    assert.equal(encoding('Content-Transfer-Encoding:'), '7bit');
    assert.equal(encoding('Subject: x'), '7bit');
  });

  it('take a type only when it is type/subtype, and keep its parameters', () => {
    const root = (header: string): { type: string; params: [string, string][] } => {
      const node = parseMime(`${header}\n\nbody`).root;
      return { type: node.contentType, params: [...node.params] };
    };
    assert.deepEqual(root('Content-Type: Text/HTML; Charset=UTF-8'), { type: 'text/html', params: [['charset', 'UTF-8']] });
    assert.deepEqual(root('Content-Type: text; charset=us-ascii'), { type: 'text/plain', params: [['charset', 'us-ascii']] });
    assert.deepEqual(root('Content-Type: text/plain/extra'), { type: 'text/plain', params: [] });
    assert.deepEqual(root('Subject: x'), { type: 'text/plain', params: [] });
  });
});

describe('part types', () => {
  it('refuse a type with words around it', () => {
    assert.equal(parseMime('Content-Type: bad text/html\n\nbody').root.contentType, 'text/plain');
  });

  it('give a leaf no children and a multipart every part', () => {
    assert.deepEqual(parseMime('Subject: x\n\nbody').root.children, []);
    const mime = parseMime(lines('Content-Type: multipart/mixed; boundary="b"', '', '--b', '', 'one', '--b', '', 'two', '--b--', ''));
    assert.deepEqual(mime.root.children.map((c) => c.index), [1, 2]);
  });

  it('read the parts of a digest as messages by default (RFC 2046 5.1.5)', () => {
    const mime = parseMime(lines('Content-Type: multipart/digest; boundary="d"', '', '--d', '', 'Subject: one', '', 'first', '--d--', ''));
    assert.deepEqual(mime.nodes.map((n) => [n.depth, n.contentType]), [[0, 'multipart/digest'], [1, 'message/rfc822'], [2, 'text/plain']]);
    assert.equal(mime.nodes[2]!.headers.fields[0]!.value, 'one');
  });
});

describe('embedded messages', () => {
  const embedded = (type: string, encoding?: string): string[] => parseMime(lines(
    `Content-Type: ${type}`, ...(encoding ? [`Content-Transfer-Encoding: ${encoding}`] : []), '', 'Subject: inner', '', 'body',
  )).nodes.map((n) => n.contentType);

  it('are opened when written as text (7bit, 8bit, binary), message/global too', () => {
    assert.deepEqual(embedded('message/global'), ['message/global', 'text/plain']);
    assert.deepEqual(embedded('message/rfc822', '8bit'), ['message/rfc822', 'text/plain']);
    assert.deepEqual(embedded('message/rfc822', 'binary'), ['message/rfc822', 'text/plain']);
  });

  it('are not opened when encoded or empty', () => {
    assert.deepEqual(embedded('message/rfc822', 'base64'), ['message/rfc822']);
    assert.deepEqual(parseMime('Content-Type: message/rfc822\n').nodes.length, 1);
  });

  it('have their multiparts split only when the option says so; the outer ones always are', () => {
    const text = lines(
      'Content-Type: multipart/mixed; boundary="o"', '', '--o', 'Content-Type: message/rfc822', '',
      'Content-Type: multipart/alternative; boundary="i"', '', '--i', '', 'inner', '--i--', '--o--', '',
    );
    const types = (open?: () => boolean): string[] => parseMime(text, open ? { openEmbeddedMultipart: open } : {}).nodes.map((n) => n.contentType);
    assert.deepEqual(types(() => false), ['multipart/mixed', 'message/rfc822', 'multipart/alternative']);
    assert.deepEqual(types(() => true), ['multipart/mixed', 'message/rfc822', 'multipart/alternative', 'text/plain']);
    assert.deepEqual(types(), ['multipart/mixed', 'message/rfc822', 'multipart/alternative', 'text/plain']);
  });
});

describe('boundary lines', () => {
  const part = (body: string[], boundary = 'b'): string[] => bodies(lines(
    `Content-Type: multipart/mixed; boundary="${boundary}"`, '', `--${boundary}`, '', ...body, `--${boundary}--`, '',
  ));

  it('may end in blanks (transport padding, RFC 2046 5.1.1)', () => {
    assert.deepEqual(bodies(lines('Content-Type: multipart/mixed; boundary="b"', '', '--b  ', '', 'one', '--b--\t', 'epilogue')).slice(1), ['one']);
  });

  it('are only the whole boundary after two dashes at a line start', () => {
    // '-xb' and 'x-b' each follow a line that starts with two dashes, so they are looked at too.
    const body = ['x --b', '--x--', '-xb', '--bxy', 'x-b', 'xxb'];
    assert.deepEqual(part(body).slice(1), [body.join('\n')]);
  });

  it('end a part\'s headers even when they read as a field (a colon is allowed in a boundary)', () => {
    const mime = parseMime(lines('Content-Type: multipart/mixed; boundary="x:y"', '', '--x:y', '--x:y', 'Content-Type: text/html', '', '<p>two</p>', '--x:y--', ''));
    assert.deepEqual(mime.nodes.map((n) => [n.contentType, n.headers.fields.length]), [['multipart/mixed', 1], ['text/plain', 0], ['text/html', 1]]);
  });

  it('of a multipart that never closed mean nothing once its parent\'s boundary ended it', () => {
    const text = lines(
      'Content-Type: multipart/mixed; boundary="a"', '', '--a', 'Content-Type: multipart/mixed; boundary="b"', '', '--b', '', 'inner',
      '--a', '', 'second', '--b', 'still second', '--a--', '',
    );
    assert.deepEqual(bodies(text).slice(1), [bodies(text)[1], 'inner', 'second\n--b\nstill second']);
  });
});

describe('limits', () => {
  const nested = (depth: number, leaf: string): string => {
    let text = '';
    for (let i = 0; i < depth; i++) text += `Content-Type: multipart/mixed; boundary="b${i}"\n\n--b${i}\n`;
    return text + leaf;
  };

  it('read a leaf at the deepest level without a problem', () => {
    const mime = parseMime(nested(50, 'Content-Type: text/plain\n\nleaf\n'));
    assert.equal(mime.nodes.at(-1)!.depth, 50);
    assert.deepEqual(mime.problems, []);
  });

  it('report multiparts nested too deep once, at the first', () => {
    const text = nested(50, 'Content-Type: multipart/mixed; boundary="z"\n\n--b49\nContent-Type: message/rfc822\n\nbody\n');
    const mime = parseMime(text);
    const first = text.indexOf('Content-Type: multipart/mixed; boundary="z"');
    assert.deepEqual(mime.problems, [{
      message: 'MIME parts nested deeper than 50 levels are read as plain text', start: first, end: first + 'Content-Type: multipart/mixed; boundary="z"\n\n'.length,
    }]);
  });

  it(`split out ${MAX_PARTS} parts and report the rest once`, () => {
    const head = 'Content-Type: multipart/mixed; boundary="b"\n\n';
    const mime = parseMime(`${head}${'--b\n\nx\n'.repeat(MAX_PARTS + 1)}--b--\n`);
    assert.equal(mime.nodes.length, MAX_PARTS);
    const start = head.length + (MAX_PARTS - 1) * 7;
    assert.deepEqual(mime.problems, [{ message: `more than ${MAX_PARTS} MIME parts: the rest are not read`, start, end: start + 3 }]);
  });
});

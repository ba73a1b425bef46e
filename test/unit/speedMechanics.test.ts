// The shortcuts the bounce reader takes for speed answer exactly as the plain code they replace:
// white space collapsed without a regex, the mail-system lookups that first ask one joined regex
// whether any system's host names or marks can match, and quoted-printable and HTML text passed
// over with indexOf. Inputs are synthetic strings and the real bounce corpus.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { collapseWhiteSpace, isWhiteSpace } from '../../server/src/text/whitespace';
import { NextOf } from '../../server/src/text/nextOf';
import { decodeBody } from '../../server/src/formats/mime/bodyDecoding';
import { htmlToText } from '../../server/src/formats/mime/htmlText';
import { MappedText } from '../../server/src/formats/mime/mappedText';
import { decodeHTML } from 'entities';
import { writerOf, writersOf } from '../../server/src/analysis/writerOf';
import { mailSystems } from '../../server/src/knowledge/data/mailSystems';
import { hasHost, hasMark, hasReportMark } from '../../server/src/knowledge/mailSystems';
import { sharedRoot } from '../support/shared';

describe('collapseWhiteSpace', () => {
  it('counts as white space exactly what \\s matches, over every UTF-16 code unit', () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(isWhiteSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  });

  it('gives what replace(/\\s+/g, " ") gives (synthetic strings)', () => {
    const samples = ['', ' ', '  ', 'a', 'a b', 'a  b', ' a ', '\ta\r\nb\n', 'a\u00a0\u2003b', 'x \u3000 y\ufeff', 'one two three', 'end \n'];
    let seed = 11;
    const alphabet = ['a', 'b', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\u2028', 'é', '5'];
    for (let k = 0; k < 2000; k++) {
      let s = '';
      for (let i = 0; i < k % 30; i++) s += alphabet[(seed = (seed * 1103515245 + 12345) & 0x7fffffff) % alphabet.length];
      samples.push(s);
    }
    for (const s of samples) assert.equal(collapseWhiteSpace(s), s.replace(/\s+/g, " "), JSON.stringify(s));
  });

  it('returns the very string when nothing changes', () => {
    const text = 'a reply with single spaces only';
    assert.equal(collapseWhiteSpace(text), text);
  });
});

describe('writersOf and writerOf with the joined pre-check', () => {
  // The plain reading: ask every system about every host, text and report opening.
  const plainNames = (system: (typeof mailSystems)[number], hosts: readonly string[], texts: readonly string[], report: string | undefined): boolean =>
    hosts.some((h) => hasHost(system, h)) || texts.some((t) => hasMark(system, t)) || (report !== undefined && hasReportMark(system, report));

  it('names the same systems as asking each system, on every corpus bounce and synthetic hosts', () => {
    const maildir = join(sharedRoot, 'corpus', 'bounces', 'maildir', 'bsd');
    const hostSets = [[''], ['mx.hotmail-com.olc.protection.outlook.com'], ['EUR01.prod.protection.outlook.com', 'example.org'], ['gmail-smtp-in.l.google.com'],
      ['mta5.am0.yahoodns.net', 'aol.com'], ['mx.example.net'], ['contoso.onmicrosoft.com'], ['googlegroups.com', 'icloud.com']];
    let compared = 0;
    let named = 0;
    readdirSync(maildir).sort().forEach((file, i) => {
      const text = readFileSync(join(maildir, file), 'utf8').slice(0, 4000);
      const texts = [text, text.toLowerCase().slice(0, 800)];
      const hosts = hostSets[i % hostSets.length]!;
      const report = text.toLowerCase().slice(0, 1500);
      const expected = mailSystems.filter((s) => plainNames(s, hosts, texts, report));
      assert.deepEqual(writersOf({ hosts, texts, report }).map((s) => s.id), expected.map((s) => s.id), file);
      assert.equal(writerOf({ hosts, texts }), mailSystems.find((s) => plainNames(s, hosts, texts, undefined)), file);
      assert.equal(writerOf({ report })?.id, mailSystems.find((s) => plainNames(s, [], [], report))?.id, file);
      compared++;
      if (expected.length > 0) named++;
    });
    assert.ok(compared > 600 && named > 100, `${compared} compared, ${named} naming some system`);
  });
});

/** A small deterministic generator, so every run tests the same strings. */
function randomFrom(seed: number): (n: number) => number {
  let state = seed;
  return (n) => (state = (state * 1103515245 + 12345) & 0x7fffffff) % n;
}

describe('NextOf', () => {
  it('answers as a search from each point, for offsets that only grow, in a text that starts at an offset (synthetic strings)', () => {
    const random = randomFrom(7);
    for (let k = 0; k < 500; k++) {
      let text = '';
      for (let i = 0; i < k % 60; i++) text += 'ab=\n'[random(4)];
      const offset = random(3) * 50;
      const next = new NextOf(text, '=', offset);
      for (let from = offset; from <= offset + text.length; from += 1 + random(4)) {
        let expected = from - offset;
        while (expected < text.length && text[expected] !== '=') expected++;
        assert.equal(next.next(from), offset + expected, `${JSON.stringify(text)} from ${from}`);
      }
    }
  });
});

describe('quoted-printable decoding with indexOf', () => {
  /**
   * The plain reading of an ASCII quoted-printable body, one character at a time (RFC 2045 6.7, read
   * leniently as the decoder does): "=XX" is a byte, "=" and blanks before a line break are a soft
   * break, any other "=" stays, a line break is one "\n". With each character's raw offset.
   */
  function plainDecode(raw: string, start: number, end: number): { text: string; rawAt: number[] } {
    let text = '';
    const rawAt: number[] = [];
    const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9A-Fa-f]$/.test(c);
    let i = start;
    while (i < end) {
      const c = raw[i]!;
      if (c === '=') {
        let k = i + 1;
        while (k < end && (raw[k] === ' ' || raw[k] === '\t')) k++;
        if (k >= end || raw[k] === '\r' || raw[k] === '\n') {
          i = k >= end ? k : raw[k] === '\r' && raw[k + 1] === '\n' && k + 1 < end ? k + 2 : k + 1;
          continue;
        }
        if (i + 2 < end && isHex(raw[i + 1]) && isHex(raw[i + 2])) {
          text += String.fromCharCode(parseInt(raw.slice(i + 1, i + 3), 16));
          rawAt.push(i);
          i += 3;
          continue;
        }
      }
      if (c === '\r' || c === '\n') {
        text += '\n';
        rawAt.push(i);
        i += c === '\r' && raw[i + 1] === '\n' && i + 1 < end ? 2 : 1;
        continue;
      }
      text += c;
      rawAt.push(i);
      i++;
    }
    return { text, rawAt };
  }

  it('decodes and maps every character as the plain reading does, the body set in a document that goes on past it (synthetic bodies)', () => {
    const pieces = ['a', 'bc', ' ', 'Line of words ', '=3D', '=41', '=7e', '=\n', '=\r\n', '= \n', '=\t \r\n', '\n', '\r\n', '\r', '=', '=4', '=G1', '550 5.1.1'];
    const random = randomFrom(3);
    for (let k = 0; k < 800; k++) {
      let body = '';
      for (let i = 0; i < k % 40; i++) body += pieces[random(pieces.length)];
      // Text before and after the body, with "=" and line breaks the decoder must not read.
      const document = `Header: x=1\r\n\r\n${body}\n--boundary=\r\nmore = text\n`;
      const start = document.indexOf('\r\n\r\n') + 4;
      const end = start + body.length;
      const decoded = decodeBody(document, start, end, 'quoted-printable', 'us-ascii');
      const plain = plainDecode(document, start, end);
      assert.equal(decoded.text, plain.text, JSON.stringify(body));
      plain.rawAt.forEach((at, offset) => assert.equal(decoded.toRaw(offset), at, `${JSON.stringify(body)} offset ${offset}`));
    }
  });
});

describe('HTML text with indexOf', () => {
  const blockTags = new Set(['br', 'p', 'div', 'tr', 'li', 'ul', 'ol', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote', 'hr', 'td', 'th', 'title']);

  /**
   * The plain reading, one character at a time: tags removed (block tags become a line break),
   * script and style dropped up to their end tag, entities of up to 40 characters decoded, every
   * line break of the source a space; the text after a "<" that never closes is dropped.
   */
  function plainText(html: string): string {
    let out = '';
    let i = 0;
    while (i < html.length) {
      const c = html[i]!;
      if (c === '<') {
        const close = html.indexOf('>', i + 1);
        if (close < 0) break;
        const name = /^\/?([A-Za-z0-9]*)/.exec(html.slice(i + 1, close))![1]!.toLowerCase();
        if (name === 'script' || name === 'style') {
          const endTag = html.toLowerCase().indexOf(`</${name}`, close + 1);
          const after = endTag < 0 ? -1 : html.indexOf('>', endTag);
          i = endTag < 0 || after < 0 ? html.length : after + 1;
        } else {
          if (blockTags.has(name)) out += '\n';
          i = close + 1;
        }
        continue;
      }
      if (c === '&') {
        const entity = /^&[A-Za-z0-9#]+;/.exec(html.slice(i, i + 40));
        if (entity && decodeHTML(entity[0]) !== entity[0]) {
          out += decodeHTML(entity[0]);
          i += entity[0].length;
          continue;
        }
      }
      out += c === '\r' || c === '\n' ? ' ' : c;
      i++;
    }
    return out;
  }

  it('gives the plain reading\'s text (synthetic tag soup)', () => {
    const pieces = ['word ', '<p>', '</P>', '<br/>', '<b>', '<span class="x">', '&amp;', '&lt;', '&nosuch;', '&#65;', '& ', '\n', '\r\n', '<style>p{}</style>',
      '<SCRIPT>x<y</script>', '550 5.1.1', '>', '<', '<div', 'a&b', '<td>cell</td>'];
    const random = randomFrom(5);
    for (let k = 0; k < 800; k++) {
      let html = '';
      for (let i = 0; i < k % 30; i++) html += pieces[random(pieces.length)];
      assert.equal(htmlToText(MappedText.identity(html, 0)).text, plainText(html), JSON.stringify(html));
    }
  });
});

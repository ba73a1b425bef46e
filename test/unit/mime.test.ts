// Reading messages: header blocks, the MIME tree, transfer and charset decoding, HTML to text, and
// that every decoded character still maps to its place in the raw document.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeBody } from '../../server/src/formats/mime/bodyDecoding';
import { parseStructured } from '../../server/src/formats/mime/contentType';
import { formatDuration, parseMailDate } from '../../server/src/formats/mime/dates';
import { decodedValue, header, parseHeaderBlock, valueOffsetToRaw } from '../../server/src/formats/mime/headers';
import { htmlToText } from '../../server/src/formats/mime/htmlText';
import { MappedText, MappedTextBuilder } from '../../server/src/formats/mime/mappedText';
import fc from 'fast-check';
import { MAX_DEPTH, parseMime } from '../../server/src/formats/mime/mimeTree';
import { readReceivedChain } from '../../server/src/formats/mime/receivedChain';
import { authVerdicts } from '../../server/src/formats/mime/authResults';
import '../support/fuzzSeed';

describe('header blocks', () => {
  it('unfolds continuation lines and keeps raw offsets for every value character', () => {
    const text = 'Subject: a long\r\n\tsubject line\r\nX-Empty:\r\n\r\nbody';
    const block = parseHeaderBlock(text, 0);
    const subject = header(block, 'subject')!;
    assert.equal(subject.value, 'a long\tsubject line');
    assert.equal(text[valueOffsetToRaw(subject, subject.value.indexOf('line'))], 'l');
    assert.equal(text.slice(valueOffsetToRaw(subject, 7), valueOffsetToRaw(subject, 14)), 'subject');
    assert.equal(header(block, 'x-empty')!.value, '');
    assert.equal(text.slice(block.bodyStart), 'body');
  });

  it('treats LF, CRLF and a bare CR alike', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const block = parseHeaderBlock(`From: a@example.com${eol} folded${eol}To: b@example.com${eol}${eol}body`, 0);
      assert.deepEqual(block.fields.map((f) => [f.key, f.value]), [['from', 'a@example.com folded'], ['to', 'b@example.com']], JSON.stringify(eol));
    }
  });

  it('is lenient: an mbox From line, a space before the colon, a missing blank line', () => {
    const text = 'From sender@example.com Mon Apr 29 23:34:45 2010\nSubject : hello\nnot a header line\nmore body';
    const block = parseHeaderBlock(text, 0);
    assert.deepEqual(block.fields.map((f) => [f.name, f.value]), [['Subject', 'hello']]);
    assert.equal(block.missingSeparator, true);
    assert.equal(text.slice(block.bodyStart), 'not a header line\nmore body');
  });

  it('decodes RFC 2047 encoded words, in any charset, and joins adjacent ones', () => {
    const block = parseHeaderBlock('Subject: =?UTF-8?B?44Gr44KD44KT?= =?UTF-8?B?44GT?=\nFrom: =?iso-2022-jp?B?GyRCJUYlOSVIGyhC?= <a@example.jp>\nX-Q: =?ISO-8859-1?Q?Caf=E9_au_lait?=\n\n', 0);
    assert.equal(decodedValue(header(block, 'subject')), 'にゃんこ');
    assert.equal(decodedValue(header(block, 'from')), 'テスト <a@example.jp>');
    assert.equal(decodedValue(header(block, 'x-q')), 'Café au lait');
  });

  it('reads structured values with quotes, comments and RFC 2231 continuations', () => {
    const ct = parseStructured('Multipart/Report; report-type="delivery-status";\r\n boundary="a;b=c"; charset*=utf-8\'\'%E2%82%AC');
    assert.equal(ct.value, 'multipart/report');
    assert.equal(ct.params.get('boundary'), 'a;b=c');
    assert.equal(ct.params.get('report-type'), 'delivery-status');
    assert.equal(ct.params.get('charset'), '€');
    assert.equal(parseStructured('text/plain; name*0="long"; name*1="name.txt"').params.get('name'), 'longname.txt');
  });

  it('unquotes parameter values with and without backslash escapes (synthetic values)', () => {
    const ct = parseStructured('text/plain; a="plain"; b="say \\"hi\\" now"; c="ends\\\\"; e="x"y; f="back\\');
    assert.equal(ct.params.get('a'), 'plain');
    assert.equal(ct.params.get('b'), 'say "hi" now');
    assert.equal(ct.params.get('c'), 'ends\\');
    // Text after the closing quote is dropped; a backslash with nothing after it stays.
    assert.equal(ct.params.get('e'), 'x');
    assert.equal(ct.params.get('f'), 'back\\');
  });
});

describe('MIME tree', () => {
  const report = [
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="outer"',
    '',
    'preamble',
    '--outer',
    'Content-Type: multipart/alternative; boundary="inner"',
    '',
    '--inner',
    'Content-Type: text/plain',
    '',
    'plain text',
    '--inner',
    'Content-Type: text/html',
    '',
    '<p>html</p>',
    '--inner--',
    '--outer',
    'Content-Type: message/delivery-status',
    '',
    'Final-Recipient: rfc822; bob@example.com',
    '--outer',
    'Content-Type: message/rfc822',
    '',
    'Subject: original',
    'Content-Type: multipart/mixed; boundary="orig"',
    '',
    '--orig',
    '',
    'original body',
    '--orig--',
    '--outer--',
    'epilogue',
  ].join('\n');

  it('finds every part, nested multiparts and the message inside message/rfc822, with exact bodies', () => {
    const mime = parseMime(report);
    assert.deepEqual(mime.nodes.map((n) => [n.depth, n.contentType]), [
      [0, 'multipart/report'], [1, 'multipart/alternative'], [2, 'text/plain'], [2, 'text/html'],
      [1, 'message/delivery-status'], [1, 'message/rfc822'], [2, 'multipart/mixed'], [3, 'text/plain'],
    ]);
    const body = (i: number): string => report.slice(mime.nodes[i]!.bodyStart, mime.nodes[i]!.bodyEnd);
    assert.equal(body(2), 'plain text');
    assert.equal(body(3), '<p>html</p>');
    assert.equal(body(4), 'Final-Recipient: rfc822; bob@example.com');
    assert.equal(body(7), 'original body');
    assert.equal(mime.nodes[6]!.headers.fields[0]!.value, 'original');
    assert.deepEqual(mime.problems, []);
  });

  it('ends a part that never closes at its parent\'s next boundary, or at the end', () => {
    const text = 'Content-Type: multipart/mixed; boundary="a"\n\n--a\nContent-Type: multipart/mixed; boundary="b"\n\n--b\n\ninner\n--a\n\nsecond\n';
    const mime = parseMime(text);
    assert.deepEqual(mime.nodes.map((n) => n.contentType), ['multipart/mixed', 'multipart/mixed', 'text/plain', 'text/plain']);
    assert.equal(text.slice(mime.nodes[2]!.bodyStart, mime.nodes[2]!.bodyEnd), 'inner');
    assert.equal(text.slice(mime.nodes[3]!.bodyStart, mime.nodes[3]!.bodyEnd), 'second\n');
  });

  it('reports a multipart without a boundary and nesting beyond the limit', () => {
    assert.match(parseMime('Content-Type: multipart/mixed\n\nbody').problems[0]!.message, /no boundary parameter/);
    let deep = '';
    for (let i = 0; i < MAX_DEPTH + 10; i++) deep += `Content-Type: multipart/mixed; boundary="b${i}"\n\n--b${i}\n`;
    const mime = parseMime(`${deep}\nleaf\n`);
    assert.ok(mime.nodes.length <= MAX_DEPTH + 1);
    assert.match(mime.problems.map((p) => p.message).join(), /nested deeper than/);
  });
});

describe('mapped text', () => {
  it('a slice maps each character to where the whole text maps it', () => {
    // Pieces of decoded text, each from a raw run that may be longer (an escape) or as long (plain text).
    const piece = fc.tuple(fc.string({ minLength: 1, maxLength: 6 }), fc.nat(4));
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), fc.nat(), fc.nat(), (pieces, a, b) => {
      const builder = new MappedTextBuilder();
      let raw = 7;
      for (const [text, extra] of pieces) { builder.push(text, raw, raw + text.length + extra); raw += text.length + extra; }
      builder.rawEnd = raw;
      const whole = MappedText.fromBuilder(builder);
      const start = a % (whole.text.length + 1);
      const end = start + (b % (whole.text.length - start + 1));
      const part = whole.slice(start, end);
      assert.equal(part.text, whole.text.slice(start, end));
      for (let i = 0; i < part.text.length; i++) assert.equal(part.toRaw(i), whole.toRaw(start + i));
    }), { numRuns: 500 });
  });

  it('the forward reader answers every offset as toRaw does, in order and out of order', () => {
    const piece = fc.tuple(fc.string({ minLength: 1, maxLength: 6 }), fc.nat(4));
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 20 }), (pieces, picks) => {
      const builder = new MappedTextBuilder();
      let raw = 3;
      for (const [text, extra] of pieces) { builder.push(text, raw, raw + text.length + extra); raw += text.length + extra; }
      builder.rawEnd = raw;
      const whole = MappedText.fromBuilder(builder);
      const offsets = picks.map((p) => p % (whole.text.length + 1));
      // Growing offsets (the use it is made for), then the same offsets as drawn, which may go back.
      for (const order of [[...offsets].sort((x, y) => x - y), offsets]) {
        const forward = whole.forwardToRaw();
        for (const offset of order) assert.equal(forward(offset), whole.toRaw(offset), `offset ${offset}`);
      }
    }), { numRuns: 500 });
  });
});

describe('body decoding', () => {
  it('joins quoted-printable soft breaks, so a code split across lines reads whole, and maps back', () => {
    const raw = 'Diagnostic: 550 5.1.1 <bob@exam=\nple.com>... User unk=\nnown =3D done';
    const decoded = decodeBody(raw, 0, raw.length, 'quoted-printable', 'us-ascii');
    assert.equal(decoded.text, 'Diagnostic: 550 5.1.1 <bob@example.com>... User unknown = done');
    const at = decoded.text.indexOf('unknown');
    assert.equal(raw.slice(decoded.toRaw(at), decoded.toRaw(at) + 3), 'unk');
    assert.equal(raw[decoded.toRaw(decoded.text.indexOf('ple.com'))], 'p');
    assert.equal(raw.slice(decoded.toRaw(decoded.text.indexOf('= done')), decoded.toRaw(decoded.text.indexOf('= done')) + 3), '=3D');
  });

  it('decodes quoted-printable UTF-8 and keeps ASCII next to it exactly mapped', () => {
    const raw = '=E3=81=AB=E3=82=83=E3=82=93 550 5.2.2 full';
    const decoded = decodeBody(raw, 0, raw.length, 'quoted-printable', 'utf-8');
    assert.equal(decoded.text, 'にゃん 550 5.2.2 full');
    assert.equal(raw.slice(decoded.toRaw(decoded.text.indexOf('5.2.2')), decoded.toRaw(decoded.text.indexOf('5.2.2')) + 5), '5.2.2');
  });

  it('decodes base64 line by line, skipping characters outside the alphabet', () => {
    const lines = ['550 5.1.1 User unknown', 'second line'];
    const encoded = Buffer.from(lines.join('\r\n')).toString('base64').replace(/(.{20})/g, '$1\n!');
    const decoded = decodeBody(encoded, 0, encoded.length, 'base64', 'utf-8');
    assert.equal(decoded.text, lines.join('\n'));
    assert.ok(decoded.toRaw(decoded.text.indexOf('second')) > 0);
  });

  it('decodes 7-bit ISO-2022-JP and Latin-1 bytes, and leaves UTF-8 text alone', () => {
    const jis = 'Subject \x1b$B%F%9%H\x1b(B ok';
    assert.equal(decodeBody(jis, 0, jis.length, '7bit', 'iso-2022-jp').text, 'Subject テスト ok');
    const latin = 'caf\xe9';
    assert.equal(decodeBody(latin, 0, latin.length, '8bit', 'iso-8859-1').text, 'café');
    const utf8 = 'déjà vu';
    assert.equal(decodeBody(utf8, 0, utf8.length, '8bit', 'utf-8').text, 'déjà vu');
  });

  it('decodes a 7-bit ISO-2022-JP body line by line: ASCII lines keep their raw offsets, a JIS line starts at its bytes (synthetic body)', () => {
    const raw = 'ok line\r\n\x1b$B%F%9%H\x1b(B 550 5.1.1\n\nlast';
    const decoded = decodeBody(raw, 0, raw.length, '7bit', 'iso-2022-jp');
    assert.equal(decoded.text, 'ok line\nテスト 550 5.1.1\n\nlast');
    assert.equal(decoded.toRaw(decoded.text.indexOf('line')), raw.indexOf('line'));
    // A line decoded from JIS bytes maps as one piece from where its bytes start.
    assert.equal(decoded.toRaw(decoded.text.indexOf('テスト')), raw.indexOf('\x1b$B'));
    assert.equal(decoded.toRaw(decoded.text.indexOf('last')), raw.indexOf('last'));
  });

  it('decodes quoted-printable ISO-2022-JP: plain lines keep their raw offsets beside soft breaks, escapes and JIS lines (synthetic body)', () => {
    const raw = 'plain 550 5.1.1\r\nsoft=\r\n break a=3Db\n=1B$B%F%9%H=1B(B\nlast line';
    const decoded = decodeBody(raw, 0, raw.length, 'quoted-printable', 'iso-2022-jp');
    assert.equal(decoded.text, 'plain 550 5.1.1\nsoft break a=b\nテスト\nlast line');
    assert.equal(decoded.toRaw(decoded.text.indexOf('5.1.1')), raw.indexOf('5.1.1'));
    assert.equal(decoded.toRaw(decoded.text.indexOf('soft')), raw.indexOf('soft'));
    assert.equal(decoded.toRaw(decoded.text.indexOf('テスト')), raw.indexOf('=1B$B'));
    assert.equal(decoded.toRaw(decoded.text.indexOf('line', decoded.text.indexOf('last'))), raw.lastIndexOf('line'));
    // The cap on decoded characters holds in the middle of a plain line too.
    assert.equal(decodeBody(raw, 0, raw.length, 'quoted-printable', 'iso-2022-jp', 9).text, 'plain 550');
  });

  it('decodes bodies one after another with the line buffers they share: a long line, then short ones (synthetic bodies)', () => {
    const long = `${'=41'.repeat(700)}=1B$B%F=1B(B`;
    assert.equal(decodeBody(long, 0, long.length, 'quoted-printable', 'iso-2022-jp').text, `${'A'.repeat(700)}テ`);
    const short = 'a=3Db\n=1B$B%H=1B(B';
    assert.equal(decodeBody(short, 0, short.length, 'quoted-printable', 'iso-2022-jp').text, 'a=b\nト');
    const base64 = Buffer.from('550 5.1.1\nok').toString('base64');
    assert.equal(decodeBody(base64, 0, base64.length, 'base64', 'us-ascii').text, '550 5.1.1\nok');
  });

  it('turns HTML into text: tags out, block tags to lines, entities decoded, offsets kept', () => {
    const html = '<html><style>p{}</style><p>Delivery to &lt;bob@example.com&gt; failed:</p><br>550&nbsp;5.1.1 &#x55;ser unknown</html>';
    const text = htmlToText(MappedText.identity(html, 100));
    assert.equal(text.text.trim(), 'Delivery to <bob@example.com> failed:\n\n550\u00a05.1.1 User unknown');
    assert.equal(text.toRaw(text.text.indexOf('<bob')), 100 + html.indexOf('&lt;'));
    assert.equal(text.toRaw(text.text.indexOf('5.1.1')), 100 + html.indexOf('5.1.1'));
  });
});

describe('dates, Received chains and authentication results', () => {
  it('parses the date forms mail software writes', () => {
    const utc = Date.UTC(2010, 3, 29, 14, 34, 45);
    assert.equal(parseMailDate('Thu, 29 Apr 2010 23:34:45 +0900'), utc);
    assert.equal(parseMailDate('29 Apr 2010 14:34:45 GMT'), utc);
    assert.equal(parseMailDate('Thu, 29 Apr 10 07:34:45 PDT (comment)'), utc);
    assert.equal(parseMailDate('Thu Apr 29 14:34:45 2010'), utc);
    assert.equal(parseMailDate('2010-04-29T14:34:45Z'), utc);
    assert.equal(parseMailDate('not a date'), undefined);
    assert.equal(formatDuration(3 * 60_000 + 12_000), '3 min 12 s');
    assert.equal(formatDuration(-4000), '−4 s');
    assert.equal(formatDuration(26 * 3_600_000), '1 d 2 h');
  });

  it('reads hops oldest first with the delay of each and the total', () => {
    const text = [
      'Received: from mx.example.net (mx.example.net [192.0.2.1])',
      '\tby inbox.example.org with ESMTPS id A1; Mon, 23 Nov 2026 09:20:00 +0000',
      'Received: from [10.0.0.5] (unknown [198.51.100.7]) by mx.example.net with ESMTP id B2; Mon, 23 Nov 2026 09:14:30 +0000',
      'Date: Mon, 23 Nov 2026 09:14:00 +0000',
      '', '',
    ].join('\n');
    const block = parseHeaderBlock(text, 0);
    const chain = readReceivedChain(block, MappedText.identity(text, 0));
    assert.deepEqual(chain.hops.map((h) => [h.from, h.fromIp, h.by, h.with, h.delayMs, h.delaySince]), [
      ['[10.0.0.5]', '198.51.100.7', 'mx.example.net', 'ESMTP', 30_000, 'Date header'],
      ['mx.example.net', '192.0.2.1', 'inbox.example.org', 'ESMTPS', 330_000, 'previous hop'],
    ]);
    assert.equal(chain.totalMs, 330_000);
    assert.equal(text.slice(chain.hops[1]!.start, chain.hops[1]!.firstLineEnd), 'Received: from mx.example.net (mx.example.net [192.0.2.1])');
  });

  it('reads the verdicts of Authentication-Results, ARC and Received-SPF', () => {
    const block = parseHeaderBlock([
      'Authentication-Results: mx.example.com; spf=softfail smtp.mailfrom=a.example; dkim=pass header.d=a.example;',
      ' dmarc=fail (p=reject) header.from=a.example; compauth=fail reason=000',
      'ARC-Authentication-Results: i=1; mx.example.net; spf=pass smtp.mailfrom=b.example',
      'Received-SPF: Fail (protection.outlook.com: domain of a.example does not designate 192.0.2.1)',
      '', '',
    ].join('\n'), 0);
    assert.deepEqual(block.fields.map((f) => authVerdicts(f).map((v) => `${v.method}=${v.result}`)), [
      ['spf=softfail', 'dkim=pass', 'dmarc=fail', 'compauth=fail'], ['spf=pass'], ['spf=fail'],
    ]);
  });
});

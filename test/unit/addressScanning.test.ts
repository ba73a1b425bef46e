// Addresses found in free text (formats/bounce/addresses.ts), by the grammar of RFC 5322 §3.2.3 and
// §3.4.1 (atext in the local part, a quoted local part, a domain or an address literal), bounded
// parts (RFC 5321 §4.5.3.1 allows 64 octets of local part and 255 of domain; the scanner reads up to
// 128 and 255), and the ways reports wrap them (angle brackets, quotes in prose, "mailto:", X.400
// attributes). Inputs are synthetic.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressIn, findAddresses, sameAddress } from '../../server/src/formats/bounce/addresses';

const found = (text: string, from?: number, to?: number): string[] => findAddresses(text, from, to).map((h) => h.address);

describe('addresses: the local part', () => {
  it('holds every atext character of RFC 5322', () => {
    const local = 'a1!b#c$d%e&f\'g*h+i-j/k=l?m^n_o`p{q|r}s~t.u';
    assert.deepEqual(found(`to ${local}@example.com now`), [`${local}@example.com`]);
    assert.deepEqual(found('AZaz09@example.com'), ['AZaz09@example.com']);
  });

  it('stops at characters that are not atext', () => {
    for (const stop of ['(', ')', ',', ';', ':', '<', '>', ' ', '[', ']', '\\', '\t']) {
      assert.deepEqual(found(`x${stop}bob@example.com`), ['bob@example.com'], JSON.stringify(stop));
    }
  });

  it('a quoted local part is taken whole, quotes included', () => {
    const hits = findAddresses('to "john doe"@example.com failed');
    assert.deepEqual(hits.map((h) => [h.address, h.start]), [['"john doe"@example.com', 3]]);
  });

  it('an unclosed quote before the "@" ends the local part at the quote', () => {
    assert.deepEqual(found('x"@example.com'), []);
  });

  it('quote marks and dots leading an address in prose are not part of it', () => {
    assert.deepEqual(findAddresses("to 'bob@example.net'").map((h) => [h.address, h.start]), [['bob@example.net', 4]]);
    assert.deepEqual(found('to ..bob@example.net'), ['bob@example.net']);
    assert.deepEqual(found('to `bob@example.net`'), ['bob@example.net']);
  });

  it('no local part, no address', () => {
    assert.deepEqual(found('reply to @example.com'), []);
    assert.deepEqual(found("'@example.com"), []);
  });

  it('a local part is read back at most 128 characters from the "@"', () => {
    const local = 'a'.repeat(200);
    const [hit] = findAddresses(`${local}@example.com`);
    assert.equal(hit!.address, `${'a'.repeat(128)}@example.com`);
    assert.equal(hit!.start, 72);
  });
});

describe('addresses: the domain', () => {
  it('letters, digits, dashes, dots and underscores; a dot or dash at the end is the sentence\'s', () => {
    assert.deepEqual(found('mail bob@mx-1.sub_domain.example.com, then'), ['bob@mx-1.sub_domain.example.com']);
    assert.deepEqual(found('write to bob@example.net.'), ['bob@example.net']);
    assert.deepEqual(found('write to bob@example.net-- ok'), ['bob@example.net']);
    assert.deepEqual(found('bob@example.net>'), ['bob@example.net']);
    assert.deepEqual(found('bob@example.net/path'), ['bob@example.net']);
  });

  it('an empty domain is no address', () => {
    assert.deepEqual(found('bob@ is gone'), []);
    assert.deepEqual(found('bob@. is gone'), []);
    assert.deepEqual(found('bob@'), []);
  });

  it('an address literal in brackets, closed within 64 characters', () => {
    assert.deepEqual(found('<bob@[192.0.2.1]>'), ['bob@[192.0.2.1]']);
    assert.deepEqual(found('bob@[IPv6:2001:db8::1]'), ['bob@[IPv6:2001:db8::1]']);
    assert.deepEqual(found('bob@[192.0.2.1 unclosed'), []);
    assert.deepEqual(found(`bob@[${'1'.repeat(70)}]`), []);
  });

  it('a domain is read at most 255 characters', () => {
    const domain = `${'a'.repeat(300)}.example`;
    assert.equal(findAddresses(`bob@${domain}`)[0]!.address.length, 'bob@'.length + 254);
  });

  it('non-ASCII domains are read, CJK text glued after an ASCII domain is not', () => {
    assert.deepEqual(found('dave@例え.テスト'), ['dave@例え.テスト']);
    assert.deepEqual(found('bob@example.jp您好'), ['bob@example.jp']);
    assert.deepEqual(found('bob@example.jp，'), ['bob@example.jp'], 'a full-width comma');
    assert.deepEqual(found('bob@example.jp한국'), ['bob@example.jp'], 'Hangul');
    assert.deepEqual(found('bob@example.jpé'), ['bob@example.jpé'], 'a Latin letter is part of a label');
  });
});

describe('addresses: wrappers reports put around them', () => {
  it('"mailto:" glued on by HTML conversions is dropped', () => {
    assert.deepEqual(findAddresses('see mailto:bob@example.net').map((h) => [h.address, h.start]), [['bob@example.net', 11]]);
    assert.deepEqual(found('see MAILTO:bob@example.net'), ['bob@example.net']);
  });

  it('X.400 gateway attributes before the address are dropped', () => {
    for (const prefix of ['SMTP=', 'smtp=', 'RFC822=', 'rfc-822=', 'INTERNET=']) {
      const hits = findAddresses(`dda:${prefix}bob@example.net;`);
      assert.deepEqual(hits.map((h) => [h.address, h.start]), [['bob@example.net', 4 + prefix.length]], prefix);
    }
    assert.deepEqual(found('x=bob@example.net'), ['x=bob@example.net'], 'another attribute-like local part is kept');
  });

  it('every address in order, each once, within the range asked', () => {
    const text = 'a@example.com, b@example.com; c@example.com';
    assert.deepEqual(found(text), ['a@example.com', 'b@example.com', 'c@example.com']);
    assert.deepEqual(found(text, 15), ['b@example.com', 'c@example.com']);
    assert.deepEqual(found(text, 0, 20), ['a@example.com', 'b@exa'], 'the range end cuts the domain');
    assert.deepEqual(found(text, 16), ['c@example.com'], 'the range start is a floor for the local part');
  });

  it('two "@" in a row: the second address after the first', () => {
    assert.deepEqual(found('bob@example.com@relay.example.net'), ['bob@example.com']);
  });
});

describe('addresses: fields and comparison', () => {
  it('the address of a typed DSN field or a header value', () => {
    assert.equal(addressIn('rfc822; <bob@example.com>'), 'bob@example.com');
    assert.equal(addressIn('RFC822;bob@example.com'), 'bob@example.com');
    assert.equal(addressIn('"Bob" <bob@example.com>'), 'bob@example.com');
    assert.equal(addressIn('no address here'), undefined);
    assert.equal(addressIn('x-local;example;bob@example.com'), 'bob@example.com');
  });

  it('addresses compare without case; a missing one equals nothing', () => {
    assert.ok(sameAddress('Bob@Example.com', 'bob@example.COM'));
    assert.ok(!sameAddress('bob@example.com', 'rob@example.com'));
    assert.ok(!sameAddress(undefined, 'bob@example.com'));
    assert.ok(!sameAddress('bob@example.com', undefined));
    assert.ok(!sameAddress(undefined, undefined));
  });
});

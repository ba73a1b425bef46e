// Structured header values at the edges of RFC 2045 and RFC 2231: comments and blanks around the
// main value, malformed parameters, quoting and escapes, extended values and their sections.
// All values are synthetic except the RFC 2231 example.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseStructured } from '../../server/src/formats/mime/contentType';

const paramsOf = (raw: string): [string, string][] => [...parseStructured(raw).params];

describe('the main value', () => {
  it('drops comments and blanks (RFC 2045 allows comments in the type)', () => {
    assert.equal(parseStructured('text/plain (plain text)').value, 'text/plain');
    assert.equal(parseStructured(' Text/Plain ; charset=us-ascii').value, 'text/plain');
  });

  it('is empty when the value starts with its parameters', () => {
    const ct = parseStructured('; charset=utf-8');
    assert.equal(ct.value, '');
    assert.deepEqual([...ct.params], [['charset', 'utf-8']]);
  });

  it('holds no parameters without a semicolon, even when it has an equals sign', () => {
    const ct = parseStructured('text/plain charset=utf-8');
    assert.equal(ct.value, 'text/plain charset=utf-8');
    assert.equal(ct.params.size, 0);
  });

  it('ending in a quoted part leaves the parameters after it readable', () => {
    assert.deepEqual(paramsOf('text/"plain"; charset=utf-8'), [['charset', 'utf-8']]);
  });
});

describe('parameters', () => {
  it('skip pieces without a name or an equals sign, and trim values', () => {
    assert.deepEqual(paramsOf('text/plain; flowed;=x; charset=utf-8 ; format=flowed'), [['charset', 'utf-8'], ['format', 'flowed']]);
  });

  it('keep the first of two with one name', () => {
    assert.deepEqual(paramsOf('text/plain; charset=us-ascii; charset=utf-8'), [['charset', 'us-ascii']]);
  });

  it('keep a semicolon and a quote escaped inside quotes', () => {
    assert.deepEqual(paramsOf('text/plain; a="x\\"; y"; b=c'), [['a', 'x"; y'], ['b', 'c']]);
  });

  it('read an unterminated quoted value to its end, escapes included', () => {
    assert.equal(parseStructured('text/plain; f="abc').params.get('f'), 'abc');
    assert.equal(parseStructured('text/plain; f="a\\bc').params.get('f'), 'abc');
  });
});

describe('RFC 2231 values', () => {
  it('decode the charset and language form (the RFC\'s own example)', () => {
    assert.equal(parseStructured("application/x-stuff; title*=us-ascii'en-us'This%20is%20%2A%2A%2Afun%2A%2A%2A").params.get('title'), 'This is ***fun***');
  });

  it('keep a malformed percent sequence as written', () => {
    assert.equal(parseStructured("text/plain; name*=utf-8''100%").params.get('name'), '100%');
  });

  it('percent-decode only the sections marked with a trailing star', () => {
    assert.equal(parseStructured('text/plain; name*0="50%25 off"; name*1=".txt"').params.get('name'), '50%25 off.txt');
    assert.equal(parseStructured("text/plain; name*0*=utf-8''50%25; name*1=\" off\"").params.get('name'), '50% off');
  });

  it('join sections 0 to 99 in number order, ten and more included', () => {
    const sections = 'abcdefghijk'.split('').map((c, i) => `name*${i}=${c}`).reverse().join('; ');
    assert.equal(parseStructured(`text/plain; ${sections}`).params.get('name'), 'abcdefghijk');
    assert.equal(parseStructured('text/plain; name*0=a; name*99=b; name*100=c').params.get('name'), 'ab');
    // A missing section 0 leaves no gap in the text.
    assert.equal(parseStructured('text/plain; name*1=b; name*2=c').params.get('name'), 'bc');
  });

  it('take names with stars elsewhere as plain names', () => {
    assert.deepEqual(paramsOf('text/plain; a*b*=x; c*0*d=y'), [['a*b*', 'x'], ['c*0*d', 'y']]);
  });
});

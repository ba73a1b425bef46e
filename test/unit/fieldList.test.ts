// The "name=value, " fields of Postfix and Sendmail log lines (postconf(5) logging, Sendmail's
// "Log information"): names of lower-case letters and underscores, values up to a comma or blank,
// an <address> read whole even with commas (within 320 characters: an address is at most 254), the
// first of a repeated name, at most 24 fields. Bodies are synthetic, after Postfix's to= lines.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fields } from '../../server/src/formats/mailLog/fieldList';

describe('mail-log field list', () => {
  it('reads a Postfix delivery line\'s fields, an address without its <>', () => {
    const f = fields('to=<bob@example.com>, orig_to=<b@example.com>, relay=mx.example.com[192.0.2.7]:25, delay=1.2, dsn=2.0.0, status=sent (250 ok)');
    assert.equal(f.value('to'), 'bob@example.com');
    assert.equal(f.value('orig_to'), 'b@example.com');
    assert.equal(f.value('relay'), 'mx.example.com[192.0.2.7]:25');
    assert.equal(f.value('delay'), '1.2');
    assert.equal(f.value('dsn'), '2.0.0');
    // The reply in parentheses is no field: the value ends at the blank.
    assert.equal(f.value('status'), 'sent');
    assert.equal(f.value('from'), undefined);
  });

  it('gives the span of a value as written, with its <>', () => {
    // to= is 0-2, <bob@example.com> 3-19, ", " 20-21, relay= 22-27, none 28-31.
    const f = fields('to=<bob@example.com>, relay=none');
    assert.deepEqual(f.span('to'), { start: 3, end: 20 });
    assert.deepEqual(f.span('relay'), { start: 28, end: 32 });
    assert.equal(f.span('dsn'), undefined);
  });

  it('matches a name whole: no prefix, no longer name, no other name of the same length', () => {
    const f = fields('orig_to=<a@example.com>, to=<b@example.com>');
    assert.equal(f.value('to'), 'b@example.com');
    assert.equal(f.value('orig'), undefined);
    assert.equal(f.value('orig_tx'), undefined);
    assert.equal(f.value('t'), undefined);
    assert.equal(fields('at=1, to=2').value('to'), '2');
    assert.equal(fields('at=1, to=2').value('at'), '1');
  });

  it('takes the first of a repeated name', () => {
    const f = fields('to=<first@example.com>, to=<second@example.com>, status=sent');
    assert.equal(f.value('to'), 'first@example.com');
    assert.equal(f.value('status'), 'sent');
  });

  it('reads names of a to z and underscores only, and stops at the first token that is no field', () => {
    assert.equal(fields('a=1, z=2, _=3').value('z'), '2');
    assert.equal(fields('a=1, z=2, _=3').value('a'), '1');
    assert.equal(fields('a=1, z=2, _=3').value('_'), '3');
    // ` and { sit either side of a to z; upper case, digits and an empty name are no names either.
    assert.equal(fields('`=1, a=2').value('a'), undefined);
    assert.equal(fields('x{=1, a=2').value('a'), undefined);
    assert.equal(fields('Status=sent, a=2').value('a'), undefined);
    assert.equal(fields('=1, a=2').value('a'), undefined);
    assert.equal(fields('status sent, a=2').value('a'), undefined);
    assert.equal(fields('relay=none, (reply) dsn=5.0.0').value('dsn'), undefined);
  });

  it('ends a plain value at a comma, a space or a tab, and reads an empty value', () => {
    const f = fields('a=1,b=2  c=3, e=, g=5');
    assert.deepEqual(['a', 'b', 'c', 'e', 'g'].map((n) => f.value(n)), ['1', '2', '3', '', '5']);
    // A tab ends a value but separates no fields: what follows it is no field.
    assert.equal(fields('d=4\te=5').value('d'), '4');
    assert.equal(fields('d=4\te=5').value('e'), undefined);
  });

  it('reads an <address> whole, commas and blanks in it, up to 320 characters between < and >', () => {
    assert.equal(fields('to=<"a, b"@example.com>, dsn=2.0.0').value('to'), '"a, b"@example.com');
    assert.equal(fields('to=<"a, b"@example.com>, dsn=2.0.0').value('dsn'), '2.0.0');
    const inside = `${'x'.repeat(159)},${'y'.repeat(159)}`; // 319 characters: > at 320 after <
    assert.equal(fields(`to=<${inside}>, dsn=2.0.0`).value('to'), inside);
    const longer = `${'x'.repeat(160)},${'y'.repeat(159)}`; // 320 characters: > at 321, too far
    assert.equal(fields(`to=<${longer}>`).value('to'), `<${'x'.repeat(160)}`);
    // No > at all: the value ends at the comma, < kept.
    assert.equal(fields('to=<bob@example.com, dsn=5.1.1').value('to'), '<bob@example.com');
    assert.equal(fields('to=<bob@example.com, dsn=5.1.1').value('dsn'), '5.1.1');
    // A > that closes no <, and a value that only ends in >, stay as written.
    assert.equal(fields('a=b>, c=1').value('a'), 'b>');
  });

  it('reads at most 24 names, a repeated name taking no place of its own', () => {
    const names = 'abcdefghijklmnopqrstuvwxy'.split('').map((letter) => `f${letter}`);
    const f = fields(names.map((n, i) => `${n}=${i + 1}`).join(', '));
    assert.equal(f.value('fx'), '24');
    assert.equal(f.value('fy'), undefined);
    // fa and fb twice: 26 fields of 24 names, all read.
    const repeated = ['fa', 'fa', 'fb', 'fb', ...names.slice(2, 24)];
    const g = fields(repeated.map((n, i) => `${n}=${i + 1}`).join(', '));
    assert.deepEqual([g.value('fa'), g.value('fb'), g.value('fx')], ['1', '3', '26']);
  });

  it('tells a name from a longer one it starts, in either order', () => {
    assert.deepEqual([fields('to=1, t=2').value('t'), fields('to=1, t=2').value('to')], ['2', '1']);
    assert.deepEqual([fields('t=1, to=2').value('to'), fields('t=1, to=2').value('t')], ['2', '1']);
  });

  it('answers for the last body read', () => {
    const first = fields('to=<a@example.com>');
    assert.equal(first.value('to'), 'a@example.com');
    assert.equal(fields('from=<c@example.com>').value('to'), undefined);
    assert.equal(fields('').value('to'), undefined);
    // A shorter body leaves nothing of the longer one before: "to" was at 5-7 there, "zz" is there now.
    assert.equal(fields('a=1, to=2').value('to'), '2');
    assert.equal(fields('b=1, zz 2').value('zz'), undefined);
  });
});

// The reply scanner's rules at their edges (issue #17: a case for each rule that passes with it and
// fails without it). Lines are synthetic unless named, written from what the rules say: RFC 5321's
// reply codes (three digits, then a blank, a dash for a continued reply, or the end of the line),
// RFC 3463's enhanced codes (class 2, 4 or 5, subject 0-7, detail of 1 to 3 digits) and where
// bounces and logs write a bare reply code (the scanner's documented places).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanReplies, scanTokens } from '../../server/src/detection/replyScanner';

/** The replies of a line as "basic|enhanced|transport" strings. */
function found(line: string, atLineStart = true): string[] {
  return scanReplies(line, atLineStart).map((m) => [m.basic?.text ?? '', m.enhanced?.text ?? '', m.transport?.text ?? ''].join('|'));
}

describe('reply scanner: a code is a word of its own', () => {
  it('an enhanced code glued to a letter or an underscore on its left is part of that word', () => {
    for (const glued of ['A', 'Z', 'a', 'z', '_']) assert.deepEqual(found(`id ${glued}5.1.1 here`), [], glued);
    // After a blank, a parenthesis or a "#" it stands alone (qmail writes "(#5.1.1)").
    for (const before of [' ', '(', '#']) assert.deepEqual(found(`id${before}5.1.1 here`), ['|5.1.1|'], before);
  });

  it('an enhanced code needs its two dots: "5,1.1", "5.1,1" and "5.1." are not codes', () => {
    assert.deepEqual(found('Status: 5,1.1'), []);
    assert.deepEqual(found('Status: 5.1,1'), []);
    assert.deepEqual(found('Status: 5.1.x'), []);
  });

  it('a dash after an enhanced code ends it unless a word follows ("5.1.1-(" is a code, "4.1.8-GA" a version)', () => {
    assert.deepEqual(found('error 5.1.1-(user unknown)'), ['|5.1.1|']);
    assert.deepEqual(found('error 5.1.1-'), ['|5.1.1|']);
  });

  it('a reply code that ends the line is a reply (Diagnostic-Code with the code alone)', () => {
    assert.deepEqual(found('Diagnostic-Code: smtp; 554'), ['554||']);
    assert.deepEqual(found('554'), ['554||']);
  });

  it('a transport string starts a word: not after a dot, not a root with no part after it', () => {
    assert.deepEqual(found('failed: host.RESOLVER.ADR.RecipNotFound'), []);
    assert.deepEqual(found('failed: RESOLVER. next'), []);
    assert.deepEqual(found('failed: RESOLVER.'), []);
  });

  it('a transport string\'s parts may hold digits after their first letter, and six parts are allowed', () => {
    assert.deepEqual(found('failed: STOREDRV.Deliver2.Exception'), ['||STOREDRV.Deliver2.Exception']);
    assert.deepEqual(found('failed: RESOLVER.A.B.C.D.E'), ['||RESOLVER.A.B.C.D.E']);
    assert.deepEqual(found('failed: RESOLVER.A.B.C.D.E.F'), []);
  });

  it('a transport string longer than any (128 characters) is skipped whole; one of 128 is read', () => {
    const part = (length: number) => `X${'y'.repeat(length - 1)}`;
    const exactly = `RESOLVER.ADR.${part(128 - 'RESOLVER.ADR.'.length)}`;
    assert.equal(exactly.length, 128);
    assert.deepEqual(found(`failed: ${exactly}`), [`||${exactly}`]);
    assert.deepEqual(found(`failed: ${exactly}y`), []);
  });
});

describe('reply scanner: a bare reply code needs an enhanced code right after it, or a reply\'s place', () => {
  it('followed by an enhanced code after a blank or a dash, a number is a reply anywhere on a line', () => {
    assert.deepEqual(found('we got 550 5.1.1 back'), ['550|5.1.1|']);
    assert.deepEqual(found('we got 550-5.1.1 back'), ['550|5.1.1|']);
    assert.deepEqual(found('we got 550   5.1.1 back'), ['550|5.1.1|']);
  });

  it('not when what follows is no enhanced code, or is four blanks away', () => {
    assert.deepEqual(found('we got 550    5.1.1 back'), ['|5.1.1|']);
    assert.deepEqual(found('we got 550 3.1.1 back'), []);
    assert.deepEqual(found('we got 550 5,1.1 back'), []);
    assert.deepEqual(found('we got 550 5.a.1 back'), []);
    assert.deepEqual(found('we got 550 5.11 back'), []);
    assert.deepEqual(found('we got 550\t5.1.1 back'), ['|5.1.1|']);
  });

  it('a reply line may be indented by blanks (tab, no-break space, a stray CR) or quoted with "<" or ">"', () => {
    for (const lead of ['  ', '\t', '\u00a0', '\r', '<<< ', '> ', '>> ']) assert.deepEqual(found(`${lead}554 rejected`), ['554||'], JSON.stringify(lead));
    assert.deepEqual(found('| 554 rejected'), []);
  });

  it('a line-start reply is looked for within the first 200 characters only (the look-behind bound)', () => {
    assert.deepEqual(found(`${' '.repeat(199)}554 rejected`), ['554||']);
    assert.deepEqual(found(`${' '.repeat(201)}554 rejected`), []);
  });

  it('a place word may start the line or window, in any case', () => {
    assert.deepEqual(found('said: 554 rejected', false), ['554||']);
    assert.deepEqual(found('SAID: 554 rejected', false), ['554||']);
    assert.deepEqual(found('Responded With: 554 rejected', false), ['554||']);
  });

  it('control characters never stand for the punctuation of a place word', () => {
    // "\x1a" is ":" with the case bit set, "\x1b" is ";": only letters fold.
    assert.deepEqual(found('the server said\x1a 554 rejected'), []);
    assert.deepEqual(found('Diagnostic-Code: smtp\x1b 554 rejected'), []);
  });

  it('Exim\'s "host name [address]:" counts right before the code only, after a blank or at the start', () => {
    assert.deepEqual(found('failed: host mx.example.com [192.0.2.1]: 554 rejected'), ['554||']);
    assert.deepEqual(found('ghost mx.example.com [192.0.2.1]: 554 rejected'), []);
    assert.deepEqual(found('host mx.example.com [192.0.2.1]: relay [192.0.2.9]: 554 rejected'), []);
    assert.deepEqual(found('host mx.example.com []: 554 rejected'), []);
    assert.deepEqual(found(`host mx.example.com [${'1'.repeat(61)}]: 554 rejected`), []);
    assert.deepEqual(found(`host mx.example.com [${'1'.repeat(60)}]: 554 rejected`), ['554||']);
  });

  it('a second reply code right after one (fewer than three blanks between) is a reply too', () => {
    assert.deepEqual(found('the server said: 550 550 rejected'), ['550||', '550||']);
    assert.deepEqual(found('the server said: 550  550 rejected'), ['550||', '550||']);
    assert.deepEqual(found('the server said: 550   550 rejected'), ['550||']);
    // After an enhanced code, a number is no second reply.
    assert.deepEqual(found('status 5.1.1 550 rejected'), ['|5.1.1|']);
  });

  it('the tokens of one reply join in their order only: code, enhanced code, transport string, with a tab between', () => {
    assert.deepEqual(found('the server said: 550\t5.1.1 unknown'), ['550|5.1.1|']);
    assert.deepEqual(found('status 5.1.1 550 5.1.1 x'), ['|5.1.1|', '550|5.1.1|']);
    assert.deepEqual(found('status RESOLVER.ADR.RecipNotFound 5.1.1'), ['||RESOLVER.ADR.RecipNotFound', '|5.1.1|']);
  });
});

describe('reply scanner: version words and version lines', () => {
  it('a version word counts right before the triple only: at most three blanks or colons between', () => {
    assert.deepEqual(found('Upgraded to version:: 4.4.1 last night'), []);
    assert.deepEqual(found('Upgraded to version   4.4.1 last night'), []);
    assert.deepEqual(found('Upgraded to version::  4.4.1 last night'), ['|4.4.1|']);
    assert.deepEqual(found('Upgraded to version    4.4.1 last night'), ['|4.4.1|']);
    // The whole word, not its end: "prerelease" is no version word, "Release" is one.
    assert.deepEqual(found('Upgraded to prerelease 4.4.1'), ['|4.4.1|']);
    assert.deepEqual(found('Upgraded to Release 4.4.1'), []);
  });

  it('header names are matched in any case (RFC 5322 field names are case-insensitive)', () => {
    assert.deepEqual(found('x-mailer: Example Mail 5.1.1'), []);
    assert.deepEqual(found('RECEIVED: from a.example (b 5.1.1)'), []);
  });

  it('the header rule applies at a line\'s start only: a window inside a line is scanned', () => {
    assert.deepEqual(found('X-Mailer: Example 5.1.1', false), ['|5.1.1|']);
  });
});

describe('reply scanner: the token list', () => {
  it('scanTokens lists each code token in order, joined replies apart', () => {
    const line = 'Remote Server returned \'550 5.1.10 RESOLVER.ADR.RecipientNotFound\'';
    assert.deepEqual(scanTokens(line).map((t) => [t.kind, t.text, line.slice(t.start, t.end)]), [
      ['basic', '550', '550'], ['enhanced', '5.1.10', '5.1.10'], ['transport', 'RESOLVER.ADR.RecipientNotFound', 'RESOLVER.ADR.RecipientNotFound'],
    ]);
    assert.deepEqual(scanTokens('554 rejected', false), []);
    assert.deepEqual(scanTokens('554 rejected'), [{ kind: 'basic', text: '554', start: 0, end: 3 }]);
  });
});

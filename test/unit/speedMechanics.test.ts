// The shortcuts the bounce reader takes for speed answer exactly as the plain code they replace:
// white space collapsed without a regex, and the mail-system lookups that first ask one joined
// regex whether any system's host names or marks can match. Inputs are synthetic strings and the
// real bounce corpus.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { collapseWhiteSpace, isWhiteSpace } from '../../server/src/text/whitespace';
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

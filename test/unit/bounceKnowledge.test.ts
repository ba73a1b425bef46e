// The bounce knowledge tables are complete and consistent, and the phrase matcher finds exactly
// what a plain substring search finds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { PhraseMatcher } from '../../server/src/detection/phraseMatcher';
import { BOUNCE_REASONS, bounceReasons } from '../../server/src/knowledge/data/bounceReasons';
import { STATUS_HINTS, STATUS_REASONS, TEXT_RULES } from '../../server/src/knowledge/data/bounceReasonRules';
import { providerReplyFacts } from '../../server/src/knowledge/data/providerReplyFacts';
import { antispamKeys, headerFacts } from '../../server/src/knowledge/data/emailHeaderFacts';
import { parseEnhancedCode, parseEnhancedRange } from '../../server/src/knowledge/statusCode';
import { readTsv } from '../support/shared';
import '../support/fuzzSeed';

describe('bounce knowledge', () => {
  it('every reason of the taxonomy has its explanation, actors and first step', () => {
    assert.equal(BOUNCE_REASONS.length, 28);
    for (const reason of BOUNCE_REASONS) {
      const entry = bounceReasons[reason];
      assert.equal(entry.reason, reason);
      assert.ok(entry.title && entry.meaning && entry.fix, reason);
    }
    // Only the reasons where the address itself is dead can be hard bounces.
    assert.deepEqual(BOUNCE_REASONS.filter((r) => bounceReasons[r].addressIsDead), ['userunknown', 'hostunknown', 'hasmoved', 'notaccept']);
  });

  it('the code tables name real codes and the text rules have no empty or duplicated fragment', () => {
    for (const key of [...Object.keys(STATUS_REASONS), ...Object.keys(STATUS_HINTS)]) assert.ok(parseEnhancedCode(key.replace('X', '5')), key);
    const fragments = TEXT_RULES.flatMap(([, f]) => f);
    assert.ok(fragments.every((f) => f.length >= 3 && f === f.toLowerCase()));
    assert.equal(new Set(fragments).size, fragments.length, 'a fragment listed twice would be read by whichever rule comes first');
  });

  it('carries every provider fact of the shared tables', () => {
    const provider = readTsv('reference/provider-facts/sisimai-rhost-provider-patterns.tsv');
    const microsoft = readTsv('reference/microsoft-facts/sisimai-rhost-microsoft-patterns.tsv');
    const ours = new Set(providerReplyFacts.map((f) => f.text));
    const missing = [...provider.map((r) => r.lowercased_message_fragment!), ...microsoft.map((r) => r.lowercased_message_fragment!)]
      .map((t) => t.trim().toLowerCase()).filter((t) => t && ![...ours].some((o) => t.includes(o)));
    assert.deepEqual(missing, []);
    for (const fact of providerReplyFacts) {
      if (fact.status) assert.ok(parseEnhancedCode(fact.status) ?? parseEnhancedRange(fact.status), fact.status);
    }
  });

  it('explains every header and anti-spam key the issue lists', () => {
    const names = new Set(headerFacts.map((f) => f.name));
    for (const name of ['received', 'authentication-results', 'received-spf', 'dkim-signature', 'arc-seal', 'arc-message-signature', 'arc-authentication-results',
      'return-path', 'auto-submitted', 'reporting-mta', 'final-recipient', 'action', 'status', 'diagnostic-code', 'remote-mta', 'will-retry-until',
      'x-ms-exchange-organization-scl', 'x-ms-exchange-organization-authas', 'x-forefront-antispam-report', 'x-microsoft-antispam']) {
      assert.ok(names.has(name), name);
    }
    const keys = new Set(antispamKeys.map((k) => k.key));
    for (const key of ['SCL', 'SFV', 'CIP', 'CTRY', 'LANG', 'PTR', 'CAT', 'IPV', 'SFTY', 'SRV', 'SFS', 'H', 'BCL']) assert.ok(keys.has(key), key);
  });
});

describe('phrase matcher', () => {
  /** What the matcher promises: ASCII case ignored, and any run of blanks read as one space. */
  const fold = (text: string): string => text.replace(/[A-Z]/g, (c) => c.toLowerCase()).replace(/[\t\n\v\f\r ]+/g, ' ');

  it('finds the same phrases as a substring search of the folded text', () => {
    const unit = fc.constantFrom('a', 'b', 'B', ' ', '\n', 'é', '5');
    const phraseLists = fc.array(fc.string({ unit, minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 });
    fc.assert(fc.property(phraseLists, fc.string({ unit, maxLength: 80 }), (phrases, text) => {
      const lower = phrases.map((p) => fold(p));
      const found = new PhraseMatcher(lower).find(text);
      lower.forEach((phrase, index) => assert.equal(found.has(index), fold(text).includes(phrase), `${JSON.stringify(phrase)} in ${JSON.stringify(text)}`));
    }), { numRuns: 1000 });
  });

  it('reports where each phrase first ends, across case and line breaks', () => {
    const found = new PhraseMatcher(['mailbox full', 'user unknown', 'absent']).find('550 User\n   Unknown; MAILBOX full');
    assert.deepEqual([...found.entries()].sort(), [[0, 33], [1, 19]]);
  });

  it('finds phrases in a table of more states than 16 bits hold (synthetic phrases)', () => {
    // 3,000 distinct 12-letter phrases make about 36,000 states: the wide table, whose "phrase ends
    // here" mark is a higher bit.
    const letters = 'abcdefghij';
    const phrase = (n: number): string => Array.from({ length: 12 }, (_, k) => letters[Math.floor(n / 10 ** (k % 4)) % 10]).join('') + String(n).padStart(4, '0');
    const phrases = Array.from({ length: 3000 }, (_, n) => phrase(n));
    const matcher = new PhraseMatcher(phrases);
    const text = `x ${phrase(2999).toUpperCase()} y ${phrase(7)}`;
    assert.deepEqual([...matcher.find(text).entries()].sort((a, b) => a[0] - b[0]), [[7, text.length], [2999, 2 + phrase(2999).length]]);
    assert.equal(matcher.find(phrase(3000)).size, 0);
  });
});

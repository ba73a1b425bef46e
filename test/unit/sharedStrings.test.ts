// The shared copies of a mail log's repeated values (senders, clients). JavaScript cannot tell two
// equal strings apart, so besides the values returned these tests read which values are kept: the
// bound on what it holds is its point. Every value here is synthetic.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SharedStrings } from '../../server/src/analysis/mailLog/sharedStrings';

const keptOf = (shared: SharedStrings): string[] => [...shared['known'].keys()];

describe('shared strings', () => {
  it('gives back the value asked for, the first time and again, and undefined for undefined', () => {
    const shared = new SharedStrings();
    assert.equal(shared.of('alice@example.com'), 'alice@example.com');
    assert.equal(shared.of('alice@example.com'), 'alice@example.com');
    assert.equal(shared.of('mx.example.net[192.0.2.1]'), 'mx.example.net[192.0.2.1]');
    assert.equal(shared.of(undefined), undefined);
    assert.deepEqual(keptOf(shared), ['alice@example.com', 'mx.example.net[192.0.2.1]']);
  });

  it('keeps no more values than its limit, the first ones, and still gives back the rest', () => {
    const shared = new SharedStrings(2);
    assert.deepEqual(['a@example.com', 'b@example.com', 'c@example.com', 'a@example.com'].map((v) => shared.of(v)),
      ['a@example.com', 'b@example.com', 'c@example.com', 'a@example.com']);
    assert.deepEqual(keptOf(shared), ['a@example.com', 'b@example.com']);
  });

  it('spends no room on undefined (a trail without a sender)', () => {
    const shared = new SharedStrings(1);
    assert.equal(shared.of(undefined), undefined);
    shared.of('a@example.com');
    assert.deepEqual(keptOf(shared), ['a@example.com']);
  });
});

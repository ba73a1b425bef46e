// A whole message's outcome from its recipients': the worst of them (a bounce outweighs an expiry,
// that a deferral, that an unknown, that a delivery), and none for a trail without recipients. The
// trails are synthetic, built by hand with only what the outcome reads.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type MessageTrail, type RecipientOutcomeKind, outcomeCounts, trailOutcome } from '../../server/src/analysis/mailLog/messageTrail';

const trailOf = (...outcomes: RecipientOutcomeKind[]): MessageTrail => ({
  id: '8D4B32A1C3', system: 'postfix', instance: '', firstLine: 0, lastLine: 0, linesDropped: 0, lineCount: 1, startSeen: true,
  recipients: outcomes.map((outcome, i) => ({ address: `r${i}@example.org`, outcome, attempts: 1, deferrals: 0, decisiveLine: i })),
  recipientsDropped: 0, notifications: [],
});

describe('message trail outcome', () => {
  it('is the worst of its recipients\' outcomes', () => {
    assert.equal(trailOutcome(trailOf('delivered')), 'delivered');
    assert.equal(trailOutcome(trailOf('delivered', 'unknown', 'delivered')), 'unknown');
    assert.equal(trailOutcome(trailOf('unknown', 'deferred')), 'deferred');
    assert.equal(trailOutcome(trailOf('deferred', 'expired', 'delivered')), 'expired');
    assert.equal(trailOutcome(trailOf('expired', 'bounced', 'deferred')), 'bounced');
  });

  it('is none for a trail without recipients (a message whose log holds no to= line)', () => {
    assert.equal(trailOutcome(trailOf()), undefined);
  });

  it('counts every recipient under its outcome', () => {
    assert.deepEqual(outcomeCounts(trailOf('bounced', 'delivered', 'bounced')), { delivered: 1, bounced: 2, expired: 0, deferred: 0, unknown: 0 });
  });
});

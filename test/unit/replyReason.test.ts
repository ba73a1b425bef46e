// The bounce engine's reason for one reply read from a log or a trace. Replies are synthetic, in the
// words Postfix and Exchange write; the readings follow RFC 3463 (5.1.1 bad mailbox, 4.2.2 mailbox
// full) and issue #12 (a host that is not found is an unknown host when the failure is final, a
// network matter while it is still retried).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { replyReason } from '../../server/src/analysis/replyReason';

describe('the reason of one reply', () => {
  it('words that say nothing known: a final reply is read by its status, a retried one as delayed', () => {
    // RFC 3463: x.1.1 is a bad destination mailbox, x.0.0 says nothing more than its class; a reply
    // still retried has no failure to name yet.
    assert.equal(replyReason('xyzzy', undefined, '5.1.1').reason, 'userunknown');
    assert.equal(replyReason('xyzzy', '550', undefined).reason, 'undefined', 'a final 5xx, but nothing says why');
    assert.equal(replyReason('xyzzy', undefined, '5.0.0').reason, 'undefined', 'a final 5.0.0, but nothing says why');
    assert.equal(replyReason('xyzzy', '450', undefined).reason, 'expired');
    assert.equal(replyReason('xyzzy', undefined, '4.0.0').reason, 'expired');
  });

  it('an unknown user: the sender acts first (the address is wrong)', () => {
    assert.deepEqual(replyReason('550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in virtual mailbox table', '550', '5.1.1'),
      { reason: 'userunknown', firstActor: 'sender' });
  });

  it('a full mailbox, deferred: the recipient\'s admin acts first', () => {
    assert.deepEqual(replyReason('452 4.2.2 Mailbox full', '452', '4.2.2'), { reason: 'mailboxfull', firstActor: 'recipient-admin' });
  });

  it('a 5 in either code makes the reply final, anything else a delay', () => {
    const text = 'Host or domain name not found';
    const final = { reason: 'hostunknown', firstActor: 'sender' };
    const retried = { reason: 'networkerror', firstActor: 'network-owner' };
    assert.deepEqual(replyReason(text, '550', undefined), final, 'a 5xx reply code alone');
    assert.deepEqual(replyReason(text, undefined, '5.4.4'), final, 'a 5.x.x enhanced code alone');
    assert.deepEqual(replyReason(text, '450', undefined), retried, 'a 4xx reply code alone');
    assert.deepEqual(replyReason(text, undefined, '4.4.4'), retried, 'a 4.x.x enhanced code alone');
    assert.deepEqual(replyReason(text, '550', '4.4.4'), final, 'a 5xx reply code over a 4.x.x enhanced one');
  });
});

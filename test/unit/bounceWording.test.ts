// What the words of a reply say (analysis/bounce/wording.ts), each rule of the reading on a reply
// worded as the mail systems word it: the first reason in the table's order wins wherever its
// fragment stands, a fragment inside a longer word is not that fragment, a multi-line reply reads as
// one sentence (RFC 5321 §4.2.1 repeats the code on each line), and provider texts come in table
// order. Reply texts are synthetic in the documented shapes (Google's from its SMTP error reference).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readReplyWords, readWording } from '../../server/src/analysis/bounce/wording';

describe('reply wording: the reason of the words', () => {
  it('the first reason of the table wins, wherever its words stand in the reply', () => {
    assert.equal(readWording('554 5.7.1 virus detected; spam detected').textReason, 'virusdetected');
    assert.equal(readWording('554 5.7.1 spam detected, virus detected').textReason, 'virusdetected');
    assert.equal(readWording('550 mailbox full').textReason, 'mailboxfull');
    assert.equal(readWording('250 ok').textReason, undefined);
  });

  it('a phrase found inside a longer word is not that phrase ("filtered" in "unfiltered", "server error" in "nameserver error")', () => {
    assert.equal(readWording('451 unfiltered mail queue busy').textReason, undefined);
    assert.equal(readWording('451 nameserver error').textReason, undefined);
    assert.equal(readWording('550 message filtered').textReason, 'filtered');
    assert.equal(readWording('filtered').textReason, 'filtered', 'at the very start of the text');
    assert.equal(readWording('451 4.3.0 server error').textReason, 'systemerror');
    assert.equal(readWording('451 4.3.0:server error').textReason, 'systemerror', 'after punctuation');
    assert.equal(readWording('550 5.7.1 message/filtered').textReason, 'filtered');
  });

  it('a phrase after a digit is inside a word too', () => {
    assert.equal(readWording('451 ns2server error').textReason, undefined);
  });

  it('a multi-line reply reads as one sentence: the repeated codes are not words', () => {
    const reply = '550-5.7.1 This message was classified\n550 5.7.1 as spam and rejected';
    assert.equal(readWording(reply).textReason, 'spamdetected');
    assert.equal(readWording(reply).text.trim(), 'this message was classified as spam and rejected');
    assert.equal(readWording('550-5.2.2 The mailbox is\n550-5.2.2 full, try\n550 5.2.2 again later').textReason, 'mailboxfull');
  });

  it('a one-line reply keeps its code, and so does a code glued to a word', () => {
    assert.equal(readWording('Remote said 550 5.7.1 blocked').text, 'remote said 550 5.7.1 blocked');
    assert.equal(readWording('550-5.7.1 first line\nreply was:550 5.7.1 blocked').text.trim(), 'first line reply was:550 5.7.1 blocked');
  });

  it('the text is read in lower case with blanks collapsed', () => {
    assert.equal(readWording('550 5.1.1  User\tUNKNOWN\n here').text, '550 5.1.1 user unknown here');
  });
});

describe('reply wording: provider texts and stages', () => {
  it('a provider\'s own reply text is found, each once, in table order', () => {
    const reply = '550 5.7.26 Unauthenticated email from example.com is not accepted due to domain\'s DMARC policy. Gmail requires all senders to authenticate with either SPF or DKIM.';
    const facts = readWording(reply).providerFacts.map((f) => `${f.provider} ${f.status} ${f.text}`);
    assert.ok(facts.length >= 4, facts.join('\n'));
    assert.deepEqual(facts.slice(0, 2), ['google 4.7.26 senders to authenticate with either spf or dkim', 'google 5.7.26 senders to authenticate with either spf or dkim']);
    assert.ok(facts.includes('google 5.7.26 is not accepted due to domain\'s dmarc policy'));
    assert.equal(readWording('250 2.0.0 ok').providerFacts.length, 0);
  });

  it('the stage phrase that starts first decides, even when a later one is longer', () => {
    assert.equal(readWording('after MAIL FROM: 550 rejected (in reply to end of DATA command)').stage, 'mail');
    assert.equal(readWording('550 rejected (in reply to end of DATA command) after MAIL FROM').stage, 'data');
  });
});

describe('reply wording: the phrases of the reply readings', () => {
  it('Yahoo\'s TSS04 wording selects its reading; plain words select none', () => {
    const words = readReplyWords('421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints');
    assert.equal(words.readings.length, 1);
    assert.deepEqual(words.choices, []);
    assert.deepEqual(readReplyWords('250 2.0.0 OK'), { readings: [], choices: [] });
  });

  it('a reading\'s phrase split over the lines of a multi-line reply is still found', () => {
    const words = readReplyWords('421-4.7.0 Messages temporarily deferred due to unexpected\n421 4.7.0 volume or user complaints');
    assert.equal(words.readings.length, 1);
  });
});

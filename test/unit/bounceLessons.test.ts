// Lessons from real bounces the reader once got wrong (issue #12, "Bounces on unseen mail"), each
// written here as a small synthetic report from the lesson itself, not from any corpus sample:
// which addresses are not failed recipients, how addresses are cleaned, and which wordings and
// replies decide the reason and hard or soft.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeBounce } from '../../server/src/analysis/bounce/analyzeBounce';
import { findAddresses } from '../../server/src/formats/bounce/addresses';

const lines = (...l: string[]): string => l.join('\n');
const recipientsOf = (text: string): string[] => analyzeBounce(text).recipients.map((r) => r.recipient.value.toLowerCase());

/** A plain-text bounce (synthetic): the reporting system's headers, then the body lines. */
const plainBounce = (...body: string[]): string => lines(
  'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>',
  'To: list-bounces@example.org',
  'Subject: Undeliverable mail',
  '',
  ...body,
);

describe('bounce lessons: who is not a failed recipient', () => {
  it('addresses in headers of the original quoted with ">" are not recipients', () => {
    const text = plainBounce(
      'Your message to bob@example.net could not be delivered: user unknown.',
      '',
      'Original message follows:',
      '========================',
      '>Received: from relay.example.org by mx.example.net for <bob@example.net>',
      '>From: "Ann" <ann@example.org>',
      '>To: everyone@lists.example.org',
      '>Message-ID: <abc.123@example.org>',
      '>X-Complaints-To: abuse@news.example.org',
    );
    assert.deepEqual(recipientsOf(text), ['bob@example.net']);
  });

  it('the summary of the original\'s To, Cc, Subject and Sent above "did not reach" names no failed recipient', () => {
    const text = plainBounce(
      'Your message',
      '',
      '  To:      team@lists.example.org',
      '  Cc:      carol@example.org',
      '  Subject: Minutes',
      '  Sent:    Fri, 4 Oct 2002 17:10:56 -0400',
      '',
      'did not reach the recipient bob@example.net:',
      '    The recipient name is not recognized',
    );
    assert.deepEqual(recipientsOf(text), ['bob@example.net']);
  });

  it('a "To:" line alone still names the recipient', () => {
    const text = plainBounce(
      'Delivery failed.',
      '',
      'To: bob@example.net',
      'Reason: mailbox unavailable',
    );
    assert.deepEqual(recipientsOf(text), ['bob@example.net']);
  });

  it('addresses given as examples or as someone to ask in help text are not recipients', () => {
    const text = plainBounce(
      'Message not delivered to the following:',
      '',
      '  bob@example.edu    No matches to directory query',
      '',
      'The usual causes are typing errors. Try the most explicit form of the name, e.g., if',
      ' jo.smith@example.edu fails, try joanna.q.smith@example.edu.',
      'For example: someone@example.edu.',
      'Please contact helpdesk@example.edu if you have any questions.',
    );
    assert.deepEqual(recipientsOf(text), ['bob@example.edu']);
  });

  it('neither the postmaster the report names nor the envelope sender is a failed recipient', () => {
    const text = plainBounce(
      'Undeliverable Address: bob@example.net',
      '',
      'Reason: the recipient is over disk quota.',
      '',
      'System Contact: postmaster@example.net',
      'Returned to: list-bounces@example.org',
    );
    assert.deepEqual(recipientsOf(text), ['bob@example.net']);
  });

  it('the returned message inside a body whose MIME headers were dropped is not read as the report', () => {
    const text = plainBounce(
      '------=_Part_1',
      'Content-Type: text/plain',
      '',
      'Delivery to bob@example.net failed: the recipient name is not recognized.',
      '',
      '------=_Part_1',
      'Content-Type: message/rfc822',
      '',
      'From: Ann <ann@example.org>',
      'To: team@lists.example.org',
      'Subject: hello',
      '',
      'This note was also sent to carol@example.com.',
      '------=_Part_1--',
    );
    assert.deepEqual(recipientsOf(text), ['bob@example.net']);
  });

  it('a report that names nobody is about the envelope recipient of the returned message, not its list To', () => {
    const text = plainBounce(
      ' --------Message not delivered to the following:',
      '',
      ' bob    No matches to directory query',
      '',
      ' --------Unsent Message below:',
      '',
      'Received: from lists.example.org (lists.example.org [192.0.2.1])',
      '\tby mx.example.edu with ESMTP id A1',
      '\tfor <bob@example.edu>; Tue, 26 Dec 2000 13:26:17 -0500',
      'From: team-request@lists.example.org',
      'To: team@lists.example.org',
      'Subject: digest',
      '',
      'body',
    );
    const analysis = analyzeBounce(text);
    assert.deepEqual(analysis.recipients.map((r) => r.recipient.value), ['bob@example.edu']);
    const span = analysis.recipients[0]!.recipient.span;
    assert.equal(text.slice(span.start, span.end), 'bob@example.edu');
  });
});

describe('bounce lessons: addresses are cleaned', () => {
  it('an X.400 "SMTP=" attribute comes off the address', () => {
    assert.deepEqual(findAddresses('c=US;a= ;p=EXAMPLE;o=Site;dda:SMTP=BOB@EXAMPLE.NET; on Fri').map((h) => h.address), ['BOB@EXAMPLE.NET']);
    assert.deepEqual(findAddresses('RFC-822=carol@example.net').map((h) => h.address), ['carol@example.net']);
    const text = plainBounce(
      'did not reach the following recipient(s):',
      '',
      'c=US;a= ;p=EXAMPLE;o=Site;dda:SMTP=BOB@EXAMPLE.NET; on Fri, 4 Oct 2002',
      '    The recipient name is not recognized',
    );
    assert.deepEqual(recipientsOf(text), ['bob@example.net']);
  });

  it('stray quote marks around an address come off it', () => {
    assert.deepEqual(findAddresses("addressed to 'bob@example.net', failed").map((h) => h.address), ['bob@example.net']);
    assert.deepEqual(findAddresses('sent to `carol@example.net`').map((h) => h.address), ['carol@example.net']);
    const text = plainBounce(
      "The following message, addressed to 'bob@example.net',",
      'failed because it has not been collected after 30 days',
    );
    assert.deepEqual(recipientsOf(text), ['bob@example.net']);
  });
});

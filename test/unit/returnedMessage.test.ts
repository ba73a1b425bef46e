// The returned message's headers and where they stand (formats/bounce/located.ts): sender,
// recipients, subject, date and Message-ID of the message/rfc822 or text/rfc822-headers part
// (RFC 3462), and the envelope recipient of its first Received header's "for" clause (RFC 5321
// §4.4). Reports are synthetic.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeBounce } from '../../server/src/analysis/bounce/analyzeBounce';
import type { Located } from '../../server/src/formats/bounce/model';

const lines = (...l: string[]): string => l.join('\n');
const at = (text: string, located: Located | undefined): string => (located ? text.slice(located.span.start, located.span.end) : '(missing)');
const report = (...headers: string[]): string => lines(
  'From: MAILER-DAEMON@mx.example.net', 'To: alice@example.org', 'Subject: Undelivered Mail Returned to Sender',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="b"', '',
  '--b', 'Content-Type: text/plain', '', 'Delivery failed.', '',
  '--b', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.example.net', '',
  'Final-Recipient: rfc822; bob@example.net', 'Action: failed', 'Status: 5.1.1', '',
  '--b', 'Content-Type: text/rfc822-headers', '', ...headers, '--b--',
);

describe('the returned message', () => {
  it('its headers, each located at its value', () => {
    const text = report('Message-ID: <m1@example.org>', 'From: "Alice" <alice@example.org>', 'To: bob@example.net', 'Subject: =?UTF-8?Q?r=C3=A9sum=C3=A9?=',
      'Date: Mon, 7 Dec 2026 09:00:00 +0000');
    const o = analyzeBounce(text).original!;
    assert.equal(o.messageId?.value, '<m1@example.org>');
    assert.equal(at(text, o.messageId), '<m1@example.org>');
    assert.equal(o.from?.value, 'alice@example.org', 'the sender\'s address, not its display name');
    assert.equal(at(text, o.from), '"Alice" <alice@example.org>');
    assert.equal(o.to?.value, 'bob@example.net');
    assert.equal(o.subject?.value, 'résumé', 'decoded (RFC 2047)');
    assert.equal(at(text, o.subject), '=?UTF-8?Q?r=C3=A9sum=C3=A9?=');
    assert.equal(o.date?.value, 'Mon, 7 Dec 2026 09:00:00 +0000');
    assert.equal(text.slice(o.headersStart, o.headersStart + 11), 'Message-ID:');
    assert.ok(o.headersEnd > text.indexOf('Date: Mon') && o.headersEnd <= text.indexOf('--b--'));
  });

  it('a From without an address keeps its text', () => {
    assert.equal(analyzeBounce(report('From: Alice', 'Subject: hi')).original?.from?.value, 'Alice');
  });

  it('no headers, no returned message', () => {
    assert.equal(analyzeBounce(report()).original, undefined);
  });
});

describe('the envelope recipient of the returned message', () => {
  it('is the address of the first Received header\'s "for" clause, with or without brackets', () => {
    const text = report('Received: from out.example.org by mx.example.net with ESMTP id 1 for <dana@example.net>; Mon, 7 Dec 2026 09:00:00 +0000', 'To: list@example.net');
    const o = analyzeBounce(text).original!;
    assert.equal(o.envelopeRecipient?.value, 'dana@example.net');
    assert.equal(at(text, o.envelopeRecipient), 'dana@example.net');
    assert.equal(analyzeBounce(report('Received: from a by b\n\tFOR eve@example.net; Mon, 7 Dec 2026 09:00:00 +0000')).original?.envelopeRecipient?.value, 'eve@example.net');
  });

  it('is none when the header was written for several recipients, or names none, or there is no Received header', () => {
    assert.equal(analyzeBounce(report('Received: from a by b for multiple recipients; Mon, 7 Dec 2026 09:00:00 +0000', 'To: x@example.net')).original?.envelopeRecipient, undefined);
    assert.equal(analyzeBounce(report('Received: from a by b; Mon, 7 Dec 2026 09:00:00 +0000', 'To: x@example.net')).original?.envelopeRecipient, undefined);
    assert.equal(analyzeBounce(report('To: x@example.net')).original?.envelopeRecipient, undefined);
    assert.equal(analyzeBounce(report('Received: from a by b before@example.net; x', 'To: x@example.net')).original?.envelopeRecipient, undefined, 'an address without "for"');
  });

  it('only the first Received header counts: later hops were for other addresses', () => {
    const text = report('Received: from a by b; Mon, 7 Dec 2026 09:00:00 +0000', 'Received: from c by a for <zed@example.net>; Mon, 7 Dec 2026 08:59:00 +0000');
    assert.equal(analyzeBounce(text).original?.envelopeRecipient, undefined);
  });

  it('"for" must be a word of its own', () => {
    assert.equal(analyzeBounce(report('Received: from a by b waitfor <zed@example.net>; x')).original?.envelopeRecipient, undefined);
  });
});

// Who a report is about and what happened to each (analysis/bounce/recipients.ts), rule by rule.
// Each message is synthetic; the sentences that decide are those of real reports in the sisimai
// bounce corpus (../shared/corpus/bounces), named by the mail system that writes them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeBounce } from '../../server/src/analysis/bounce/analyzeBounce';
import type { Located } from '../../server/src/formats/bounce/model';

const lines = (...l: string[]): string => l.join('\n');
const at = (text: string, located: Located | undefined): string => (located ? text.slice(located.span.start, located.span.end) : '(missing)');
/** A plain-text report (synthetic headers) with the given subject and body, and no delivery-status part. */
const plain = (subject: string, ...body: string[]): string =>
  lines('From: MAILER-DAEMON@mx.example.net', 'To: alice@example.org', `Subject: ${subject}`, '', ...body);
const actionsOf = (text: string): string[] => analyzeBounce(text).recipients.map((r) => `${r.recipient.value} ${r.action}`);

describe('recipients: the action of a recipient named only in the text', () => {
  // Delay notices: Sendmail, Postfix, Exim, Gmail, Exchange wordings.
  const delayed = [
    'Warning: message neko222-nyaaan-22 delayed 24 hours',
    'Message will be retried for 2 more day(s)',
    'Gmail will retry for 47 more hours.',
    'The server is still trying to deliver this message.',
    'The mail system will continue to try to deliver your message',
    'The mail system will continue trying to deliver your message',
    'A message that you sent has not yet been delivered to one or more of its recipients',
    'Warning: could not send message for past 4 hours',
    'Warning: message still undelivered after 4 hours',
    'No action is required on your part. Delivery attempts will continue for 2 days.',
  ];
  for (const sentence of delayed) {
    it(`delayed: ${sentence}`, () => {
      assert.deepEqual(actionsOf(plain('Delivery Status Notification', sentence, '', '  bob@example.net')), ['bob@example.net delayed']);
    });
  }

  // Given up: qmail, Exim, Sendmail and Postfix wordings; each outweighs delay words in the same report.
  const givenUp = [
    'Could not deliver for the last 432000 seconds. Giving up.',
    'The server gave up on this message.',
    'This is a permanent error; I\'ve given up. Sorry it didn\'t work out.',
    'A permanent failure occurred.',
    'This message will not be retried.',
    'I\'m not going to try again; this message has been in the queue too long.',
    'Message will be deleted from queue',
    'Delivery to the following recipient failed permanently:',
  ];
  for (const sentence of givenUp) {
    it(`failed: ${sentence}`, () => {
      assert.deepEqual(actionsOf(plain('Warning: message delayed', sentence, '', '  bob@example.net')), ['bob@example.net failed']);
    });
  }

  it('a permanent code fails the recipient despite delay words; a temporary one with none is still a failure', () => {
    assert.deepEqual(actionsOf(plain('Message delayed', '  bob@example.net', '    550 5.1.1 user unknown')), ['bob@example.net failed']);
    assert.deepEqual(actionsOf(plain('Returned mail', '  bob@example.net', '    452 4.2.2 mailbox full')), ['bob@example.net failed']);
  });

  it('only success codes: delivered', () => {
    assert.deepEqual(actionsOf(plain('Delivery report', '  bob@example.net', '    250 2.0.0 OK queued')), ['bob@example.net delivered']);
  });
});

describe('recipients: who a report without delivery-status fields is about', () => {
  it('Exim\'s X-Failed-Recipients names them when the text does not, located in the header', () => {
    const text = lines('From: Mail Delivery System <Mailer-Daemon@mx.example.net>', 'To: alice@example.org', 'Subject: Mail delivery failed',
      'X-Failed-Recipients: bob@example.net, Carol@Example.net', '', 'A message that you sent could not be delivered.', 'Retry time exceeded.');
    const analysis = analyzeBounce(text);
    assert.deepEqual(analysis.recipients.map((r) => r.recipient.value), ['bob@example.net', 'Carol@Example.net']);
    assert.equal(at(text, analysis.recipients[1]!.recipient), 'Carol@Example.net');
  });

  it('an address named twice in different case is one recipient', () => {
    const text = plain('Undelivered Mail', '<bob@example.net>: host mx.example.net[192.0.2.1] said: 550 5.1.1 unknown', '', '<BOB@example.net>: 550 5.1.1 unknown');
    assert.deepEqual(analyzeBounce(text).recipients.map((r) => r.recipient.value), ['bob@example.net']);
  });

  it('a lone recipient of X-Failed-Recipients is read from the whole report', () => {
    const text = lines('From: Mail Delivery System <Mailer-Daemon@mx.example.net>', 'To: alice@example.org', 'Subject: Mail delivery failed',
      'X-Failed-Recipients: bob@example.net', '', 'A message that you sent could not be delivered.', 'SMTP error from remote mail server after RCPT TO:', '550 5.1.1 mailbox unknown');
    const r = analyzeBounce(text).recipients[0]!;
    assert.equal(r.status?.value, '5.1.1');
    assert.equal(at(text, r.status), '5.1.1');
    assert.equal(r.reason, 'userunknown');
  });

  it('when the only address named is the sender\'s own, that is the recipient (someone wrote to themselves)', () => {
    const text = lines('From: MAILER-DAEMON@mx.example.net', 'To: alice@example.org', 'Subject: Undelivered Mail Returned to Sender', '',
      '<alice@example.org>: host mx.example.org[192.0.2.1] said: 552 5.2.2 mailbox full');
    const r = analyzeBounce(text).recipients;
    assert.deepEqual(r.map((o) => o.recipient.value), ['alice@example.org']);
    assert.equal(r[0]!.status?.value, '5.2.2');
  });

  const returned = (...original: string[]): string => lines(
    'From: MAILER-DAEMON@mx.example.net', 'To: alice@example.org', 'Subject: failure notice', 'Content-Type: multipart/mixed; boundary="r"', '',
    '--r', 'Content-Type: text/plain', '', 'Sorry, we were unable to deliver your message.', '',
    '--r', 'Content-Type: message/rfc822', '', ...original, '', 'Hello.', '--r--',
  );

  it('a report that names nobody is about the envelope recipient of the returned message\'s first Received header', () => {
    const text = returned('Received: from out.example.org by mx.example.net for <dana@example.net>; Mon, 7 Dec 2026 10:00:00 +0000',
      'From: alice@example.org', 'To: team@lists.example.net', 'Subject: hi');
    const r = analyzeBounce(text).recipients;
    assert.deepEqual(r.map((o) => o.recipient.value), ['dana@example.net']);
    assert.equal(at(text, r[0]!.recipient), 'dana@example.net');
  });

  it('else about the returned message\'s To, up to five addresses', () => {
    const to = (n: number): string => Array.from({ length: n }, (_, i) => `u${i}@example.net`).join(', ');
    assert.deepEqual(analyzeBounce(returned('From: alice@example.org', `To: ${to(2)}`)).recipients.map((o) => o.recipient.value), ['u0@example.net', 'u1@example.net']);
    assert.equal(analyzeBounce(returned('From: alice@example.org', `To: ${to(5)}`)).recipients.length, 5);
    assert.equal(analyzeBounce(returned('From: alice@example.org', `To: ${to(6)}`)).recipients.length, 0, 'six are a list, not the one who failed');
  });
});

describe('recipients: delivery-status fields', () => {
  const dsn = (...fields: string[]): string => lines(
    'From: MAILER-DAEMON@mx.example.net', 'To: alice@example.org', 'Subject: Delivery Status Notification (Failure)',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="d"', '',
    '--d', 'Content-Type: text/plain', '', 'Delivery to the following recipients failed.', '',
    '--d', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.example.net', '', ...fields, '--d--',
  );

  it('a Final-Recipient with a source route is the relay\'s view: the Original-Recipient is the recipient', () => {
    const text = dsn('Original-Recipient: rfc822; bob@example.net', 'Final-Recipient: rfc822; @relay.example.net:bob@internal.example.net', 'Action: failed', 'Status: 5.1.1');
    const r = analyzeBounce(text).recipients[0]!;
    assert.equal(r.recipient.value, 'bob@example.net');
    assert.equal(r.originalRecipient, undefined, 'the same address is not repeated as the original');
  });

  it('an Original-Recipient other than the final one is kept as such', () => {
    const text = dsn('Original-Recipient: rfc822; bob@example.net', 'Final-Recipient: rfc822; robert@mail.example.net', 'Action: failed', 'Status: 5.1.1');
    const r = analyzeBounce(text).recipients[0]!;
    assert.equal(r.recipient.value, 'robert@mail.example.net');
    assert.equal(at(text, r.originalRecipient), 'bob@example.net');
  });

  it('an Action with a comment reads as its word; an unknown one is inferred from the codes', () => {
    assert.equal(analyzeBounce(dsn('Final-Recipient: rfc822; bob@example.net', 'Action: delayed (will retry)', 'Status: 4.4.1')).recipients[0]!.action, 'delayed');
    assert.equal(analyzeBounce(dsn('Final-Recipient: rfc822; bob@example.net', 'Action: Expanded', 'Status: 2.0.0')).recipients[0]!.action, 'expanded');
    assert.equal(analyzeBounce(dsn('Final-Recipient: rfc822; bob@example.net', 'Action: bounced', 'Status: 5.1.1')).recipients[0]!.action, 'failed');
    assert.equal(analyzeBounce(dsn('Final-Recipient: rfc822; bob@example.net', 'Action: relayed', 'Status: 2.0.0')).recipients[0]!.action, 'relayed');
    assert.equal(analyzeBounce(dsn('Final-Recipient: rfc822; bob@example.net', 'Action: delivered', 'Status: 2.0.0')).recipients[0]!.action, 'delivered');
  });

  it('the Action field decides over the words of the report', () => {
    const text = dsn('Final-Recipient: rfc822; bob@example.net', 'Action: failed', 'Status: 4.4.7').replace('Delivery to the following recipients failed.', 'Delivery has been delayed; the server will retry.');
    assert.equal(analyzeBounce(text).recipients[0]!.action, 'failed');
  });

  it('a delivery-status group that names no address describes the one recipient the text names', () => {
    const text = lines(
      'From: MAILER-DAEMON@mx.example.net', 'To: alice@example.org', 'Subject: Returned mail: see transcript for details',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="d"', '',
      '--d', 'Content-Type: text/plain', '', '   ----- The following addresses had permanent fatal errors -----', '<bob@example.net>', '',
      '--d', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.example.net', '',
      'Final-Recipient: X-Local-File; /var/mail/bob', 'Action: failed', 'Status: 5.2.2', '--d--',
    );
    const r = analyzeBounce(text).recipients;
    assert.deepEqual(r.map((o) => [o.recipient.value, o.status?.value]), [['bob@example.net', '5.2.2']]);
  });

  it('an X-Unix Diagnostic-Code is a local program\'s exit status, and the Remote-MTA, dates and Status are kept where they stand', () => {
    const text = dsn('Final-Recipient: rfc822; bob@example.net', 'Action: failed', 'Status: 5.3.0', 'Remote-MTA: dns; mx.example.net',
      'Diagnostic-Code: X-Unix; 67', 'Last-Attempt-Date: Mon, 7 Dec 2026 10:00:00 +0000', 'Will-Retry-Until: Tue, 8 Dec 2026 10:00:00 +0000');
    const r = analyzeBounce(text).recipients[0]!;
    assert.equal(at(text, r.remoteMta), 'mx.example.net');
    assert.equal(at(text, r.lastAttempt), 'Mon, 7 Dec 2026 10:00:00 +0000');
    assert.equal(at(text, r.retryUntil), 'Tue, 8 Dec 2026 10:00:00 +0000');
    assert.equal(at(text, r.status), '5.3.0');
    assert.equal(text.slice(r.anchor.start, r.anchor.end), '5.3.0');
    // A failed local program is a system error (the rule of bounceLessons.test.ts, after sisimai's expectations).
    assert.equal(r.reason, 'systemerror');
    assert.equal(r.diagnostic?.value, '67');
  });

  it('no more than 500 recipients are read from one report', () => {
    const fields: string[] = [];
    for (let i = 0; i < 501; i++) fields.push(`Final-Recipient: rfc822; u${i}@example.net`, 'Action: failed', 'Status: 5.1.1', '');
    assert.equal(analyzeBounce(dsn(...fields)).recipients.length, 500);
  });
});

describe('recipients: the remote server and the diagnostic of a text-only report', () => {
  it('Exchange prints the remote server alone on the line after the recipient', () => {
    const text = plain('Undeliverable: hello', 'Delivery has failed to these recipients or groups:', '', 'bob@example.net', '    mx.fabrikam.example  ', 'Remote Server returned \'550 5.1.1 RESOLVER.ADR.RecipNotFound; not found\'');
    const r = analyzeBounce(text).recipients[0]!;
    assert.equal(at(text, r.remoteMta), 'mx.fabrikam.example');
  });

  it('a host name on a later line is not the remote server', () => {
    const text = plain('Undeliverable: hello', 'Delivery has failed to these recipients or groups:', '', 'bob@example.net', 'The address was not found.', 'mx.fabrikam.example');
    assert.equal(analyzeBounce(text).recipients[0]!.remoteMta, undefined);
  });

  it('the diagnostic starts at the line of the chosen reply and ends at the block\'s first blank line', () => {
    const text = plain('Undelivered Mail', '<bob@example.net>:', 'host mx.example.net[192.0.2.1] said:', '    550 5.1.1 <bob@example.net>: user unknown', '    (in reply to RCPT TO command)', '', 'Regards, the mail system');
    const r = analyzeBounce(text).recipients[0]!;
    assert.equal(r.diagnostic?.value, '550 5.1.1 <bob@example.net>: user unknown (in reply to RCPT TO command)');
    assert.equal(at(text, r.diagnostic), '550 5.1.1 <bob@example.net>: user unknown\n    (in reply to RCPT TO command)');
    assert.equal(at(text, r.remoteMta), 'mx.example.net');
    assert.equal(r.stage, 'rcpt');
  });

  it('the diagnostic keeps at most 600 characters', () => {
    const long = Array.from({ length: 40 }, (_, i) => `line ${i} of a long reply that goes on`).join('\n');
    const r = analyzeBounce(plain('Undelivered Mail', '<bob@example.net>: 550 5.1.1 user unknown', long)).recipients[0]!;
    assert.equal(r.diagnostic?.value.length, 600);
  });
});

describe('recipients: Amazon SES notifications', () => {
  const ses = (body: string): string => lines('From: no-reply-aws@amazon.com', 'To: alice@example.org', 'Subject: AWS Notification Message', '', body);

  it('a complaint is feedback for a delivered recipient, neither hard nor permanent', () => {
    const r = analyzeBounce(ses('{"notificationType":"Complaint","complaint":{"complainedRecipients":[{"emailAddress":"tina@example.net"}],"complaintFeedbackType":"abuse"}}')).recipients;
    assert.deepEqual(r.map((o) => [o.recipient.value, o.action, o.reason, o.hard, o.permanent]), [['tina@example.net', 'delivered', 'feedback', false, false]]);
  });

  it('a bounce\'s diagnostic code is read after its type, located in the notification', () => {
    const text = ses('{"notificationType":"Bounce","bounce":{"bounceType":"Permanent","bouncedRecipients":[{"emailAddress":"quinn@example.com","action":"failed","diagnosticCode":"smtp;  550 5.1.1 user unknown"}]}}');
    const r = analyzeBounce(text).recipients[0]!;
    assert.equal(r.status?.value, '5.1.1');
    assert.equal(at(text, r.status), '5.1.1');
    assert.equal(at(text, r.replyCode), '550');
  });
});

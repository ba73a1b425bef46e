// One small report of each kind the issue lists, written for these tests: recipients, codes,
// reasons, who must act, and that every location points at the right text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeBounce } from '../../server/src/analysis/bounce/analyzeBounce';
import type { Located } from '../../server/src/formats/bounce/model';
import type { BounceAnalysis } from '../../server/src/analysis/bounce/bounceAnalysis';

const lines = (...l: string[]): string => l.join('\n');
const at = (text: string, located: Located | undefined): string => (located ? text.slice(located.span.start, located.span.end) : '(missing)');

function only(analysis: BounceAnalysis): BounceAnalysis['recipients'][number] {
  assert.equal(analysis.recipients.length, 1, JSON.stringify(analysis.recipients.map((r) => r.recipient.value)));
  return analysis.recipients[0]!;
}

describe('bounce formats', () => {
  it('RFC 3464: fields per recipient, and a Status that disagrees with the reply is reported', () => {
    const text = lines(
      'From: Mail Delivery System <MAILER-DAEMON@relay.example.org>',
      'To: alice@example.com',
      'Subject: Undelivered Mail Returned to Sender',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered.',
      '--b1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; relay.example.org',
      'Arrival-Date: Mon, 23 Nov 2026 09:00:00 +0000',
      '',
      'Original-Recipient: rfc822; bob@example.net',
      'Final-Recipient: rfc822; robert@mail.example.net',
      'Action: delayed',
      'Status: 4.0.0',
      'Remote-MTA: dns; mx.example.net',
      'Diagnostic-Code: smtp; 452 4.2.2 Mailbox over quota',
      'Last-Attempt-Date: Mon, 23 Nov 2026 10:00:00 +0000',
      'Will-Retry-Until: Wed, 25 Nov 2026 09:00:00 +0000',
      '',
      'Final-Recipient: rfc822; carol@example.net',
      'Action: failed',
      'Status: 5.0.0',
      'Diagnostic-Code: smtp; 550 5.1.1 <carol@example.net>: Recipient address rejected: User unknown',
      '--b1',
      'Content-Type: text/rfc822-headers',
      '',
      'Message-ID: <m1@example.com>',
      'From: Alice <alice@example.com>',
      'To: bob@example.net, carol@example.net',
      'Subject: =?UTF-8?Q?Quarterly_r=C3=A9port?=',
      '--b1--',
    );
    const analysis = analyzeBounce(text);
    assert.equal(analysis.kind, 'bounce');
    assert.equal(at(text, analysis.reportingMta), 'relay.example.org');
    const [robert, carol] = analysis.recipients;
    assert.equal(robert!.recipient.value, 'robert@mail.example.net');
    assert.equal(robert!.originalRecipient?.value, 'bob@example.net');
    assert.equal(robert!.action, 'delayed');
    assert.equal(robert!.status?.value, '4.2.2');
    assert.equal(at(text, robert!.status), '4.2.2');
    assert.equal(robert!.replyCode?.value, '452');
    assert.equal(robert!.reason, 'mailboxfull');
    assert.match(robert!.conflict ?? '', /Status field says 4\.0\.0 but the diagnostic text says 4\.2\.2/);
    assert.equal(at(text, robert!.remoteMta), 'mx.example.net');
    assert.equal(robert!.lastAttempt?.value, 'Mon, 23 Nov 2026 10:00:00 +0000');
    assert.equal(robert!.retryUntil?.value, 'Wed, 25 Nov 2026 09:00:00 +0000');
    assert.equal(carol!.status?.value, '5.1.1');
    assert.equal(carol!.reason, 'userunknown');
    assert.equal(carol!.hard, true);
    assert.deepEqual(carol!.actors, ['sender', 'recipient-admin']);
    assert.equal(analysis.original?.subject?.value, 'Quarterly réport');
    assert.equal(analysis.original?.messageId?.value, '<m1@example.com>');
    assert.equal(analysis.original?.from?.value, 'alice@example.com');
  });

  it('Exchange Online: "Remote Server returned" per recipient, with the remote server line', () => {
    const text = lines(
      'From: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso.com>',
      'To: <alex@contoso.com>',
      'Subject: Undeliverable: budget',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'Delivery has failed to these recipients or groups:',
      '',
      'Diagnostic information for administrators:',
      '',
      'Generating server: DM6PR01MB1234.namprd01.prod.outlook.com',
      '',
      'dana@fabrikam.example',
      'mx.fabrikam.example',
      "Remote Server returned '550 5.7.606 Access denied, banned sending IP [203.0.113.5]'",
    );
    const r = only(analyzeBounce(text));
    assert.equal(r.recipient.value, 'dana@fabrikam.example');
    assert.equal(r.status?.value, '5.7.606');
    assert.equal(r.reason, 'blocked');
    assert.deepEqual(r.actors, ['sender-admin', 'network-owner']);
    assert.equal(at(text, r.remoteMta), 'mx.fabrikam.example');
    assert.equal(r.reportingMta?.value, 'DM6PR01MB1234.namprd01.prod.outlook.com');
  });

  it('Exchange 2007: "#550 5.1.1 RESOLVER..." even when quoted-printable splits the line', () => {
    const text = lines(
      'From: System Administrator <postmaster@contoso.com>',
      'Subject: Undeliverable: lunch',
      'Content-Type: text/plain; charset="us-ascii"',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Delivery has failed to these recipients or distribution lists:',
      '',
      'erin@contoso.com',
      '#550 5.1.1 RESOLVER.ADR.RecipNot=',
      'Found; not found ##',
    );
    const r = only(analyzeBounce(text));
    assert.equal(r.status?.value, '5.1.1');
    assert.equal(r.transport?.value, 'RESOLVER.ADR.RecipNotFound');
    assert.equal(r.reason, 'userunknown');
    assert.equal(at(text, r.status), '5.1.1');
  });

  it('Exchange 2003: "<host #5.7.1 smtp;530 ...>" and MSEXCH:IMS with no code at all', () => {
    const coded = lines(
      'From: System Administrator <postmaster@contoso.com>',
      'Subject: Undeliverable: report',
      '',
      'Your message did not reach some of its recipients.',
      '',
      'The following recipient(s) could not be reached:',
      '',
      '      frank@example.org on 4/29/2026 11:34 AM',
      '            You do not have permission to send to this recipient.',
      '            <mail.contoso.com #5.7.1 smtp;530 5.7.1 Client was not authenticated>',
    );
    const r = only(analyzeBounce(coded));
    assert.equal(r.recipient.value, 'frank@example.org');
    assert.equal(r.status?.value, '5.7.1');
    assert.equal(r.replyCode?.value, '530');
    // Microsoft's reading: an unauthenticated client trying to send through the server.
    assert.equal(r.reason, 'norelaying');
    assert.match(r.reasonBasis, /microsoft/);

    const codeless = lines(
      'From: System Administrator <postmaster@contoso.com>',
      'Subject: Undeliverable: report',
      '',
      'did not reach the following recipient(s):',
      '',
      'gina@example.org on Thu, 29 Apr 2010 00:00:00 -0000',
      '    The recipient name is not recognized',
      '    MSEXCH:IMS:CONTOSO:SITE:SERVER1 0 (000C05A6) Unknown Recipient',
    );
    const g = only(analyzeBounce(codeless));
    assert.equal(g.recipient.value, 'gina@example.org');
    assert.equal(g.status, undefined);
    assert.equal(g.reason, 'userunknown');
  });

  it('Postfix without a DSN: "said: ... (in reply to RCPT TO command)"', () => {
    const text = lines(
      'From: MAILER-DAEMON@mx.example.org (Mail Delivery System)',
      'Subject: Undelivered Mail Returned to Sender',
      '',
      'This is the mail system at host mx.example.org.',
      '',
      '<henry@example.com>: host mx.example.com[192.0.2.10] said: 552 5.2.2',
      '    <henry@example.com>: Recipient address rejected: Mailbox full (in reply',
      '    to RCPT TO command)',
    );
    const analysis = analyzeBounce(text);
    const r = only(analysis);
    assert.equal(r.status?.value, '5.2.2');
    assert.equal(r.replyCode?.value, '552');
    assert.equal(r.reason, 'mailboxfull');
    assert.equal(r.stage, 'rcpt');
    assert.equal(r.remoteMta?.value, 'mx.example.com');
    assert.equal(r.reportingMta?.value, 'mx.example.org');
    assert.deepEqual(r.actors, ['recipient-admin']);
    // Read on demand, and the same on every read.
    assert.equal(analysis.reporter, 'Postfix');
    assert.equal(analysis.reporter, 'Postfix');
  });

  it('Sendmail: the transcript\'s remote reply wins over sendmail\'s own summary line', () => {
    const text = lines(
      'From: Mail Delivery Subsystem <MAILER-DAEMON@mail.example.org>',
      'Subject: Returned mail: see transcript for details',
      '',
      '   ----- The following addresses had permanent fatal errors -----',
      '<ivan@example.net>',
      '    (reason: 550 5.7.1 Relaying denied)',
      '',
      '   ----- Transcript of session follows -----',
      '... while talking to mx.example.net.:',
      '>>> RCPT To:<ivan@example.net>',
      '<<< 550 5.7.1 Relaying denied',
      '550 5.1.1 <ivan@example.net>... User unknown',
    );
    const r = only(analyzeBounce(text));
    assert.equal(r.status?.value, '5.7.1');
    assert.equal(r.reason, 'norelaying');
    assert.equal(r.stage, 'rcpt');
  });

  it('Exim: the address line, then "SMTP error from remote mail server after RCPT TO:"', () => {
    const text = lines(
      'From: Mail Delivery System <Mailer-Daemon@exim.example.org>',
      'X-Failed-Recipients: judy@example.com',
      'Subject: Mail delivery failed: returning message to sender',
      '',
      'This message was created automatically by mail delivery software.',
      '',
      'A message that you sent could not be delivered to one or more of its',
      'recipients. This is a permanent error. The following address(es) failed:',
      '',
      '  judy@example.com',
      '    host mx.example.com [192.0.2.20]',
      '    SMTP error from remote mail server after RCPT TO:<judy@example.com>:',
      '    550 5.1.1 <judy@example.com>: No such user here',
      '',
      '------ This is a copy of the message, including all the headers. ------',
      '',
      'Return-path: <alice@example.org>',
      'Subject: hello',
      'To: judy@example.com',
      '',
      'hello',
    );
    const analysis = analyzeBounce(text);
    const r = only(analysis);
    assert.equal(r.status?.value, '5.1.1');
    assert.equal(r.remoteMta?.value, 'mx.example.com');
    assert.equal(r.stage, 'rcpt');
    assert.equal(analysis.original?.subject?.value, 'hello');
  });

  it('qmail: "<address>:" then the remote reply and "(#5.1.1)"', () => {
    const text = lines(
      'From: MAILER-DAEMON@qmail.example.org',
      'Subject: failure notice',
      '',
      'Hi. This is the qmail-send program at qmail.example.org.',
      "I'm afraid I wasn't able to deliver your message to the following addresses.",
      '',
      '<kim@example.net>:',
      'Sorry, no mailbox here by that name. (#5.1.1)',
      '',
      '<lee@example.net>:',
      '192.0.2.30 does not like recipient.',
      'Remote host said: 552 5.2.2 <lee@example.net>... Mailbox Full',
      'Giving up on 192.0.2.30.',
      '',
      '--- Below this line is a copy of the message.',
      '',
      'Return-Path: <alice@example.org>',
      'Subject: hi',
    );
    const analysis = analyzeBounce(text);
    assert.deepEqual(analysis.recipients.map((r) => [r.recipient.value, r.status?.value, r.reason]), [
      ['kim@example.net', '5.1.1', 'userunknown'],
      ['lee@example.net', '5.2.2', 'mailboxfull'],
    ]);
    assert.equal(analysis.recipients[1]!.remoteMta?.value, '192.0.2.30');
    assert.equal(analysis.reportingMta?.value, 'qmail.example.org');
  });

  it('Gmail: a multi-line reply is read as one, and Google\'s own wording decides the reason', () => {
    const text = lines(
      'From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
      'Subject: Delivery Status Notification (Failure)',
      '',
      'Delivery to the following recipient failed permanently:',
      '',
      '     mia@example.com',
      '',
      'The response from the remote server was:',
      "550-5.7.26 Unauthenticated email from example.org is not accepted due to domain's",
      '550-5.7.26 DMARC policy. Please contact the administrator of example.org domain if',
      '550 5.7.26 this was a legitimate mail. - gsmtp',
    );
    const r = only(analyzeBounce(text));
    assert.equal(r.status?.value, '5.7.26');
    assert.equal(r.replyCode?.value, '550');
    assert.equal(r.reason, 'authfailure');
    assert.match(r.reasonBasis, /google/);
  });

  it('Yahoo: "Remote host said: ... [RCPT_TO]"', () => {
    const text = lines(
      'From: MAILER-DAEMON@yahoo.example.com',
      'Subject: Failure Notice',
      '',
      'Sorry, we were unable to deliver your message to the following address.',
      '',
      '<nina@example.org>:',
      'Remote host said: 550 5.1.1 <nina@example.org>... User Unknown [RCPT_TO]',
    );
    const r = only(analyzeBounce(text));
    assert.equal(r.status?.value, '5.1.1');
    assert.equal(r.stage, 'rcpt');
    assert.equal(r.reason, 'userunknown');
  });

  it('Domino: "was not delivered to:" with the reason after "because:"', () => {
    const text = lines(
      'From: Postmaster@domino.example.jp',
      'Subject: DELIVERY FAILURE: User oscar (oscar@example.jp) not listed in Domino Directory',
      '',
      'Your message',
      '',
      '  Subject: Test',
      '',
      'was not delivered to:',
      '',
      '  oscar@example.jp',
      '',
      'because:',
      '',
      '  User oscar (oscar@example.jp) not listed in Domino Directory',
    );
    const r = only(analyzeBounce(text));
    assert.equal(r.recipient.value, 'oscar@example.jp');
    assert.equal(r.reason, 'userunknown');
  });

  it('a reply nested inside another reply: the inner one is the cause', () => {
    const text = lines(
      'From: MAILER-DAEMON@relay.example.org',
      'Subject: Delivery Status Notification (Failure)',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="x"',
      '',
      '--x',
      'Content-Type: message/delivery-status',
      '',
      'Final-Recipient: rfc822; pat@example.net',
      'Action: failed',
      'Status: 4.4.7',
      'Diagnostic-Code: smtp; 554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>',
      '--x--',
    );
    const r = only(analyzeBounce(text));
    assert.equal(r.status?.value, '4.4.2');
    assert.equal(r.replyCode?.value, '421');
    assert.match(r.conflict ?? '', /4\.4\.7.*4\.4\.2/);
  });

  it('Amazon SES notifications (JSON in the body)', () => {
    const text = lines(
      'From: no-reply@sns.amazonaws.com',
      'Subject: AWS Notification Message',
      '',
      '{"notificationType":"Bounce","bounce":{"bounceType":"Permanent","bouncedRecipients":[{"emailAddress":"quinn@example.com","action":"failed","status":"5.1.1","diagnosticCode":"smtp; 550 5.1.1 user unknown"}],"reportingMTA":"dsn; a1.smtp-out.amazonses.com"}}',
    );
    const r = only(analyzeBounce(text));
    assert.equal(at(text, r.recipient), 'quinn@example.com');
    assert.equal(r.status?.value, '5.1.1');
    assert.equal(r.reason, 'userunknown');
  });

  it('messages that are not bounces: auto-replies, feedback reports and ordinary mail', () => {
    const autoReply = analyzeBounce(lines('From: rose@example.com', 'To: alice@example.org', 'Subject: Out of Office: hello', 'Auto-Submitted: auto-replied', '', 'I am away until Monday.'));
    assert.equal(autoReply.kind, 'auto-reply');
    assert.deepEqual(autoReply.recipients, []);
    assert.equal(autoReply.reporter, undefined);
    const ordinary = analyzeBounce(lines('From: sam@example.com', 'To: alice@example.org', 'Subject: lunch?', '', 'tom@example.com: 550 5.1.1 was the error I got yesterday'));
    assert.equal(ordinary.kind, 'not-a-bounce');
    assert.deepEqual(ordinary.recipients, []);
    const feedback = analyzeBounce(lines(
      'From: feedback@isp.example', 'Subject: Abuse report', 'Content-Type: multipart/report; report-type=feedback-report; boundary="f"', '',
      '--f', 'Content-Type: message/feedback-report', '', 'Feedback-Type: abuse', 'Original-Rcpt-To: tina@isp.example', '--f--',
    ));
    assert.equal(feedback.kind, 'feedback-report');
    assert.deepEqual(feedback.recipients.map((r) => [r.recipient.value, r.reason, r.action]), [['tina@isp.example', 'feedback', 'delivered']]);
  });

  it('CRLF and bare-CR copies of a report read the same as LF', () => {
    const text = lines(
      'From: MAILER-DAEMON@mx.example.org',
      'Subject: Undelivered Mail Returned to Sender',
      '',
      '<uma@example.com>: host mx.example.com[192.0.2.10] said: 550 5.1.1 User unknown (in reply to RCPT TO command)',
    );
    const want = JSON.stringify(analyzeBounce(text).recipients.map((r) => [r.recipient.value, r.status?.value, r.reason]));
    for (const eol of ['\r\n', '\r']) {
      const copy = text.replace(/\n/g, eol);
      const analysis = analyzeBounce(copy);
      assert.equal(JSON.stringify(analysis.recipients.map((r) => [r.recipient.value, r.status?.value, r.reason])), want);
      assert.equal(at(copy, analysis.recipients[0]!.status), '5.1.1');
    }
  });
});

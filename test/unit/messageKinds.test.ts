// What kind of message a document is (analysis/bounce/messageKind.ts), each sign on its own: the
// report's sender, its subject, failure words from a null sender, the auto-reply headers of
// RFC 3834 and the vendors, and complaint subjects. Subjects and senders are those of real reports
// in the sisimai bounce corpus (../shared/corpus/bounces) unless marked; every message is a
// synthetic few lines with that one sign and nothing else that would decide.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeBounce } from '../../server/src/analysis/bounce/analyzeBounce';

const lines = (...l: string[]): string => l.join('\n');
/** A synthetic message: ordinary headers unless given, then a body that says nothing of delivery. */
const message = ({ from = 'Sam <sam@example.com>', subject = 'lunch?', headers = [] as string[], body = ['See you at noon.'] } = {}): string =>
  lines(`From: ${from}`, 'To: alice@example.org', `Subject: ${subject}`, ...headers, '', ...body);
const kindOf = (text: string): string => analyzeBounce(text).kind;

describe('message kinds: the sender of a report', () => {
  it('an ordinary sender, subject and body is no bounce', () => {
    assert.equal(kindOf(message()), 'not-a-bounce');
  });

  for (const local of ['MAILER-DAEMON', 'mailer_daemon', 'MailerDaemon', 'mail-daemon', 'maildaemon', 'postmaster', 'post_master', 'MDaemon',
    'mail.delivery', 'maildelivery', 'bounce', 'bounces', 'bounced', 'nobody', 'mail-notifier', 'mailnotifier']) {
    it(`${local}@ sends reports`, () => assert.equal(kindOf(message({ from: `${local}@mx.example.net` })), 'bounce'));
  }

  it('only the whole local part counts: a person or list whose name ends in one is not a report sender', () => {
    for (const local of ['thenobody', 'list-bounces-x', 'bouncer', 'nobodyhome']) {
      assert.equal(kindOf(message({ from: `${local}@example.org` })), 'not-a-bounce', local);
    }
  });

  it('a display name of the mail system counts too', () => {
    assert.equal(kindOf(message({ from: 'Mail Delivery Subsystem <noreply@mx.example.net>' })), 'bounce');
    assert.equal(kindOf(message({ from: '"Postmaster" <help@example.net>' })), 'bounce');
    assert.equal(kindOf(message({ from: '"Mailer-Daemon" <help@example.net>' })), 'bounce');
  });
});

describe('message kinds: the subject of a report', () => {
  const subjects = [
    'Undeliverable: Nyaan', 'Undelivered Mail Returned to Sender', 'Delivery Status Notification (Failure)', 'Delivery failure',
    'Delivery Notification: Delivery has failed', 'Delivery Status Notification (Delay)', 'Delivery notification', 'Delivery problem (synthetic)',
    'Delivery report', 'Delivery error', 'failure notice', 'Returned mail: see transcript for details', 'Mail delivery failed',
    'Mail could not be delivered', 'Non-delivery report (synthetic)', 'Nondelivery notice (synthetic)', 'Returned to sender (synthetic)',
    'Bounce (synthetic)', 'Could not send message (synthetic)', 'Mail System Error - Returned Mail', 'Message not delivered (synthetic)',
    'Failed delivery (synthetic)', 'Delayed Mail (still being retried)', 'FAILURE NOTICE : Nyaan', 'Mail failure (synthetic)',
    'Unable to deliver your message (synthetic)', 'Message rejected (synthetic)', 'Rejected: Nyaan (synthetic)',
  ];
  for (const subject of subjects) {
    it(subject, () => assert.equal(kindOf(message({ subject })), 'bounce'));
  }
});

describe('message kinds: failure words from the null sender', () => {
  const words = [
    'This message could not be delivered to bob@example.net.', 'It couldn\'t be delivered.', 'Delivery failed for bob@example.net.',
    'Delivery has failed to these recipients.', 'A permanent error occurred.', 'A permanent failure occurred.', 'The message is undeliverable.',
    'Your message was not delivered.', 'Your message wasn\'t delivered.', 'We were unable to deliver your message.',
    'Your message did not reach some or all of the intended recipients.', 'We could not deliver your message.',
    'The address could not be reached.', 'Your message was rejected.',
  ];
  for (const sentence of words) {
    it(sentence, () => {
      assert.equal(kindOf(message({ headers: ['Return-Path: <>'], body: [sentence] })), 'bounce');
      assert.equal(kindOf(message({ headers: ['Return-Path: <sam@example.com>'], body: [sentence] })), 'not-a-bounce', 'the same words from a person are no report');
    });
  }

  it('an empty or missing Return-Path is taken as the null sender (a saved report often has none); a named one is not', () => {
    assert.equal(kindOf(message({ headers: ['Return-Path:'], body: ['Your message was rejected.'] })), 'bounce');
    assert.equal(kindOf(message({ body: ['Your message was rejected.'] })), 'bounce');
    assert.equal(kindOf(message({ headers: ['Return-Path: <sam@example.com>'], body: ['Your message was rejected.'] })), 'not-a-bounce');
  });

  it('an X-Failed-Recipients header makes a report', () => {
    assert.equal(kindOf(message({ headers: ['X-Failed-Recipients: bob@example.net'] })), 'bounce');
  });
});

describe('message kinds: automatic replies (RFC 3834 and vendor headers)', () => {
  it('Auto-Submitted: auto-replied, but not auto-generated or no', () => {
    assert.equal(kindOf(message({ headers: ['Auto-Submitted: auto-replied (vacation)'] })), 'auto-reply');
    assert.equal(kindOf(message({ headers: ['Auto-Submitted: Auto-Replied'] })), 'auto-reply');
    assert.equal(kindOf(message({ headers: ['Auto-Submitted: no'] })), 'not-a-bounce');
  });

  for (const field of ['X-Autoreply: yes', 'X-Autorespond: yes', 'X-AutoResponse: yes', 'Precedence: auto_reply', 'Precedence: auto-reply']) {
    it(field, () => assert.equal(kindOf(message({ headers: [field] })), 'auto-reply'));
  }

  it('Precedence: bulk is no auto-reply', () => {
    assert.equal(kindOf(message({ headers: ['Precedence: bulk'] })), 'not-a-bounce');
  });

  for (const subject of ['Automatic reply: Nyaan', 'Auto Reply: hello', 'Autoreply: hello', 'AutoResponse: hello', 'Auto-Response: hello',
    'Automatische Antwort: Termin', 'Out of Office: hello', 'Out of the office', 'Away from my desk', 'Abwesenheitsnotiz', 'Absence', 'Vacation reply', '自動応答']) {
    it(`subject "${subject}"`, () => assert.equal(kindOf(message({ subject })), 'auto-reply'));
  }

  it('an auto-reply word later in the subject is not one', () => {
    assert.equal(kindOf(message({ subject: 'Re: our vacation plans' })), 'not-a-bounce');
    assert.equal(kindOf(message({ subject: 'Awayday agenda' })), 'not-a-bounce');
  });

  it('a delivery report wins over auto-reply signs', () => {
    assert.equal(kindOf(message({ from: 'MAILER-DAEMON@mx.example.net', headers: ['Auto-Submitted: auto-replied'] })), 'bounce');
  });
});

describe('message kinds: complaints and outcomes', () => {
  const original = ['Content-Type: multipart/mixed; boundary="b"'];
  const withOriginal = ['--b', 'Content-Type: text/plain', '', 'A complaint about the attached message.', '--b', 'Content-Type: message/rfc822', '',
    'From: news@example.com', 'To: tina@isp.example', 'Subject: offer', '', 'Buy now.', '--b--'];

  it('a complaint or abuse-report subject with the message attached is a feedback report', () => {
    assert.equal(kindOf(message({ subject: 'complaint about message from 192.0.2.222', headers: original, body: withOriginal })), 'feedback-report');
    assert.equal(kindOf(message({ subject: 'Abuse Report', headers: original, body: withOriginal })), 'feedback-report');
    assert.equal(kindOf(message({ subject: 'Abuse Report' })), 'not-a-bounce', 'without the message it complains of');
    assert.equal(kindOf(message({ subject: 'complaints department', headers: original, body: withOriginal })), 'not-a-bounce', 'a whole word only');
  });

  const dsn = (action: string, status: string): string => lines(
    'From: MAILER-DAEMON@mx.example.net', 'To: alice@example.org', 'Subject: Delivery Status Notification',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="d"', '',
    '--d', 'Content-Type: text/plain', '', 'This is a delivery status notification.', '',
    '--d', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.example.net', '',
    'Final-Recipient: rfc822; bob@example.net', `Action: ${action}`, `Status: ${status}`, '--d--',
  );

  it('a delivery-status report is a bounce when one recipient failed, a delay notice when delayed, else a delivery report', () => {
    assert.equal(kindOf(dsn('failed', '5.1.1')), 'bounce');
    assert.equal(kindOf(dsn('delayed', '4.4.7')), 'delay');
    assert.equal(kindOf(dsn('delivered', '2.0.0')), 'delivery-report');
    assert.equal(kindOf(dsn('relayed', '2.0.0')), 'delivery-report');
  });
});

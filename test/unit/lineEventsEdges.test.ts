// The events of Postfix, Exim and Sendmail log lines at the edges the corpus does not reach: every
// Postfix status word, replies without a closing parenthesis, Message-ID forms, Sendmail's
// [days+]hh:mm:ss delays and deferrals by DSN, Exim's original recipients and " for " lists, and
// the offsets of each event. Every line is synthetic, in the formats the systems document (Postfix's
// postconf(5) logging, Exim's "Log files" chapter, Sendmail's "Log information").
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type MailEvent, readEvent } from '../../server/src/formats/mailLog/lineEvents';
import { LineHeadReader } from '../../server/src/formats/mailLog/lineHead';

const POSTFIX = 'Nov 23 09:14:06 mx postfix/smtp[2211]: 8D4B32A1C3: ';
const CLEANUP = 'Nov 23 09:14:05 mx postfix/cleanup[2210]: 8D4B32A1C3: ';
const SENDMAIL = 'Nov 23 09:14:06 mx sendmail[3311]: 2AN9E6xA003311: ';
const EXIM = '2026-11-23 09:14:06 1jmFYj-00039V-QX ';
const eventOf = (line: string): MailEvent => {
  const head = new LineHeadReader(2026).read(line, 0, line.length);
  assert.ok(head, line);
  return readEvent(line, head, line.length);
};
/** The text an event's span covers. */
const spanned = (line: string, event: MailEvent): string | undefined => ('span' in event && event.span ? line.slice(event.span.start, event.span.end) : undefined);

describe('mail log events: Postfix', () => {
  it('reads each status word: deliverable as sent, undeliverable as bounced, expired', () => {
    const status = (word: string) => {
      const event = eventOf(`${POSTFIX}to=<bob@example.com>, relay=none, delay=0.5, dsn=5.0.0, status=${word} (reply text)`);
      return event.kind === 'attempt' ? event.status : event.kind;
    };
    assert.deepEqual(['sent', 'deliverable', 'deferred', 'bounced', 'undeliverable', 'expired', 'unknown'].map(status),
      ['sent', 'sent', 'deferred', 'bounced', 'bounced', 'expired', 'other']);
  });

  it('reads an attempt\'s fields, the reply inside its parentheses (or to the end when unclosed), and spans from status=', () => {
    const line = `${POSTFIX}to=<bob@example.com>, orig_to=<b@example.com>, relay=mx.example.com[192.0.2.7]:25, delay=1.5, delays=0.1/0/0.4/1, dsn=2.0.0, status=sent (250 2.0.0 Ok)`;
    const event = eventOf(line);
    assert.deepEqual(event, {
      kind: 'attempt', recipient: 'bob@example.com', origTo: 'b@example.com', relay: 'mx.example.com[192.0.2.7]:25', delay: 1.5, delays: '0.1/0/0.4/1',
      dsn: '2.0.0', status: 'sent', reply: '250 2.0.0 Ok', span: { start: line.indexOf('status='), end: line.length },
    });
    const unclosed = eventOf(`${POSTFIX}to=<bob@example.com>, status=deferred (connect to x[192.0.2.9]:25: timed out`);
    assert.equal(unclosed.kind === 'attempt' && unclosed.reply, 'connect to x[192.0.2.9]:25: timed out');
    const bare = eventOf(`${POSTFIX}to=<bob@example.com>, delay=soon, status=sent`);
    assert.deepEqual(bare.kind === 'attempt' && [bare.reply, bare.delay], [undefined, undefined]);
  });

  it('reads Message-ID forms: in <>, unclosed, bare up to a blank or comma, resent-message-id', () => {
    const id = (value: string, name = 'message-id') => {
      const line = `${CLEANUP}${name}=${value}`;
      const event = eventOf(line);
      return event.kind === 'message-id' ? [event.messageId, spanned(line, event)] : event.kind;
    };
    assert.deepEqual(id('<a1@example.com>'), ['a1@example.com', '<a1@example.com>']);
    assert.deepEqual(id('<a1@example.com  '), ['a1@example.com', '<a1@example.com']);
    assert.deepEqual(id('a1@example.com, extra'), ['a1@example.com', 'a1@example.com, extra']);
    assert.deepEqual(id('<r1@example.com>', 'resent-message-id'), ['r1@example.com', '<r1@example.com>']);
  });

  it('reads the client up to a comma or blank, the pickup sender, the sender\'s size and count, expiry, removal and notifications', () => {
    assert.deepEqual(eventOf(`${POSTFIX}client=a.example.net[192.0.2.8], sasl_method=PLAIN`), { kind: 'client', client: 'a.example.net[192.0.2.8]' });
    assert.deepEqual(eventOf(`${POSTFIX}client=ä.example.net[192.0.2.8]\tx`), { kind: 'client', client: 'ä.example.net[192.0.2.8]' });
    assert.deepEqual(eventOf(`${POSTFIX}client=a.example.net[192.0.2.8]`), { kind: 'client', client: 'a.example.net[192.0.2.8]' });
    assert.deepEqual(eventOf(`${POSTFIX}uid=1000 from=<alice>`), { kind: 'pickup', sender: 'alice' });
    assert.deepEqual(eventOf(`${POSTFIX}from=<alice@example.net>, size=900, nrcpt=x (queue active)`),
      { kind: 'sender', sender: 'alice@example.net', size: 900, nrcpt: undefined });
    const expiredLine = `${POSTFIX}from=<alice@example.net>, status=expired, returned to sender`;
    const expired = eventOf(expiredLine);
    assert.deepEqual([expired.kind, spanned(expiredLine, expired)], ['expired-all', 'status=expired, returned to sender']);
    assert.deepEqual(eventOf(`${POSTFIX}removed`), { kind: 'closed' });
    assert.deepEqual(eventOf(`${POSTFIX}removed (queue file gone)`), { kind: 'closed' });
    assert.equal(eventOf(`${POSTFIX}removedx`).kind, 'other');
    const notice = `${POSTFIX}sender non-delivery notification: 9F8E7D6C5B`;
    const event = eventOf(notice);
    assert.deepEqual([event.kind, event.kind === 'notification' && event.notificationId, spanned(notice, event)], ['notification', '9F8E7D6C5B', '9F8E7D6C5B']);
    const postmaster = eventOf(`${POSTFIX}postmaster delay notification: 9F8E7D6C5B`);
    assert.equal(postmaster.kind, 'notification');
  });
});

describe('mail log events: Sendmail', () => {
  it('reads delays of [days+]hh:mm:ss in seconds, and Deferred or a 4.x.x DSN as deferred', () => {
    const attempt = (fields: string) => {
      const event = eventOf(`${SENDMAIL}to=<bob@example.com>, ${fields}`);
      return event.kind === 'attempt' ? [event.status, event.delay] : event.kind;
    };
    assert.deepEqual(attempt('delay=00:00:05, xdelay=00:00:05, mailer=esmtp, stat=Sent (ok)'), ['sent', 5]);
    assert.deepEqual(attempt('delay=2+01:02:03, mailer=esmtp, stat=Deferred: Connection timed out'), ['deferred', 2 * 86400 + 3600 + 2 * 60 + 3]);
    assert.deepEqual(attempt('delay=12:34:56, dsn=4.4.1, stat=Connection refused'), ['deferred', 12 * 3600 + 34 * 60 + 56]);
    assert.deepEqual(attempt('delay=1:02:03, dsn=5.1.1, stat=User unknown'), ['bounced', undefined]);
    assert.equal(attempt('mailer=esmtp'), 'other');
  });

  it('reads the sender line, notifications and done', () => {
    const line = `${SENDMAIL}from=<alice@example.net>, size=900, class=0, nrcpts=2, msgid=<m1@example.net>, `
      + 'relay=a.example.net [192.0.2.8]';
    const event = eventOf(line);
    assert.deepEqual([event.kind === 'sender' && [event.sender, event.size, event.nrcpt, event.messageId], spanned(line, event)],
      [['alice@example.net', 900, 2, 'm1@example.net'], '<m1@example.net>']);
    const dsnLine = `${SENDMAIL}2AN9E6xB003311: DSN: User unknown`;
    const dsn = eventOf(dsnLine);
    assert.deepEqual([dsn.kind, spanned(dsnLine, dsn)], ['notification', '2AN9E6xB003311']);
    assert.deepEqual(eventOf(`${SENDMAIL}done`), { kind: 'closed' });
  });
});

describe('mail log events: Exim', () => {
  it('reads an arrival: sender, size, Message-ID with its span, the bounce\'s reference, the host and the " for " recipients', () => {
    const line = `${EXIM}<= alice@example.net H=a.example.net [192.0.2.8] P=esmtp S=2048 id=m1@example.net for bob@example.com carol@example.com`;
    const event = eventOf(line);
    assert.ok(event.kind === 'arrival');
    assert.deepEqual([event.sender, event.size, event.messageId, spanned(line, event), event.client, event.recipients],
      ['alice@example.net', 2048, 'm1@example.net', 'm1@example.net', 'a.example.net', ['bob@example.com', 'carol@example.com']]);
    const bounceLine = `${EXIM}<= <> R=1jmFYi-00039V-AB U=exim P=local S=1500`;
    const bounce = eventOf(bounceLine);
    assert.ok(bounce.kind === 'arrival');
    const reference = bounce.reportsOnSpan && bounceLine.slice(bounce.reportsOnSpan.start, bounce.reportsOnSpan.end);
    assert.deepEqual([bounce.sender, bounce.reportsOn, reference, bounce.recipients],
      ['', '1jmFYi-00039V-AB', '1jmFYi-00039V-AB', []]);
    // " for " followed by fields is no recipient list.
    const notList = eventOf(`${EXIM}<= alice@example.net for x S=10`);
    assert.deepEqual(notList.kind === 'arrival' && notList.recipients, []);
  });

  it('reads deliveries with an original address, failures, deferrals and the confirmation', () => {
    const attempt = (rest: string) => eventOf(`${EXIM}${rest}`);
    const routed = attempt('=> bob <bob@example.com> R=dnslookup T=remote_smtp H=mx.example.com [192.0.2.7] C="250 OK id=1"');
    assert.deepEqual(routed.kind === 'attempt' && [routed.recipient, routed.origTo, routed.relay, routed.status, routed.reply],
      ['bob@example.com', undefined, 'mx.example.com', 'sent', '250 OK id=1']);
    const aliased = attempt('-> carol@example.com <list@example.com> R=aliases');
    assert.deepEqual(aliased.kind === 'attempt' && [aliased.recipient, aliased.origTo, aliased.status], ['carol@example.com', 'list@example.com', 'sent']);
    const failed = attempt('** dave@example.com: retry time not reached for any host after a long failure period');
    assert.deepEqual(failed.kind === 'attempt' && [failed.recipient, failed.status, failed.reply],
      ['dave@example.com', 'bounced', 'retry time not reached for any host after a long failure period']);
    const timedOut = attempt('** erin@example.com R=dnslookup T=remote_smtp: retry timeout exceeded');
    assert.deepEqual(timedOut.kind === 'attempt' && [timedOut.recipient, timedOut.status, timedOut.reply], ['erin@example.com', 'expired', 'retry timeout exceeded']);
    const deferred = attempt('== frank@example.com R=dnslookup T=remote_smtp defer (-44)');
    assert.deepEqual(deferred.kind === 'attempt' && [deferred.status, deferred.reply], ['deferred', undefined]);
    assert.deepEqual(attempt('Completed QT=1s'), { kind: 'closed' });
  });
});

describe('mail log events: connections', () => {
  it('reads a Postfix reject\'s reply, client, sender, recipient and block list, and its span', () => {
    const line = 'Nov 23 09:14:06 mx postfix/smtpd[2212]: NOQUEUE: reject: RCPT from unknown[192.0.2.66]: 554 5.7.1 Service unavailable; '
      + 'Client host [192.0.2.66] blocked using zen.spamhaus.org; from=<x@example.org> to=<bob@example.com> proto=ESMTP helo=<x>';
    const event = eventOf(line);
    assert.ok(event.kind === 'reject');
    assert.deepEqual([event.reply, event.client, event.sender, event.recipient, event.blocklist, spanned(line, event)], [
      '554 5.7.1 Service unavailable; Client host [192.0.2.66] blocked using zen.spamhaus.org', 'unknown[192.0.2.66]', 'x@example.org', 'bob@example.com',
      'zen.spamhaus.org', '554 5.7.1 Service unavailable; Client host [192.0.2.66] blocked using zen.spamhaus.org',
    ]);
    const milter = eventOf('Nov 23 09:14:06 mx postfix/cleanup[2210]: 8D4B32A1C3: milter-reject: END-OF-MESSAGE from a[192.0.2.1]: 5.7.1 Spam; from=<x@example.org> to=<b@example.com>');
    assert.deepEqual(milter.kind === 'reject' && [milter.reply, milter.client, milter.recipient], ['5.7.1 Spam', 'a[192.0.2.1]', 'b@example.com']);
  });

  it('reads lost connections, block-list ranks and each warning level', () => {
    const lost = eventOf('Nov 23 09:14:06 mx postfix/smtpd[2212]: lost connection after DATA (0 bytes) from unknown[192.0.2.66]');
    assert.deepEqual(lost.kind === 'lost-connection' && [lost.after, lost.client], ['DATA (0 bytes)', 'unknown[192.0.2.66]']);
    const rank = eventOf('Nov 23 09:14:06 mx postfix/dnsblog[2213]: DNSBL rank 3 for [192.0.2.66]:51234');
    assert.deepEqual(rank.kind === 'blocklist' && rank.client, '[192.0.2.66]:51234');
    for (const level of ['warning', 'error', 'fatal', 'panic']) {
      const event = eventOf(`Nov 23 09:14:06 mx postfix/master[1]: ${level}: something happened`);
      assert.deepEqual(event.kind === 'warning' && event.level, level);
    }
    assert.equal(eventOf('Nov 23 09:14:06 mx postfix/master[1]: warnings: none').kind, 'other');
  });
});

// Issue #13: Postfix, Exim and Sendmail log lines recognised (time stamps, programs, ids) and read
// into message trails. Expected values come from the logs' own text (counted or quoted here), or
// from the corpus README's counts; synthetic lines are labelled.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { readMailLogTrails, MailLogReader } from '../../server/src/analysis/mailLog/mailLogTrails';
import { type MessageTrail, outcomeCounts } from '../../server/src/analysis/mailLog/messageTrail';
import { type LineHead, LineHeadReader } from '../../server/src/formats/mailLog/lineHead';
import { readEvent } from '../../server/src/formats/mailLog/lineEvents';
import { readShared, sharedPath } from '../support/shared';

const CORPUS = 'corpus/unix-mail-logs';
const corpus = (file: string): string => (file.endsWith('.gz') ? gunzipSync(readFileSync(sharedPath(`${CORPUS}/${file}`))).toString('utf8') : readShared(`${CORPUS}/${file}`));
const linesOf = (text: string): string[] => text.split(/\r?\n/);
/** The first line of a corpus file holding `needle`. */
const lineWith = (file: string, needle: string): string => {
  const line = linesOf(corpus(file)).find((l) => l.includes(needle));
  assert.ok(line, `${file} has a line with ${needle}`);
  return line;
};
const head = (line: string, year = 2020): LineHead => {
  const read = new LineHeadReader(year).read(line, 0, line.length);
  assert.ok(read, `recognised: ${line.slice(0, 120)}`);
  return read;
};
const idOf = (line: string, h: LineHead): string => line.slice(h.idStart, h.idEnd);
const byId = (trails: readonly MessageTrail[], id: string): MessageTrail[] => trails.filter((t) => t.id === id);

describe('mail log lines: time stamps', () => {
  it('classic syslog has no year: it is inferred from the reference year and said so', () => {
    const line = lineWith('lightmeter/individual_files/18_expired.log', 'client=');
    const h = head(line, 2020);
    assert.equal(h.time.yearInferred, true);
    assert.equal(h.time.zoned, false);
    assert.equal(h.time.epochMs, Date.UTC(2020, 8, 25, 18, 26, 34)); // "Sep 25 18:26:34"
  });

  it('a day not padded to two places ("Mar 7 02:09:33", as some syslog daemons write it)', () => {
    const line = lineWith('fail2ban/postfix', 'Mar 7 02:09:33 ');
    const h = head(line, 2020);
    assert.equal(h.time.epochMs, Date.UTC(2020, 2, 7, 2, 9, 33));
    assert.equal(h.system, 'postfix');
    assert.equal(idOf(line, h), '1D8CC1CA0A7F');
  });

  it('a log crossing New Year moves to the next year (synthetic lines)', () => {
    const reader = new LineHeadReader(2025);
    const december = 'Dec 31 23:59:59 mx postfix/qmgr[1]: 4F1A2B3C4D: removed';
    const january = 'Jan  1 00:00:01 mx postfix/qmgr[1]: 4F1A2B3C4E: removed';
    assert.equal(reader.read(december, 0, december.length)!.time.epochMs, Date.UTC(2025, 11, 31, 23, 59, 59));
    assert.equal(reader.read(january, 0, january.length)!.time.epochMs, Date.UTC(2026, 0, 1, 0, 0, 1));
  });

  it('RFC 3339 with fractions and an offset is read in UTC', () => {
    const line = lineWith('crowdsec-hub/postfix-logs.log', '2024-08-26T01:33:38.572449+00:00');
    const h = head(line);
    assert.equal(h.time.epochMs, Date.parse('2024-08-26T01:33:38.572Z'));
    assert.equal(h.time.zoned, true);
    assert.equal(h.time.yearInferred, false);
    assert.equal(h.idKind, 'noqueue');
  });

  it('the year-first variant with milliseconds ("2013 Jun 16 16:05:06.123")', () => {
    const line = lineWith('postfix-deliverability-analytics/backup-single-client.log.1', '2013 Jun 16 16:05:06.123');
    const h = head(line);
    assert.equal(h.time.epochMs, Date.UTC(2013, 5, 16, 16, 5, 6, 123));
    assert.equal(h.time.yearInferred, false);
  });

  it('Exim: plain, with [pid], with a zone, with milliseconds', () => {
    const plain = head(lineWith('exim_exporter/mainlog', '2020-06-19 04:54:02 1jmFYj-00039V-QX =='));
    assert.equal(plain.time.epochMs, Date.UTC(2020, 5, 19, 4, 54, 2));
    const pid = lineWith('exim_exporter/mainlog', '2020-06-19 04:51:49 [123] 1jmFYj-00039V-QX');
    assert.equal(idOf(pid, head(pid)), '1jmFYj-00039V-QX');
    const zoned = lineWith('exim_exporter/mainlog', '2020-06-20 01:32:57 +0200 [789]');
    const z = head(zoned);
    assert.equal(z.time.epochMs, Date.UTC(2020, 5, 19, 23, 32, 57));
    assert.equal(z.time.zoned, true);
    assert.equal(idOf(zoned, z), '1jmKso-0009d4-Uf');
    const millis = head(lineWith('exim-testsuite/new-id-format/0608', '2017-07-30 18:51:05.712'));
    assert.equal(millis.time.epochMs, Date.UTC(2017, 6, 30, 18, 51, 5, 712));
  });
});

describe('mail log lines: programs and ids', () => {
  it('every Postfix daemon in the corpus is recognised, with its queue id', () => {
    const files: Record<string, string> = {
      smtpd: 'lightmeter/individual_files/18_expired.log', postscreen: 'lightmeter/individual_files/22_virtual_delivery.log',
      cleanup: 'parse-syslog-mail/cpan-rt-28807.log', qmgr: 'parse-syslog-mail/postfix-plain.log', smtp: 'parse-syslog-mail/cpan-rt-28807.log',
      lmtp: 'lightmeter/individual_files/8_weird_log_file.log', local: 'parse-syslog-mail/postfix-plain.log',
      virtual: 'lightmeter/individual_files/22_virtual_delivery.log', pipe: 'lightmeter/individual_files/16_corrupted_messageid.log',
      bounce: 'lightmeter/individual_files/2_multiple_recipients_some_bounces_no_last_remove.log', pickup: 'parse-syslog-mail/postfix-plain.log',
    };
    for (const [daemon, file] of Object.entries(files)) {
      const line = linesOf(corpus(file)).find((l) => new RegExp(`postfix[^ ]*/${daemon}\\[`).test(l))!;
      const h = head(line);
      assert.equal(h.system, 'postfix', daemon);
      assert.equal(h.daemon, daemon, line);
    }
  });

  it('the error and discard delivery agents (synthetic lines: not in the corpus)', () => {
    for (const daemon of ['error', 'discard']) {
      const line = `Nov 23 09:14:02 mx postfix/${daemon}[2211]: 7C3A21F0B2: to=<bob@example.com>, relay=none, delay=0.1, delays=0.1/0/0/0, dsn=5.0.0, status=bounced (synthetic)`;
      const h = head(line);
      assert.equal(h.daemon, daemon);
      const event = readEvent(line, h, line.length);
      assert.equal(event.kind, 'attempt');
      assert.equal(event.kind === 'attempt' && event.status, 'bounced');
    }
  });

  it('multi-instance names: postfix-<ip>/smtpd and postfix/submission/smtpd', () => {
    const instance = head(lineWith('lightmeter/individual_files/18_expired.log', 'postfix-239.58.50.50/smtpd'));
    assert.equal(instance.daemon, 'smtpd');
    const service = head(lineWith('lightmeter/individual_files/4_lost_queue.log', 'postfix/submission/smtpd'));
    assert.equal(service.daemon, 'smtpd');
  });

  it('short and long Postfix queue ids, NOQUEUE', () => {
    const short = lineWith('lightmeter/individual_files/18_expired.log', '23EBE3D5C0: client=');
    assert.equal(idOf(short, head(short)), '23EBE3D5C0');
    const long = lineWith('log-ship-elastic-postfix/mail.log', '3mPVKl0Mhjz7sXv: message-id=');
    assert.equal(idOf(long, head(long)), '3mPVKl0Mhjz7sXv');
    const noqueue = head(lineWith('fail2ban/postfix', 'NOQUEUE: reject'));
    assert.equal(noqueue.idKind, 'noqueue');
  });

  it('a short id of 21 hex digits: 5 for the microseconds and 16 for a 64-bit inode number', () => {
    const line = lineWith('postfix-grok-patterns/postfix-message-lines.tsv', 'ED06590130AA1C9D6D862: skipped');
    const body = line.slice(line.indexOf('ED06590130AA1C9D6D862'));
    const prefixed = `Nov 23 09:14:02 mx postfix/qmgr[1]: ${body}`; // the grok sample is the message part only
    assert.equal(idOf(prefixed, head(prefixed)), 'ED06590130AA1C9D6D862');
  });

  it('"warning:" and "statistics:" are not queue ids', () => {
    const warning = head(lineWith('crowdsec-hub/postfix-logs.log', 'warning: unknown'));
    assert.equal(warning.idStart, -1);
    const stats = lineWith('postfix-grok-patterns/postfix-message-lines.tsv', 'statistics: max cache size');
    assert.equal(stats.includes('statistics'), true);
  });

  it('Exim ids in the old 6-6-2 and the 4.97+ 6-11-4 shapes', () => {
    const old = lineWith('exim-testsuite/old-id-format/0217', ' <= ');
    assert.match(idOf(old, head(old)), /^[0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}$/);
    const current = lineWith('exim-testsuite/new-id-format/0608', '10HmbC-000000005vi-0000 <=');
    assert.equal(idOf(current, head(current)), '10HmbC-000000005vi-0000');
  });

  it('Exim inside a syslog line keeps its own id', () => {
    const line = corpus('alaveteli/exim-mainlog-2016-04-28').split('\n')[0]!;
    const h = head(line);
    assert.equal(h.system, 'exim');
    assert.equal(idOf(line, h), '1avnJx-00039F-Hs');
  });

  it('Sendmail and sm-mta queue ids', () => {
    const sendmail = lineWith('parse-syslog-mail/sendmail-plain.log', 'stat=Sent');
    const h = head(sendmail);
    assert.equal(h.system, 'sendmail');
    assert.equal(h.idKind, 'sendmail');
    const smMta = lineWith('parse-syslog-mail/sendmail-done.log', 'sm-mta[13165]: j78ASk4e013165');
    assert.equal(idOf(smMta, head(smMta)), 'j78ASk4e013165');
  });

  it('Sendmail under its process title ("sm-acceptingconnections")', () => {
    const line = lineWith('fail2ban/sendmail-auth', 'sm-acceptingconnections[32053]: ');
    const h = head(line);
    assert.equal(h.system, 'sendmail');
    assert.equal(idOf(line, h), 's1OHA28u032053');
  });

  it('Exim through a syslog that writes only the host: Exim\'s own time stamp after the source is the time', () => {
    const line = lineWith('fail2ban/exim', 'mail.example.com exim[3751842]: ');
    assert.ok(line.startsWith('mail.example.com exim['), 'the corpus line has no syslog time stamp');
    const h = head(line);
    assert.equal(h.system, 'exim');
    assert.equal(h.time.epochMs, Date.UTC(2021, 6, 17, 23, 20, 49));
    assert.equal(line.slice(h.time.start, h.time.end), '2021-07-17 23:20:49');
    assert.equal(h.time.yearInferred, false);
    assert.equal(line.slice(h.body).startsWith('plain_server authenticator failed'), true);
    // Synthetic: the same shape with a message id after Exim's pid.
    const withId = 'mx exim[12105]: 2016-04-28 15:53:37 [12105] 1avn3J-0003Dd-Pm <= a@example.org H=x [192.0.2.1] P=esmtp S=1 id=m@x';
    assert.equal(idOf(withId, head(withId)), '1avn3J-0003Dd-Pm');
    // Another program in that shape, or no Exim time stamp after it, is no mail log line.
    assert.equal(new LineHeadReader().read('mx sshd[1]: 2016-04-28 15:53:37 Accepted key', 0, 43), undefined);
    assert.equal(new LineHeadReader().read('mx exim[1]: no time here', 0, 24), undefined);
  });

  it('a Postfix warning about one message names its queue id after the level and still reads as a warning', () => {
    // postfix-grok-patterns' cleanup sample (the message part), behind a synthetic syslog prefix.
    const data = lineWith('postfix-grok-patterns/test/cleanup_0012.yaml', 'data: ').slice('data: '.length).replace(/^"|"$/g, '');
    const line = `Oct 26 18:13:50 mx postfix/cleanup[4242]: ${data}`;
    const h = head(line);
    assert.equal(idOf(line, h), '9BECF3F19D');
    assert.equal(h.idKind, 'postfix');
    const event = readEvent(line, h, line.length);
    assert.equal(event.kind, 'warning');
    assert.equal(event.kind === 'warning' && event.level, 'warning');
    // A warning without a queue id keeps none; NOQUEUE after a level is no message.
    const plain = 'Oct 26 18:13:50 mx postfix/smtpd[1]: warning: hostname 192.0.2.1 does not resolve';
    assert.equal(head(plain).idStart, -1);
    assert.equal(head('Oct 26 18:13:50 mx postfix/smtpd[1]: warning: NOQUEUE: x').idStart, -1);
  });

  it('lines of other programs are not mail log lines', () => {
    assert.equal(new LineHeadReader().read('Jul  5 06:52:01 prd-mx1 spamd[11526]: spamd: identified spam', 0, 60), undefined);
    assert.equal(new LineHeadReader().read('plain text, no time stamp', 0, 25), undefined);
  });
});

describe('mail log lines: events', () => {
  const eventOf = (line: string) => readEvent(line, head(line), line.length);

  it('a Postfix attempt: to, orig_to, relay, delay, delays, dsn, status and the reply', () => {
    const line = lineWith('lightmeter/individual_files/18_expired.log', 'status=deferred');
    const event = eventOf(line);
    assert.equal(event.kind, 'attempt');
    if (event.kind !== 'attempt') return;
    assert.equal(event.recipient, 'h-664d01@h-695da2287.com');
    assert.equal(event.status, 'deferred');
    assert.equal(event.dsn, /dsn=([\d.]+)/.exec(line)![1]);
    assert.equal(event.delays, /delays=([\d./]+)/.exec(line)![1]);
    assert.ok(event.reply?.includes('452 4.1.1'));
    assert.equal(line.slice(event.span.start, event.span.start + 15), 'status=deferred');
    const orig = lineWith('lightmeter/individual_files/21_deliveries_with_local_daemon.log', 'orig_to=');
    const withOrig = eventOf(orig);
    assert.equal(withOrig.kind === 'attempt' && withOrig.origTo, /orig_to=<([^>]*)>/.exec(orig)![1]);
  });

  it('reject lines: Postfix NOQUEUE, Exim rejected RCPT, Sendmail ruleset', () => {
    const postfix = eventOf(lineWith('crowdsec-hub/postfix-logs.log', 'Relay access denied'));
    assert.equal(postfix.kind, 'reject');
    assert.ok(postfix.kind === 'reject' && postfix.reply.startsWith('454 4.7.1'));
    assert.equal(postfix.kind === 'reject' && postfix.sender, 'spammer@domain.tld');
    const exim = eventOf(lineWith('crowdsec-hub/exim-syslog-logs.log', 'No Such User Here'));
    assert.equal(exim.kind === 'reject' && exim.recipient, 'sales@toto.com.au');
    const sendmail = eventOf(lineWith('parse-syslog-mail/sendmail-ruleset.log', 'reject=553'));
    assert.equal(sendmail.kind, 'reject');
  });

  it('a refused VRFY has no from=<>: its recipient is read from to=<> and the reply ends before the fields', () => {
    // postfix-grok-patterns' smtpd VRFY sample (the message part), behind a synthetic syslog prefix.
    const data = lineWith('postfix-grok-patterns/test/smtpd_0018.yaml', 'data: ').slice('data: '.length).replace(/^"|"$/g, '');
    const vrfy = eventOf(`Oct 26 18:13:50 mx postfix/smtpd[4242]: ${data}`);
    assert.equal(vrfy.kind, 'reject');
    assert.equal(vrfy.kind === 'reject' && vrfy.recipient, 'does-not-exist@example.com');
    assert.equal(vrfy.kind === 'reject' && vrfy.sender, undefined);
    assert.equal(vrfy.kind === 'reject' && vrfy.reply, '550 5.1.1 <does-not-exist@example.com>: Recipient address rejected: User unknown in virtual mailbox table');
    // Synthetic: refused before any address, smtpd writes only proto= and helo=.
    const early = eventOf('Oct 26 18:13:50 mx postfix/smtpd[1]: NOQUEUE: reject: CONNECT from x[192.0.2.1]: 554 5.7.1 Service unavailable; proto=SMTP helo=<x>');
    assert.equal(early.kind === 'reject' && early.reply, '554 5.7.1 Service unavailable');
  });

  it('block lists, SASL and authenticator failures, lost connections, warnings', () => {
    const rbl = eventOf(lineWith('fail2ban/postfix-rbl', 'blocked using'));
    assert.equal(rbl.kind === 'reject' && typeof rbl.blocklist, 'string');
    assert.equal(eventOf(lineWith('crowdsec-hub/postfix-logs.log', 'SASL LOGIN authentication failed')).kind, 'auth-failure');
    assert.equal(eventOf(lineWith('crowdsec-hub/exim-syslog-logs.log', 'authenticator failed')).kind, 'auth-failure');
    const lost = eventOf(lineWith('fail2ban/postfix', 'lost connection after'));
    assert.equal(lost.kind, 'lost-connection');
    const warning = eventOf(lineWith('lightmeter/individual_files/16_corrupted_messageid.log', 'warning:'));
    assert.ok(warning.kind === 'warning' || warning.kind === 'auth-failure');
  });

  it('Exim flags: arrival with R= on a bounce, =>, **, ==, Completed', () => {
    const arrival = eventOf(lineWith('exim_exporter/mainlog', '<= <> R=1jmFYj-00039V-QX'));
    assert.equal(arrival.kind === 'arrival' && arrival.reportsOn, '1jmFYj-00039V-QX');
    assert.equal(eventOf(lineWith('exim_exporter/mainlog', ' => ')).kind, 'attempt');
    const failed = eventOf(lineWith('exim_exporter/mainlog', '** molly@zee.corp'));
    assert.equal(failed.kind === 'attempt' && failed.status, 'bounced');
    assert.ok(failed.kind === 'attempt' && failed.reply?.includes('554 5.2.0'));
    const deferred = eventOf(lineWith('exim_exporter/mainlog', '== bob@null.corp'));
    assert.equal(deferred.kind === 'attempt' && deferred.status, 'deferred');
    const timeout = eventOf(lineWith('exim_exporter/mainlog', 'retry timeout exceeded'));
    assert.equal(timeout.kind === 'attempt' && timeout.status, 'expired');
    assert.equal(eventOf(lineWith('exim-testsuite/new-id-format/0608', 'Completed')).kind, 'closed');
  });
});

describe('message trails', () => {
  it('the production log: one outcome per status line (README counts: 7,841 sent, 1,225 bounced, 11 expired)', () => {
    const trails = readMailLogTrails(corpus('postfix-deliverability-analytics/real-mail.log.2.gz'), { referenceYear: 2013 });
    const total = { delivered: 0, bounced: 0, expired: 0, deferred: 0, unknown: 0 };
    for (const trail of trails) for (const [kind, n] of Object.entries(outcomeCounts(trail))) total[kind as keyof typeof total] += n;
    assert.equal(total.delivered, 7841);
    assert.equal(total.bounced, 1225);
    assert.equal(total.expired, 11);
  });

  it('a deferred message that expires: its deferrals, the expiry and the notification linked both ways', () => {
    const text = corpus('lightmeter/individual_files/18_expired.log');
    const trails = readMailLogTrails(text, { keepLines: true });
    const [original] = byId(trails, '23EBE3D5C0');
    assert.ok(original);
    const deferrals = linesOf(text).filter((l) => l.includes('23EBE3D5C0: to=') && l.includes('status=deferred')).length;
    assert.equal(original.recipients.length, 1);
    const recipient = original.recipients[0]!;
    assert.equal(recipient.outcome, 'expired');
    assert.equal(recipient.deferrals, deferrals);
    assert.equal(recipient.decisiveLine, linesOf(text).findIndex((l) => l.includes('23EBE3D5C0: from=') && l.includes('status=expired')));
    assert.deepEqual(original.notifications.map((n) => n.id), ['A7E673C067']);
    assert.equal(byId(trails, 'A7E673C067')[0]!.reportsOn, '23EBE3D5C0');
    assert.equal(original.lines!.length, linesOf(text).filter((l) => l.includes(' 23EBE3D5C0: ')).length);
    assert.equal(original.end, 'removed');
  });

  it('interleaved messages of one smtpd session stay apart', () => {
    const text = corpus('lightmeter/individual_files/12_two_independent_deliveries_in_the_same_smtpd_process_mixed.log');
    const trails = readMailLogTrails(text, { keepLines: true });
    const ids = [...new Set(linesOf(text).map((l) => /\]: ([0-9A-F]{10,12}): /.exec(l)?.[1]).filter(Boolean))];
    assert.equal(trails.length, ids.length);
    for (const trail of trails) assert.equal(trail.lines!.length, linesOf(text).filter((l) => l.includes(`]: ${trail.id}: `)).length, trail.id);
  });

  it('a reused queue id gives two trails, each with its own lines', () => {
    const text = corpus('lightmeter/individual_files/14_reuse_of_queueid.log');
    const reused = byId(readMailLogTrails(text, { keepLines: true }), 'BABABABABA');
    assert.equal(reused.length, 2);
    assert.ok(reused[0]!.lastLine < reused[1]!.firstLine);
    assert.equal(reused[0]!.lines!.length + reused[1]!.lines!.length, linesOf(text).filter((l) => l.includes(']: BABABABABA: ')).length);
  });

  it('some recipients bounce, the others are delivered (README: 8 sent + 3 bounced)', () => {
    for (const file of ['2_multiple_recipients_some_bounces.log', '2_multiple_recipients_some_bounces_no_last_remove.log']) {
      const trails = readMailLogTrails(corpus(`lightmeter/individual_files/${file}`));
      const counts = trails.map(outcomeCounts).reduce((a, b) => ({ ...a, delivered: a.delivered + b.delivered, bounced: a.bounced + b.bounced }));
      assert.equal(counts.delivered, 8, file);
      assert.equal(counts.bounced, 3, file);
    }
  });

  it('a log that starts mid-trail says so, and one that ends mid-trail leaves the message open (synthetic lines)', () => {
    const text = [
      'Nov 23 09:14:02 mx postfix/smtp[2211]: 7C3A21F0B2: to=<bob@example.com>, relay=mx.example.com[192.0.2.7]:25, delay=1, delays=0/0/0.5/0.5, dsn=2.0.0, status=sent (250 ok)',
      'Nov 23 09:14:05 mx postfix/smtpd[2212]: 8D4B32A1C3: client=a.example.net[192.0.2.8]',
      'Nov 23 09:14:05 mx postfix/qmgr[2213]: 8D4B32A1C3: from=<alice@example.net>, size=900, nrcpt=2 (queue active)',
      'Nov 23 09:14:06 mx postfix/smtp[2211]: 8D4B32A1C3: to=<carol@example.org>, relay=none, delay=1, delays=1/0/0/0, dsn=4.4.1, status=deferred (connect to example.org[192.0.2.9]:25: Connection timed out)',
    ].join('\n');
    const trails = readMailLogTrails(text);
    const [late] = byId(trails, '7C3A21F0B2');
    assert.equal(late!.startSeen, false);
    assert.equal(late!.recipients[0]!.outcome, 'delivered');
    const [open] = byId(trails, '8D4B32A1C3');
    assert.equal(open!.startSeen, true);
    assert.equal(open!.end, 'log-end');
    assert.equal(open!.recipients[0]!.outcome, 'deferred');
    assert.equal(open!.nrcpt, 2);
  });

  it('a deferral then a delivery is delivered, with its deferral counted', () => {
    const text = corpus('lightmeter/individual_files/6_deferred_message_retry.log');
    const trails = readMailLogTrails(text);
    const deferredIds = new Set(linesOf(text).filter((l) => l.includes('status=deferred')).map((l) => /\]: ([0-9A-F]+): /.exec(l)![1]));
    const retried = trails.filter((t) => deferredIds.has(t.id));
    assert.ok(retried.length > 0);
    for (const trail of retried) {for (const r of trail.recipients) {
      assert.equal(r.outcome, 'delivered');
      assert.ok(r.deferrals > 0);
    }}
  });

  it('Exim: bounce linked both ways, and failures, deferrals and deliveries per recipient', () => {
    const trails = readMailLogTrails(corpus('exim_exporter/mainlog'));
    const [original] = byId(trails, '1jmFYj-00039V-QX');
    assert.equal(original!.recipients[0]!.outcome, 'expired'); // "** bob@null.corp: retry timeout exceeded"
    assert.deepEqual(original!.notifications.map((n) => n.id), ['1jmFas-0004f6-EB']);
    assert.equal(byId(trails, '1jmFas-0004f6-EB')[0]!.reportsOn, '1jmFYj-00039V-QX');
    assert.equal(original!.end, 'completed');
    const text = corpus('exim-testsuite/new-id-format/0217');
    const all = readMailLogTrails(text).flatMap((t) => t.recipients);
    assert.equal(all.filter((r) => r.outcome === 'bounced').length, linesOf(text).filter((l) => / \*\* /.test(l)).length);
  });

  it('Sendmail: from= and to= lines joined by queue id, stat=Sent delivered (README: 116)', () => {
    const trails = readMailLogTrails(corpus('parse-syslog-mail/sendmail-plain.log'));
    assert.equal(trails.reduce((n, t) => n + outcomeCounts(t).delivered, 0), 116);
  });

  it('CRLF and LF read alike; invalid UTF-8 is read without a crash', () => {
    const crlf = corpus('parse-syslog-mail/sendmail-custom-dsn.log');
    assert.ok(crlf.includes('\r\n'));
    const outcomes = (text: string) => readMailLogTrails(text).map((t) => [t.id, t.recipients.map((r) => [r.address, r.outcome, r.reply])]);
    assert.deepEqual(outcomes(crlf), outcomes(crlf.replaceAll('\r\n', '\n')));
    const bad = readFileSync(sharedPath(`${CORPUS}/alaveteli/exim-bad-utf8-exim-log`)).toString('utf8');
    assert.ok(bad.includes('\uFFFD'));
    assert.doesNotThrow(() => readMailLogTrails(bad));
  });

  it('a rotated pair read in order joins messages that cross the rotation (lightmeter set: mail.log.1 then mail.log)', () => {
    const text = corpus('lightmeter/individual_files/2_multiple_recipients_some_bounces_no_last_remove.log');
    const lines = linesOf(text);
    const cut = Math.floor(lines.length / 2);
    const whole = readMailLogTrails(text);
    const rotated = readMailLogTrails(`${lines.slice(0, cut).join('\n')}\n${lines.slice(cut).join('\n')}`);
    assert.deepEqual(rotated.map(outcomeCounts), whole.map(outcomeCounts));
  });

  it('streams line by line with nothing kept but open trails', () => {
    const text = corpus('lightmeter/individual_files/9_mixed_messages.log');
    const streamed: MessageTrail[] = [];
    const reader = new MailLogReader({ onTrail: (t) => streamed.push(t) });
    for (const line of linesOf(text)) reader.readLine(line);
    reader.finish();
    assert.deepEqual(streamed.map(outcomeCounts), readMailLogTrails(text).map(outcomeCounts));
    assert.equal(streamed.every((t) => t.lines === undefined), true);
  });
});

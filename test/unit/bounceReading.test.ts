// Facts a bounce's text states in passing (analysis/bounce/mtaFacts.ts), each rule checked on the
// line as a mail system prints it: lines quoted from the sisimai bounce corpus (set-of-emails,
// ../shared/corpus/bounces) where it has one, otherwise a synthetic line in the documented format
// of the mail system that prints it (Postfix "(in reply to X command)", Exim "SMTP error from
// remote mail server after X", qmail "... does not like recipient.").
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bareHostLine, remoteHostIn, reportingHostIn, stageFromTranscript } from '../../server/src/analysis/bounce/mtaFacts';
import { readWording } from '../../server/src/analysis/bounce/wording';

describe('the SMTP command a report says was refused', () => {
  const cases: readonly (readonly [string, string])[] = [
    // RCPT TO
    ['<bob@example.jp>: 550 user unknown (in reply to RCPT TO command)', 'rcpt'],
    ['SMTP error from remote mail server after RCPT TO:<kijitora@example.jp>:', 'rcpt'],
    ['Sorry, no SMTP connection got far enough; most progress was RCPT TO response; remote host 192.0.2.32 said: 550 Unknown user', 'rcpt'],
    ['mail-inbound.libsisimai.net [192.0.2.25] did not like our RCPT TO:', 'rcpt'],
    ['192.0.2.153 does not like recipient.', 'rcpt'],
    ['Remote host said: 550 5.1.1 <kijitora@example.org>... User Unknown [RCPT_TO]', 'rcpt'],
    ['SMTP Server <smtpd.libsisimai.org> rejected recipient <kijitora@libsisimai.org> (Error following RCPT command).', 'rcpt'],
    ['SMTP:RCPT host 192.0.2.8: 553 5.3.0 <kijitora@example.com>... No such user here', 'rcpt'],
    ['Remote server replied to the RCPT TO command: 550 No such user', 'rcpt'],
    ['Failed to deliver: RCPT TO:<bob@example.com> 550 no mailbox', 'rcpt'],
    // MAIL FROM
    ['452 4.3.2 Connection rate limit exceeded. (in reply to MAIL FROM command)', 'mail'],
    ['SMTP error from remote mail server after MAIL FROM:<shironeko@example.jp> SIZE=1543:', 'mail'],
    ['Connected to 192.0.2.225 but sender was rejected.', 'mail'],
    ['Remote host said: 501 5.1.8 Sender address rejected  [MAIL_FROM]', 'mail'],
    ['mx.example.net [192.0.2.25] did not like our MAIL FROM:', 'mail'],
    ['The server refused the MAIL FROM command: 553 sender rejected', 'mail'],
    // DATA
    ['550 Unknown user kijitora@example.net (in reply to end of DATA command)', 'data'],
    ['SMTP error from remote mail server after end of data:', 'data'],
    ['554 5.7.1 policy violation (in reply to DATA command)', 'data'],
    ['SMTP error from remote mail server after DATA:', 'data'],
    ['gmail-smtp-in.l.google.com [74.125.203.27] did not like our final DATA:', 'data'],
    ['74.125.204.27 failed after I sent the message.', 'data'],
    ['mx.example.net [192.0.2.1] did not like our DATA:', 'data'],
    ['The server answered the end of DATA command with 554 rejected', 'data'],
    ['The server answered the DATA command with 554 rejected', 'data'],
    // HELO / EHLO
    ['554 5.7.1 access denied (in reply to HELO command)', 'helo'],
    ['554 5.7.1 access denied (in reply to EHLO command)', 'helo'],
    ['SMTP error from remote mail server after HELO neko.example.com:', 'helo'],
    ['SMTP error from remote mail server after EHLO neko.example.com:', 'helo'],
    ['Connected to 192.0.2.112 but my name was rejected.', 'helo'],
    ['mx.example.net [192.0.2.1] did not like our HELO:', 'helo'],
    ['mx.example.net [192.0.2.1] did not like our EHLO:', 'helo'],
    // before the first command
    ['SMTP error from remote mail server after initial connection:', 'connect'],
    ['<kijitora@example.org>: host r2.example.org[198.51.100.18] refused to talk to me:', 'connect'],
    ['554 no SMTP service here (after connect)', 'connect'],
    ['421 smtp.example.org (smtp)... Deferred: Connection reset by peer during greeting wait with smtp.example.org', 'connect'],
    ['mx.example.net [192.0.2.1] did not like our greeting:', 'connect'],
    ['connect to mx.example.net[192.0.2.1]:25: Connection refused', 'connect'],
  ];
  for (const [line, stage] of cases) {
    it(`${stage}: ${line}`, () => assert.equal(readWording(line).stage, stage));
  }

  it('names no command when no phrase does', () => {
    assert.equal(readWording('550 5.1.1 The email account that you tried to reach does not exist.').stage, undefined);
  });

  it('the phrase that starts first decides', () => {
    assert.equal(readWording('SMTP error from remote mail server after RCPT TO:<bob@example.jp>: 550 see the end of DATA command').stage, 'rcpt');
    assert.equal(readWording('SMTP error from remote mail server after end of data: 550 RCPT TO:<bob@example.jp> refused').stage, 'data');
  });
});

describe('the command of a session transcript', () => {
  it('is that of the last ">>> " line', () => {
    assert.equal(stageFromTranscript('>>> MAIL FROM:<ann@example.org>\n<<< 250 OK\n>>> RCPT TO:<bob@example.net>\n<<< 550 5.1.1 unknown'), 'rcpt');
    assert.equal(stageFromTranscript('>>> MAIL FROM:<ann@example.org>\n<<< 553 sender rejected'), 'mail');
    assert.equal(stageFromTranscript('>>> DATA\n<<< 554 no valid recipients'), 'data');
    assert.equal(stageFromTranscript('>>> .\n<<< 554 5.7.1 message refused'), 'data');
    assert.equal(stageFromTranscript('>>> EHLO out.example.org\n<<< 554 go away'), 'helo');
    assert.equal(stageFromTranscript('>>> HELO out.example.org\n<<< 554 go away'), 'helo');
  });

  it('is none for a command that is no stage, or without a transcript', () => {
    assert.equal(stageFromTranscript('>>> QUIT\n<<< 221 bye'), undefined);
    assert.equal(stageFromTranscript('550 5.1.1 unknown (in reply to RCPT TO command)'), undefined);
    assert.equal(stageFromTranscript('>> RCPT TO:<bob@example.net>'), undefined);
  });
});

describe('the remote server a line names', () => {
  it('a host name followed by its address in brackets (Postfix, Exim)', () => {
    const line = '<bob@example.jp>: host mx.example.jp[192.0.2.1] said: 550 user unknown';
    assert.deepEqual(remoteHostIn(line), { host: 'mx.example.jp', start: line.indexOf('mx.example.jp') });
    assert.equal(remoteHostIn('mail-inbound.libsisimai.net [192.0.2.25] did not like our RCPT TO:')?.host, 'mail-inbound.libsisimai.net');
    assert.equal(remoteHostIn('host mx.example.jp [2001:db8::25] said: 550 no')?.host, 'mx.example.jp');
  });

  it('not a file name in brackets', () => {
    assert.equal(remoteHostIn('see picture.png [image]'), undefined);
    assert.equal(remoteHostIn('see index.html [link]'), undefined);
  });

  it('qmail and Gmail phrases naming the server by address', () => {
    assert.deepEqual(remoteHostIn('192.0.2.153 does not like recipient.'), { host: '192.0.2.153', start: 0 });
    assert.deepEqual(remoteHostIn('74.125.204.27 failed after I sent the message.'), { host: '74.125.204.27', start: 0 });
    assert.deepEqual(remoteHostIn('Connected to 192.0.2.225 but sender was rejected.'), { host: '192.0.2.225', start: 13 });
    const said = 'most progress was RCPT TO response; remote host 192.0.2.32 said: 550 Unknown user';
    assert.deepEqual(remoteHostIn(said), { host: '192.0.2.32', start: said.indexOf('192.0.2.32') });
    assert.equal(remoteHostIn('3/09/2016 7:58:27 PM - Remote Server at student.example.edu.au (10.1.1.3) returned')?.host, 'student.example.edu.au');
  });

  it('"host: name (address)"', () => {
    const line = 'SMTP error from remote server for TEXT command, host: smtp-in.orange.fr (193.252.22.65) reason: 550 5.2.0 Mail rejete.';
    assert.deepEqual(remoteHostIn(line), { host: 'smtp-in.orange.fr', start: line.indexOf('smtp-in.orange.fr') });
    assert.equal(remoteHostIn('host smtp-in.orange.fr (193.252.22.65) said no')?.host, 'smtp-in.orange.fr');
    assert.equal(remoteHostIn('the host: smtp-in.orange.fr said no'), undefined, 'no address after the name');
    assert.equal(remoteHostIn('ghost:smtp-in.orange.fr (193.252.22.65)'), undefined, 'no blank after "host"');
  });

  it('no server in a line without one, or in an overlong line', () => {
    assert.equal(remoteHostIn('550 5.1.1 user unknown'), undefined);
    assert.equal(remoteHostIn(`${'x'.repeat(2000)} mx.example.jp[192.0.2.1]`), undefined);
  });

  it('a line that is only a host name is one (Exchange prints the remote server so)', () => {
    assert.ok(bareHostLine('  mx.fabrikam.example  '));
    assert.ok(!bareHostLine('mx..fabrikam.example'));
    assert.ok(!bareHostLine('Remote server: mx.fabrikam.example'));
    assert.ok(!bareHostLine('localhost'));
    assert.ok(!bareHostLine(`${'a'.repeat(250)}.example`));
    assert.ok(bareHostLine(`a${'b'.repeat(194)}.${'c'.repeat(59)}`), 'a name of 255 characters');
    assert.ok(!bareHostLine(`a${'b'.repeat(195)}.${'c'.repeat(59)}`), 'longer than a domain name may be (RFC 1035: 255)');
  });
});

describe('the system that wrote a report', () => {
  it('from Exchange, Postfix, qmail, DragonFly and the Reporting-MTA field', () => {
    assert.equal(reportingHostIn('Generating server: DM6PR01MB1234.namprd01.prod.outlook.com'), 'DM6PR01MB1234.namprd01.prod.outlook.com');
    assert.equal(reportingHostIn('This is the mail system at host smtp.example.jp.'), 'smtp.example.jp');
    assert.equal(reportingHostIn('Hi. This is the qmail-send program at nq.example.jp.'), 'nq.example.jp');
    assert.equal(reportingHostIn('This is the DragonFly Mail Agent v0.13 at df.example.jp.'), 'df.example.jp');
    assert.equal(reportingHostIn('Reporting-MTA: dns; googlemail.com'), 'googlemail.com');
    assert.equal(reportingHostIn('Reporting-MTA: dns;mx.example.jp'), 'mx.example.jp');
  });

  it('none from other lines or an overlong one', () => {
    assert.equal(reportingHostIn('The mail system'), undefined);
    assert.equal(reportingHostIn('Original generating server: mx.example.jp'), undefined, 'the phrase starts the line');
    assert.equal(reportingHostIn('X-Reporting-MTA: dns; mx.example.jp'), undefined);
    assert.equal(reportingHostIn('  Reporting-MTA: dns; mx.example.jp  '), 'mx.example.jp', 'blanks around the line');
    assert.equal(reportingHostIn(`Reporting-MTA: dns; ${'a'.repeat(2000)}.example`), undefined);
  });
});

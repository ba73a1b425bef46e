// Detection: codes as they really appear (code-presentation-formats.tsv), and the traps around them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { scanReplies } from '../../server/src/detection/replyScanner';
import { sharedPath } from '../support/shared';

/** The replies of a line as "basic|enhanced|transport" strings. */
function found(line: string): string[] {
  return scanReplies(line).map((m) => [m.basic?.text ?? '', m.enhanced?.text ?? '', m.transport?.text ?? ''].join('|'));
}

describe('reply scanner finds codes as bounces and logs write them', () => {
  const cases: [string, string, string[]][] = [
    ['DSN Status field with comment', 'Status: 5.1.1 (permanent failure)', ['|5.1.1|']],
    ['DSN Diagnostic-Code', 'Diagnostic-Code: smtp; 550 5.1.1 <bob@example.com>: Recipient address rejected', ['550|5.1.1|']],
    ['Diagnostic-Code without a blank', 'Diagnostic-Code: SMTP;550 5.7.1 Relaying denied', ['550|5.7.1|']],
    ['Diagnostic-Code, reply only', 'Diagnostic-Code: smtp; 552 Requested mail action aborted: exceeded storage allocation', ['552||']],
    ['X-Postfix diagnostic', 'Diagnostic-Code: X-Postfix; 550 mailbox unavailable', ['550||']],
    ['multi-line continuation', '550-5.1.1 The email account that you tried to reach does not exist. Please try', ['550|5.1.1|']],
    ['Exchange hash form', '#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##', ['550|5.1.1|RESOLVER.ADR.RecipNotFound']],
    ['Exchange Remote Server returned', "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'",
      ['550|5.1.10|RESOLVER.ADR.RecipientNotFound']],
    ['Exchange 2003 angle form', '<mail.example.com #5.7.1 smtp;530 5.7.1 Client was not authenticated>', ['|5.7.1|', '530|5.7.1|']],
    ['qmail code in parentheses', 'Sorry, no mailbox here by that name. (#5.1.1)', ['|5.1.1|']],
    ['Postfix log dsn=', 'Nov 23 10:01:02 mx postfix/smtp[4521]: 3E29030F86: to=<user@example.org>, relay=none, delay=0.01, dsn=5.1.1, status=bounced (user unknown)', ['|5.1.1|']],
    ['Postfix said: ... in reply to', 'host mx.example.com[192.0.2.1] said: 550 5.1.1 <x@example.com>: Recipient address rejected (in reply to RCPT TO command)', ['550|5.1.1|']],
    ['said: reply without enhanced code', 'Remote host said: 554 mail server permanently rejected message', ['554||']],
    ['Gmail OK glued to the code', '250 2.0.0OK  1700000000 a1-20020a05 - gsmtp', ['250|2.0.0|']],
    ['indented reply line', '    550 5.2.2 The email account that you tried to reach is over quota.', ['550|5.2.2|']],
    ['Sendmail transcript', '<<< 550 5.1.1 <bob@example.com>... User unknown', ['550|5.1.1|']],
    ['responded with', 'The server responded with: 554 Transaction failed', ['554||']],
    ['Postfix reject', 'NOQUEUE: reject: RCPT from unknown[192.0.2.7]: 450 4.7.1 Client host rejected: cannot find your hostname', ['450|4.7.1|']],
    ['Postfix reject, reply only', 'NOQUEUE: reject: RCPT from unknown[192.0.2.7]: 450 Client host rejected', ['450||']],
    ['Exim host line', 'host mx.example.com [192.0.2.1]: 550 Unrouteable address', ['550||']],
    ['Exim after RCPT TO', 'SMTP error from remote mail server after RCPT TO:<bob@example.com>: 550 No such user', ['550||']],
    ['tracking-log quoted status', '2026-11-23T10:00:01.000Z,,,,EX01,,,ROUTING,FAIL,1,<a@b>,,bob@contoso.com,"550 5.1.1 RESOLVER.ADR.RecipNotFound; not found",1',
      ['550|5.1.1|RESOLVER.ADR.RecipNotFound']],
    ['tracking-log source-context reply', 'EX13D13UWB004.ant.amazon.com = 250 2.6.0 < 1028007174.22872@apollo > Queued mail for redundancy', ['250|2.6.0|']],
    ['protocol log > line', '2026-11-23T10:00:00.123Z,EX01\\Default Frontend EX01,08DC1234ABCD5678,5,10.0.0.5:25,203.0.113.9:51234,>,550 5.7.1 Unable to relay,', ['550|5.7.1|']],
    ['protocol log < line without enhanced code', '2026-11-23T10:00:00.123Z,Outbound,08DC1234ABCD5679,3,10.0.0.5:40012,198.51.100.4:25,<,421 Too many connections,', ['421||']],
    ['three-digit details', 'Remote Server returned \'550 5.7.509 Access denied, sending domain does not pass DMARC\'', ['550|5.7.509|']],
    ['bare transport string', 'Reason: QUEUE.Expired; message expired', ['||QUEUE.Expired']],
    ['store driver string after a code', '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException', ['554|5.2.2|', '||STOREDRV.Deliver.Exception']],
  ];
  for (const [name, line, expected] of cases) {
    it(name, () => assert.deepEqual(found(line), expected, line));
  }

  it('gives exact offsets', () => {
    const line = 'Diagnostic-Code: smtp; 550 5.1.1 RESOLVER.ADR.RecipNotFound; not found';
    const [m] = scanReplies(line);
    assert.equal(line.slice(m!.start, m!.end), '550 5.1.1 RESOLVER.ADR.RecipNotFound');
    assert.equal(line.slice(m!.enhanced!.start, m!.enhanced!.end), '5.1.1');
  });

  it('a bare 3-digit reply counts at the start of a line only when the window starts the line', () => {
    assert.deepEqual(found('550 Requested action not taken'), ['550||']);
    assert.deepEqual(scanReplies('550 Requested action not taken', false), []);
  });
});

describe('reply scanner never reports pieces of other numbers', () => {
  const traps: [string, string][] = [
    ['IPv4 address in a Received header', 'Received: from smtp1.example.jp (mailhub-2 [2.0.2.26])'],
    ['IPv4 address 10.5.1.1', 'Received: from [10.5.1.1] by mail.example.com with ESMTP'],
    ['IPv4 address in a Postfix log', 'Nov 23 10:01:02 mx postfix/smtpd[2211]: connect from unknown[5.1.1.250]'],
    ['Exchange build number', ' 15.1.2507.39 via Frontend Transport; Fri, 2 Sep 2016 05:52:53 +1000'],
    ['Exchange 2013 build number', ' (2603:10b6:a03:4c::25) with Microsoft SMTP Server (version=TLS1_2) id 15.0.1104.5; Fri, 2 Sep 2016 05:52:53 +1000'],
    ['log header version', '#Version: 15.0.0.0'],
    ['Exchange 2010 header version', '#Version: 14.0.0.0'],
    ['X-Mailer version', 'X-Mailer: Internet Mail Service (5.5.2657.72)'],
    ['version word before a triple', 'X-Mailer: Example Mailer version 4.4.1'],
    ['byte count header', 'Content-Length: 550'],
    ['Postfix size and delay fields', 'Nov 23 10:01:02 mx postfix/qmgr[451]: 2DC5552A34: from=<a@example.com>, size=450, nrcpt=1 (queue active)'],
    ['Postfix delay=', 'Nov 23 10:01:02 mx postfix/smtp[4521]: 2DC5552A34: to=<user@example.com>, relay=mx.example.com[192.0.2.1]:25, delay=550, delays=0.1/0/0/450'],
    ['process id', 'Nov 23 10:01:02 mx postfix/smtpd[554]: disconnect from unknown[192.0.2.7]'],
    ['port', 'Nov 23 10:01:02 mx postfix/smtp[4521]: connect to mx.example.com[192.0.2.1]:465: Connection timed out'],
    ['date and time', 'Date: Mon, 23 Nov 2026 12:55:00 +0000'],
    ['ISO timestamp', '2026-11-23T10:00:01.550Z,10.0.0.5,EX01'],
    ['browser user agent', 'User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36'],
    ['MIME version', 'MIME-Version: 1.0'],
    ['lower-case words are not transport strings', 'the queue.expired file and resolver.adr settings'],
    ['X-Mailer with a three-part version', 'X-Mailer: PHPMailer 5.2.7 (https://github.com/PHPMailer/PHPMailer/)'],
    ['Received continuation with a product version', '\tby mx2.example.jp (MOS 4.1.8-GA FastPath queued)'],
    ['Received continuation with an SMTP server version', '  by smtp9.example.com (Nyaan SMTP 2.2.22) with ESMTP id 22222222'],
    ['list server version in brackets', 'X-MLServer: fml [fml 4.0.3 release (20011202/4.0.3)]'],
    ['version glued to a product name with dashes', '    (mxl_mta-5.5.0-3) with ESMTP id 3ee-3c68fe8a'],
    ['CSS colour in an HTML part', '  color: #555 !important;'],
    ['URL fragment', 'see http://postmaster.example.net/smtp-error-codes.php#554 for details'],
  ];
  for (const [name, line] of traps) {
    it(name, () => assert.deepEqual(found(line), [], line));
  }
});

describe('reply scanner on the real messages of the bounce corpus', () => {
  const root = 'corpus/bounces/maildir';
  const lines: string[] = [];
  for (const folder of readdirSync(sharedPath(root))) {
    for (const file of readdirSync(sharedPath(`${root}/${folder}`))) {
      lines.push(...readFileSync(sharedPath(`${root}/${folder}/${file}`), 'latin1').split(/\r\n|\r|\n/));
    }
  }

  it('finds the code of every DSN Status field and every "said: NNN" reply', () => {
    let checked = 0;
    for (const line of lines) {
      const status = /^Status:\s*([245]\.\d{1,3}\.\d{1,3})\b/i.exec(line)?.[1];
      const said = /said: ([2-5][0-5]\d)[ -]/.exec(line)?.[1];
      if (status) assert.ok(scanReplies(line).some((m) => m.enhanced?.text === status), line);
      if (said) assert.ok(scanReplies(line).some((m) => m.basic?.text === said), line);
      if (status || said) checked++;
    }
    assert.ok(checked > 400, `only ${checked} lines checked`);
  });

  it('finds nothing in version-bearing headers, IP addresses or Received lines', () => {
    for (const line of lines) {
      if (/^(X-Mailer|User-Agent|Received|Message-ID|MIME-Version):/i.test(line)) assert.deepEqual(scanReplies(line), [], line);
      for (const ip of line.matchAll(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g)) {
        for (const m of scanReplies(line)) assert.ok(m.end <= ip.index! || m.start >= ip.index! + ip[0].length, `inside ${ip[0]}: ${line}`);
      }
    }
  });
});

// Each trap and joining rule with a case that holds with it and fails without it; the lines are
// synthetic, written from what RFC 5321 (reply codes, one space after the code) and RFC 3463 (the
// enhanced code follows the reply code) say a reply is.
describe('reply scanner rules, each with a case that needs it', () => {
  it('a version word before a triple makes it a version, outside any header that another rule drops', () => {
    for (const word of ['version', 'Version:', 'ver', 'v', 'build', 'release', 'rev', 'revision', 'kernel']) {
      const line = `Upgraded to ${word} 4.4.1 last night`;
      assert.deepEqual(found(line), [], line);
    }
    // The same triple after any other word is an enhanced code (RFC 3463 4.4.1: no answer from host).
    assert.deepEqual(found('Upgraded to status 4.4.1 last night'), ['|4.4.1|']);
  });

  it('a number that is no RFC 5321 reply code is not a reply, even at the start of a line', () => {
    assert.deepEqual(found('100 messages queued for delivery'), []);
    assert.deepEqual(found('600 messages queued for delivery'), []);
    // A real code there is one (RFC 5321 4.2.3: 451 local error in processing).
    assert.deepEqual(found('451 messages queued for delivery'), ['451||']);
  });

  it('a reply code followed by anything but a blank or a dash is not a reply', () => {
    assert.deepEqual(found('550x rejected'), []);
    assert.deepEqual(found('550.1 rejected'), []);
    assert.deepEqual(found('550\trejected'), ['550||']);
  });

  it('a reply and an enhanced code with words between them are two codes, not one reply', () => {
    assert.deepEqual(found('host mx.example.com[192.0.2.1] said: 550 x 5.1.1 unknown'), ['550||', '|5.1.1|']);
    assert.deepEqual(found('host mx.example.com[192.0.2.1] said: 550 5.1.1 unknown'), ['550|5.1.1|']);
    // Joined by a dash (a multi-line reply) or up to four blanks; five are too many.
    assert.deepEqual(found('said: 550-5.1.1 unknown'), ['550|5.1.1|']);
    assert.deepEqual(found('said: 550    5.1.1 unknown'), ['550|5.1.1|']);
    assert.deepEqual(found('said: 550     5.1.1 unknown'), ['550||', '|5.1.1|']);
  });

  it('each place where a bare reply stands', () => {
    const places: [string, string][] = [
      ['smtp;', 'Diagnostic-Code: smtp; 554 rejected'],
      ['x-postfix;', 'Diagnostic-Code: X-Postfix; 554 rejected'],
      ['said:', 'the server said: 554 rejected'],
      ['responded with:', 'the server responded with: 554 rejected'],
      ["returned '", "Remote Server returned '554 rejected'"],
      ['returned "', 'Remote Server returned "554 rejected"'],
      [',<,', '2026-11-23T10:00:00.000Z,c,1,2,10.0.0.5:25,198.51.100.4:25,<,554 rejected,'],
      [',>,"', '2026-11-23T10:00:00.000Z,c,1,2,10.0.0.5:25,198.51.100.4:25,>,"554 rejected",'],
      ['Postfix reject:', 'NOQUEUE: reject: RCPT from unknown[192.0.2.7]: 554 rejected'],
      ['Exim after RCPT', 'SMTP error from remote mail server after RCPT TO:<a@example.com>: 554 rejected'],
      ['Exim host line', 'host mx.example.com [192.0.2.1]: 554 rejected'],
      ['second reply on a line', 'said: 554-first line 554 second line'],
    ];
    for (const [place, line] of places) assert.ok(found(line).includes('554||'), `${place}: ${line}`);
    // Elsewhere on a line it is just a number.
    assert.deepEqual(found('we counted 554 rejected messages'), []);
    assert.deepEqual(found('host mx.example.com: 554 rejected'), []);
    assert.deepEqual(found('a note: 554 rejected'), []);
  });

  it('an enhanced code needs a class of 2, 4 or 5, a subject of 0 to 7 and a detail of 1 to 3 digits', () => {
    assert.deepEqual(found('Status: 3.1.1'), []);
    assert.deepEqual(found('Status: 5.8.1'), []);
    assert.deepEqual(found('Status: 5.1.1234'), []);
    assert.deepEqual(found('Status: 5.7.999'), ['|5.7.999|']);
    assert.deepEqual(found('Status: 5.1.1.4'), []);
    assert.deepEqual(found('Status: 5.1.1.'), ['|5.1.1|']);
  });

  it('a dash and a word after a triple, or a slash before it, make it a version', () => {
    assert.deepEqual(found('running 4.1.8-GA here'), []);
    assert.deepEqual(found('running 4.1.8-1 here'), []);
    assert.deepEqual(found('running (20011202/4.0.3) here'), []);
    assert.deepEqual(found('running 4.1.8 - here'), ['|4.1.8|']);
  });

  it('each header that carries versions and never a status is skipped whole', () => {
    for (const header of ['X-Mailer', 'User-Agent', 'X-MLServer', 'Server', 'X-Mailman-Version', 'X-Received', 'Received', 'Message-ID', 'References',
      'In-Reply-To', 'MIME-Version', 'X-Originating-IP', 'DKIM-Signature', 'X-Google-DKIM-Signature', 'ARC-Seal', 'ARC-Message-Signature',
      'X-MS-Exchange-Organization-AuthAs', 'X-Microsoft-Antispam-Mailbox-Delivery', 'X-Forefront-Antispam-Report', 'X-Virus-Scanned', 'X-Spam-Status']) {
      assert.deepEqual(found(`${header}: product 5.1.1 from 550 5.7.1`), [], header);
    }
    assert.deepEqual(found('X-Other: product 5.1.1'), ['|5.1.1|']);
    // Received continuation lines: "by" or "from" a host name, or "with ESMTP".
    assert.deepEqual(found('  by mx.example.com (Exim 4.2.1) with ESMTP'), []);
    assert.deepEqual(found('\tfrom relay.example.com (Exim 4.2.1)'), []);
    assert.deepEqual(found('  with ESMTPSA id 4.2.1'), []);
    assert.deepEqual(found('  by the way, 4.2.1 happened'), ['|4.2.1|']);
  });

  it('transport strings are read from a known root, in capitals, with at most six parts', () => {
    assert.deepEqual(found('failed: RESOLVER.ADR.RecipNotFound'), ['||RESOLVER.ADR.RecipNotFound']);
    assert.deepEqual(found('failed: NOTAROOT.ADR.RecipNotFound'), []);
    assert.deepEqual(found('failed: RESOLVER.A.B.C.D.E.F'), []);
    assert.deepEqual(found('failed: xRESOLVER.ADR.RecipNotFound'), []);
  });
});

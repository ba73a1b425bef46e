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
    // "try" inside a sentence about the delivery itself is no example.
    assert.deepEqual(recipientsOf(plainBounce('Delivery is delayed. The server will try to deliver to carol@example.edu again later.')), ['carol@example.edu']);
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

  it('CJK or full-width text written straight after an address is not part of its domain', () => {
    assert.deepEqual(findAddresses('bob@example.jp您好，我們').map((h) => h.address), ['bob@example.jp']);
    assert.deepEqual(findAddresses('宛先 carol@example.co.jp（不明）').map((h) => h.address), ['carol@example.co.jp']);
    // A domain written in a non-Latin script throughout stays whole.
    assert.deepEqual(findAddresses('dave@例え.テスト').map((h) => h.address), ['dave@例え.テスト']);
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

/** The one recipient's reading of a synthetic report naming bob@example.net with `reply` under it. */
function readingOf(reply: string, failed = true): { reason: string; hard: boolean; status: string | undefined; replyCode: string | undefined } {
  const text = plainBounce(
    failed ? 'This is a permanent error. The following address(es) failed:' : 'Delivery to the following address has been delayed:',
    '',
    '  bob@example.net',
    ...reply.split('\n').map((l) => `    ${l}`),
  );
  const [only, ...rest] = analyzeBounce(text).recipients;
  assert.ok(only, 'no recipient');
  assert.deepEqual(rest, []);
  return { reason: only.reason, hard: only.hard, status: only.status?.value, replyCode: only.replyCode?.value };
}

describe('bounce lessons: wordings that settle the reason', () => {
  it('"user not known", "no account by that name" and "does not exist" are an unknown user, a hard bounce', () => {
    for (const reply of [
      'User not known', 'Sorry, no account by that name here.', 'The mailbox you addressed does not exist.', 'no mailbox here by that name',
      'The e-mail address could not be found.', 'Addressee unknown', '550 non-existent user', 'This is not a valid email address.',
    ]) {
      assert.deepEqual({ ...readingOf(reply), status: undefined, replyCode: undefined }, { reason: 'userunknown', hard: true, status: undefined, replyCode: undefined }, reply);
    }
  });

  it('"unknown user" and "does not exist" in French, German, Polish, Spanish, Italian, Portuguese and Dutch are an unknown user, hard', () => {
    const wordings: Record<string, string[]> = {
      French: ['L\'adresse de messagerie ci-dessus n\'existe pas.', 'Utilisateur inconnu', 'Destinataire inconnu'],
      German: ['Empfänger unbekannt', 'Die Adresse existiert nicht.', 'Unbekannter Benutzer'],
      Polish: ['Konto nie istnieje', 'Nieznany użytkownik', 'Brak takiego uzytkownika'],
      Spanish: ['Usuario desconocido', 'La cuenta no existe'],
      Italian: ['Utente sconosciuto', 'L\'indirizzo non esiste', 'Utente inesistente'],
      Portuguese: ['Usuário desconhecido', 'A conta não existe', 'Utilizador desconhecido'],
      Dutch: ['Onbekende gebruiker', 'Dit adres bestaat niet'],
    };
    for (const [language, replies] of Object.entries(wordings)) {
      for (const reply of replies) {
        const { reason, hard } = readingOf(reply);
        assert.deepEqual({ reason, hard }, { reason: 'userunknown', hard: true }, `${language}: ${reply}`);
      }
    }
  });

  it('"domain name not found", "Name or service not known" and "Host not found" in a final failure are an unknown host, hard', () => {
    for (const reply of ['Domain name not found', 'lookup of nowhere.example: Name or service not known', 'all relevant MX records point to non-existent hosts: Host not found']) {
      const { reason, hard } = readingOf(reply);
      assert.deepEqual({ reason, hard }, { reason: 'hostunknown', hard: true }, reply);
    }
    // Final even under a temporary code: the report says it gave up.
    const { reason, hard } = readingOf('451 4.4.0 Name or service not known\nGiving up on it.');
    assert.deepEqual({ reason, hard }, { reason: 'hostunknown', hard: true });
  });

  it('the campus directory mailer\'s "no matches" and "no final delivery point" are an unknown user, hard', () => {
    for (const reply of ['No matches to nameserver query', 'Does not have a final email delivery point, please contact this person by alternate means.']) {
      const { reason, hard } = readingOf(reply);
      assert.deepEqual({ reason, hard }, { reason: 'userunknown', hard: true }, reply);
    }
  });

  it('the remote server named as "host: name (address)" is read as the remote server', () => {
    const text = plainBounce(
      'The following address(es) failed:',
      '',
      '  bob@example.net',
      '    SMTP error from remote server for TEXT command, host: mx1.example.net (192.0.2.65) reason: 550 5.7.1 refused',
    );
    const [only] = analyzeBounce(text).recipients;
    assert.equal(only?.remoteMta?.value, 'mx1.example.net');
    assert.equal(text.slice(only!.remoteMta!.span.start, only!.remoteMta!.span.end), 'mx1.example.net');
  });

  it('the same lookup failure while delivery is still retried is a soft network problem', () => {
    const { reason, hard } = readingOf('451 4.4.0 Name or service not known\nDelivery will be retried.', false);
    assert.deepEqual({ reason, hard }, { reason: 'networkerror', hard: false });
  });

  it('an out-of-sequence "503 RCPT first" after the refusal is not the cause', () => {
    const reading = readingOf([
      'SMTP error from remote mail server after RCPT TO:<bob@example.net>:',
      '550 sorry, no mailbox here by that name',
      'SMTP error from remote mail server after DATA:',
      '503 5.5.1 RCPT first',
    ].join('\n'));
    assert.deepEqual(reading, { reason: 'userunknown', hard: true, status: undefined, replyCode: '550' });
  });

  it('an address "no longer valid" is gone for good (unknown user, hard); a disabled account is suspended (soft)', () => {
    for (const reply of ['The address bob@example.net is wrong or no longer valid.', '550 This recipient address is no longer valid']) {
      const { reason, hard } = readingOf(reply);
      assert.deepEqual({ reason, hard }, { reason: 'userunknown', hard: true }, reply);
    }
    // Disabling words still win over it: a disabled account may be enabled again.
    for (const reply of ['550 The account is disabled', '550 Account disabled: this address is no longer valid']) {
      const { reason, hard } = readingOf(reply);
      assert.deepEqual({ reason, hard }, { reason: 'suspend', hard: false }, reply);
    }
  });

  it('X.1.1 with words that the mailbox is full or the sender over a rate limit is that, not an unknown user', () => {
    // RFC 3463 X.1.1 says the mailbox does not exist; a full mailbox exists, and a rate limit is about the sender.
    const cases: [string, string][] = [
      ['452 4.1.1 <bob@example.net>: user is over quota', 'mailboxfull'],
      ['552 sorry, bob@example.net: mailbox full (#5.1.1)', 'mailboxfull'],
      ['550 5.1.1 <bob@example.net> 192.0.2.7 has sent to too many recipients this hour', 'speeding'],
    ];
    for (const [reply, expected] of cases) {
      const { reason, hard } = readingOf(reply);
      assert.deepEqual({ reason, hard }, { reason: expected, hard: false }, reply);
    }
    // Other words do not outweigh the code: it still says the mailbox does not exist.
    for (const reply of ['550 5.1.1 <bob@example.net>: Recipient address rejected: policy violation', '550 5.1.1 <bob@example.net>... Access denied']) {
      const { reason, hard } = readingOf(reply);
      assert.deepEqual({ reason, hard }, { reason: 'userunknown', hard: true }, reply);
    }
  });

  it('a lone "503 need RCPT command" says no reason, not a syntax error', () => {
    const reading = readingOf('said: 503 5.5.1 Error: need RCPT command (in reply to DATA command)');
    assert.notEqual(reading.reason, 'syntaxerror');
    assert.equal(reading.hard, false);
  });
});

describe('bounce lessons: reading the right words', () => {
  it('a phrase found inside a longer word is not that phrase ("server error" in "nameserver error")', () => {
    // Synthetic: the subject names a directory lookup, the reply says nothing recognisable.
    const text = lines(
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>',
      'To: list-bounces@example.org',
      'Subject: Returned mail - nameserver error report',
      '',
      'Delivery to bob@example.net failed:',
      '  see the lookup log, entry 12 (a misconfiguration)',
    );
    const [only] = analyzeBounce(text).recipients;
    assert.equal(only?.reason, 'undefined');
    // The same words standing alone are read.
    assert.equal(readingOf('Local error: server error in processing').reason, 'systemerror');
  });

  it('a Sendmail transcript\'s "While talking to" starts another exchange: its replies are not the previous recipient\'s', () => {
    const text = plainBounce(
      '   ----- Transcript of session follows -----',
      '554 <bob@example.org>... 550 Host unknown (Authoritative answer from name server)',
      'While talking to mx.example.com:',
      '>>> QUIT',
      '<<< 421 mx.example.com Sorry, unable to contact destination SMTP daemon.',
      '421 mx.example.com (smtp)... Deferred: Connection reset by peer during greeting wait with mx.example.com',
      'While talking to mail.example.co.jp:',
      '>>> RCPT To:<carol@example.co.jp>',
      '<<< 550 No such user here.',
      '550 <carol@example.co.jp>... User unknown',
    );
    const outcomes = analyzeBounce(text).recipients.map((r) => `${r.recipient.value} ${r.reason} ${r.hard ? 'hard' : 'soft'}`);
    assert.deepEqual(outcomes, ['bob@example.org hostunknown hard', 'carol@example.co.jp userunknown hard']);
  });
});

/** A synthetic DSN for bob@example.net, with the given report text and delivery-status fields. */
const dsnBounce = (report: string[], fields: string[]): string => lines(
  'From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.net>',
  'To: alice@example.org',
  'Subject: Returned mail: see transcript for details',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
  '',
  '--b',
  'Content-Type: text/plain',
  '',
  ...report,
  '--b',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mx.example.net',
  '',
  'Final-Recipient: RFC822; bob@example.net',
  ...fields,
  '--b--',
);

describe('bounce lessons: local delivery programs', () => {
  it('a local program\'s exit status (Diagnostic-Code X-Unix) is a mailer failure, even while retrying', () => {
    const text = dsnBounce(
      ['   ----- Transcript of session follows -----', '451 4.0.0 Operating system error', 'Warning: message still undelivered after 4 hours', ''],
      ['Action: delayed', 'Status: 4.5.0', 'Diagnostic-Code: X-Unix; 71'],
    );
    const [only] = analyzeBounce(text).recipients;
    assert.equal(only?.reason, 'systemerror');
  });

  it('unless its words say what about the mailbox made it fail', () => {
    const text = dsnBounce(
      ['   ----- The following addresses had permanent fatal errors -----', '<bob@example.net>', '',
        '   ----- Transcript of session follows -----', 'deliver: mailbox over quota.', '550 5.0.0 <bob@example.net>... Insufficient permission', ''],
      ['Action: failed', 'Status: 5.3.0', 'Diagnostic-Code: X-Unix; 77'],
    );
    const [only] = analyzeBounce(text).recipients;
    assert.equal(only?.reason, 'mailboxfull');
  });
});

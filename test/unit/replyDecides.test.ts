// The reply decides its reading (issue #12): its writer, then its words, then the transport string,
// then the code. Each case goes through the service (hover, problems) and the text the command line
// prints. Reply texts are synthetic, in the documented shape of each provider's or Microsoft's reply
// (IP addresses from the documentation range 192.0.2.0/24).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-types';
import { defaultSettings, getLanguageService } from '../../server/src/languageService';
import { explainReply } from '../../server/src/analysis/replyExplanation';
import { analyzeBounce } from '../../server/src/analysis/bounce/analyzeBounce';
import { readRecipient } from '../../server/src/analysis/bounce/recipientReading';
import { lookupEnhanced, lookupTransport } from '../../server/src/knowledge/knowledgeBase';
import { trackingFieldsByVersion } from '../../server/src/knowledge/data/exchangeLogFormats';
import { unescapeMarkdown } from '../support/markdownText.mjs';

const service = getLanguageService();

/** The hover on the first occurrence of `needle` in a one-line plain-text document. */
function hover(line: string, needle: string, languageId = 'plaintext'): string {
  const document = TextDocument.create('file:///synthetic.txt', languageId, 1, line);
  const at = line.indexOf(needle);
  assert.ok(at >= 0, `${needle} not in the line`);
  const result: Hover | null = service.doHover(document, document.positionAt(at + 1), defaultSettings);
  assert.ok(result, `no hover on ${needle}`);
  return unescapeMarkdown((result.contents as MarkupContent).value);
}

/** The first line of the hover: "**label: title** · permanence". */
const headline = (markdown: string): string => markdown.split('\n')[0]!;

/** What `mailflow-lens explain` prints for the text: the service's plain-text explanation. */
function explain(text: string): string {
  const out = service.explainCodes(text, 'plaintext');
  assert.ok(out, `nothing explained in ${text}`);
  return out;
}

async function problems(text: string, languageId = 'plaintext'): Promise<Diagnostic[]> {
  return service.doValidation(TextDocument.create('file:///synthetic.txt', languageId, 1, text), defaultSettings);
}

/** Synthetic bounce with one failed recipient: its diagnostic and remote server as given. */
function bounce(recipient: string, status: string, remote: string, diagnostic: string): string {
  return [
    'From: MAILER-DAEMON@mx.example.net', 'To: alice@example.org', 'Subject: Undelivered Mail Returned to Sender', 'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"', '', '--b1', 'Content-Type: text/plain', '',
    'This is the mail system at host mx.example.net.', '', `<${recipient}>: host ${remote}[192.0.2.25] said: ${diagnostic}`, '',
    '--b1', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.example.net', '',
    `Final-Recipient: rfc822; ${recipient}`, 'Action: failed', `Status: ${status}`, `Remote-MTA: dns; ${remote}`,
    `Diagnostic-Code: smtp; ${diagnostic}`, '', '--b1--',
  ].join('\r\n');
}

function recipientMessage(text: string): string {
  const document = TextDocument.create('file:///synthetic.eml', 'email', 1, text);
  const outcome = analyzeBounce(text).recipients[0];
  assert.ok(outcome, 'no recipient read');
  return readRecipient(document, outcome).message;
}

describe('the reply\'s words decide between a product\'s reading and the RFC\'s', () => {
  // In the shape Microsoft documents for a full public folder ("554 5.2.2 mailbox full").
  const fullMailbox = "Remote Server returned '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded; Failed to process message due to a permanent exception'";

  it('Exchange Online 554 5.2.2 mailbox full is a full mailbox, not a submission quota or a compromised account', () => {
    const value = hover(fullMailbox, '5.2.2');
    assert.match(headline(value), /5\.2\.2: Recipient mailbox over its quota/);
    assert.doesNotMatch(headline(value), /Submission quota/);
    const lead = value.split('---')[1]!;
    assert.doesNotMatch(lead, /compromised/);
    // The Exchange Online reading is still shown, labelled.
    assert.match(value, /Exchange Online: 5\.2\.2: Submission quota exceeded/);
    assert.match(explain(fullMailbox), /^554 5\.2\.2: Recipient mailbox over its quota .*· permanent/);
  });

  it('a bare STOREDRV QuotaExceededException is a permanent failure, not the STOREDRV family\'s transient one', () => {
    const text = 'STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded';
    assert.equal(lookupTransport('STOREDRV.Deliver.Exception')?.permanence, 'transient');
    assert.match(explain(text), /^STOREDRV\.Deliver\.Exception: Recipient mailbox over its quota \(Exchange store\) · permanent \(do not retry\)/);
  });

  it('plain 550 5.2.2 Submission quota exceeded is the submission quota, though the RFC says mailbox full', () => {
    assert.match(explain('550 5.2.2 Submission quota exceeded'), /^550 5\.2\.2: Submission quota exceeded \(sender over a sending limit\)/);
    // Without words the registered reading leads.
    assert.match(explain('550 5.2.2'), /^550 5\.2\.2: Mailbox full/);
  });
});

describe('block lists named in the reply: which list, how to delist, who acts', () => {
  const cases: [string, string, RegExp][] = [
    ['Spamhaus (Exchange Online)', '550 5.7.1 Service unavailable, Client host [192.0.2.25] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/192.0.2.25 AS(1430) [BN1NAM02FT012.eop-nam02.prod.protection.outlook.com]', /Sending IP or domain listed by Spamhaus/],
    ['Barracuda', '554 Service unavailable; Client host [192.0.2.25] blocked using Barracuda Reputation; http://www.barracudanetworks.com/reputation/?r=1&ip=192.0.2.25', /listed by the Barracuda Reputation Block List/],
    ['SpamCop', '554 5.7.1 Service unavailable; Client host [192.0.2.25] blocked using bl.spamcop.net; Blocked - see https://www.spamcop.net/bl.shtml?192.0.2.25', /Sending IP listed by SpamCop/],
    ['UCEPROTECT', '550 5.7.1 Service unavailable; Client host [192.0.2.25] blocked using dnsbl-1.uceprotect.net; IP 192.0.2.25 is UCEPROTECT-Level 1 listed', /listed by UCEPROTECT/],
  ];
  for (const [name, reply, title] of cases) {
    it(`${name}: the hover leads with the list, the sender's side acts, the address is fine`, () => {
      const value = hover(reply, reply.startsWith('554 Service') ? '554' : '5.7.1');
      assert.match(headline(value), title);
      assert.match(value.split('---')[1]!, /Who must act:\* the sender's admin/);
      assert.match(value, /recipient's address is fine/);
      assert.doesNotMatch(headline(value), /permission, relay or authentication/);
    });
  }

  it('Spamhaus from Exchange Online: the problem says block list, not permission or relay', async () => {
    const [problem] = await problems(cases[0]![1]);
    assert.ok(problem);
    assert.match(problem.message as string, /^550 5\.7\.1: the receiving server checked the sending IP .* against Spamhaus/);
  });

  it('explains each list\'s delisting in the full hover', () => {
    assert.match(hover(cases[0]![1], '5.7.1'), /check\.spamhaus\.org/);
    assert.match(hover(cases[1]![1], '554'), /barracudacentral\.org/);
    assert.match(hover(cases[2]![1], '5.7.1'), /drops the listing on its own/);
    assert.match(hover(cases[3]![1], '5.7.1'), /level 2 or 3/);
  });
});

describe('provider readings in hovers', () => {
  it('consumer Outlook.com S3150 leads with Outlook.com\'s block, not Exchange Online\'s 5.7.1', () => {
    const line = 'Dec  7 03:00:00 mx postfix/smtp[123]: 4F2A1: to=<bob@hotmail.com>, relay=hotmail-com.olc.protection.outlook.com[192.0.2.25]:25, dsn=5.7.1, status=bounced (host said: 550 5.7.1 Unfortunately, messages from [192.0.2.25] weren\'t sent. Please contact your Internet service provider since part of their network is on our block list (S3150). [VI1EUR06FT015.eop-eur06.prod.protection.outlook.com])';
    const value = hover(line, '5.7.1 Unfortunately', 'log');
    assert.match(headline(value), /Outlook\.com blocks the sending network/);
    // Exchange Online's reading is shown further down, labelled, never first.
    const sections = value.split('---').slice(1);
    assert.match(sections[0]!, /^\s*\*\*Outlook\.com S3140 \/ S3150:/);
    assert.doesNotMatch(sections[1]!, /Exchange Online: 5\.7\.1/);
  });

  it('Outlook.com 5.7.515: the From domain is below the authentication level; a bare code reads it too', () => {
    assert.match(explain('550 5.7.515 Access denied, sending domain example.org does not meet the required authentication level.'), /^550 5\.7\.515: Sender domain below Outlook\.com's authentication level/);
    assert.match(explain('5.7.515'), /Outlook\.com 5\.7\.515 gives it the meaning below/);
  });

  it('Yahoo TSS04 is a deferral for volume or complaints, and its problem says what to do', () => {
    const reply = '421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes';
    const value = hover(reply, '4.7.0');
    assert.match(headline(value), /4\.7\.0: Yahoo defers mail for its volume or complaints\*\* · transient/);
    const message = recipientMessage(bounce('dan@yahoo.com', '4.7.0', 'mta7.am0.yahoodns.net', reply).replace('Action: failed', 'Action: delayed'));
    assert.match(message, /Fix: sender's admin slows down to Yahoo/);
    assert.doesNotMatch(message, /envelope sender/);
  });

  it('Yahoo TSS09 is a permanent block of the IP, not of the address', () => {
    const reply = '553 5.7.2 [TSS09] All messages from 192.0.2.25 will be permanently deferred; Retrying will NOT succeed. See https://postmaster.yahooinc.com/error-codes';
    assert.match(explain(reply), /^553 5\.7\.2: Yahoo refuses all mail from the IP · permanent/);
  });

  it('Gmail 4.7.28 and 5.7.28 are rate limits, 5.7.26 unauthenticated mail; a bare 5.7.26 keeps its registered reading', () => {
    const limited = '421-4.7.28 [192.0.2.25] Our system has detected an unusual rate of unsolicited mail originating from your IP address. x11si123 - gsmtp';
    assert.match(explain(limited), /^421 4\.7\.28: Gmail limits an unusual rate of mail · transient/);
    const refused = '550 5.7.28 [192.0.2.25] Our system has detected an unusual rate of unsolicited mail originating from your IP address. x11si123 - gsmtp';
    assert.match(explain(refused), /^550 5\.7\.28: Gmail limits an unusual rate of mail · permanent/);
    const unauthenticated = '550 5.7.26 This mail has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM. x11si123 - gsmtp';
    assert.match(explain(unauthenticated), /^550 5\.7\.26: Gmail refuses unauthenticated mail/);
    assert.doesNotMatch(explain('5.7.26'), /^5\.7\.26: Gmail/);
  });

  it('421 4.7.0 TLS required leads with the TLS requirement, as a deferral', () => {
    const reply = '421-4.7.0 TLS required for RCPT domain, closing connection. x11si123 - gsmtp';
    assert.match(explain(reply), /^421 4\.7\.0: The receiving side requires TLS · transient/);
  });
});

describe('the transport string and the product lead on the command line', () => {
  it('explain "550 5.1.10 RESOLVER.ADR.RecipientNotFound" opens with the Exchange reading, not the null MX one', () => {
    const out = explain('550 5.1.10 RESOLVER.ADR.RecipientNotFound');
    assert.match(out, /^550 5\.1\.10 RESOLVER\.ADR\.RecipientNotFound: Recipient not found by SMTP address lookup/);
    assert.doesNotMatch(out.split('\n')[0]!, /null MX/);
    // The RFC's reading is still there, labelled.
    assert.match(out, /Standard meaning of X\.1\.10: Recipient address has null MX/);
  });

  it('the same reply gets the same lead in a hover and a problem', async () => {
    const line = "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'";
    assert.match(headline(hover(line, '5.1.10')), /Recipient not found by SMTP address lookup/);
    const [problem] = await problems(line);
    assert.match(problem!.message as string, /^550 5\.1\.10 RESOLVER\.ADR\.RecipientNotFound: address lookup in the destination organisation found no recipient/);
  });
});

describe('codes read against their own context', () => {
  it('a bare 4.4.7 does not promise retries its Exchange reading says have stopped', () => {
    const out = explain('4.4.7');
    assert.doesNotMatch(out.split('\n')[0]!, /transient \(retry later\)/);
    assert.match(out, /retrying has stopped and the message was returned/);
    // With Action: delayed a delay notice keeps its meaning: its line says the retries continue.
    assert.match(out, /still queued and retried/);
  });

  it('4.7.0 lists only 4xx replies; 5.7.0 only 5xx', () => {
    const transient = explain('4.7.0');
    assert.match(transient, /Usually sent with reply 450 or 454/);
    assert.doesNotMatch(transient, /\b2[0-9][0-9]\b.*or|reply 220|235/);
    assert.match(explain('5.7.0'), /Usually sent with reply 500 or 501 or 503 or 504 or 530 or 535 or 550/);
  });

  it('5.4.1 under "permanent" does not say the sender keeps the message and retries', () => {
    const standard = lookupEnhanced('5.4.1')!.standard!;
    assert.doesNotMatch(standard.meaning, /retr/);
    assert.doesNotMatch(standard.classNotes!['5']!, /keeps the message/);
    assert.match(standard.classNotes!['4']!, /retries/);
  });

  it('5.7.57 is sent with 530 by smtp.office365.com', () => {
    assert.match(explain('530 5.7.57 Client not authenticated to send mail.'), /Sent with reply 530\./);
  });

  it('RESOLVER.ADR.RecipNotFound is seen in Exchange Online too', () => {
    assert.ok(lookupTransport('RESOLVER.ADR.RecipNotFound')!.versions!.includes('Exchange Online'));
  });

  it('5.7.999 is an unregistered detail: decoded class and subject lead, Exchange\'s range reading is shown but does not title it', () => {
    const out = explain('5.7.999');
    assert.match(out, /^5\.7\.999: Permanent Failure, Security or Policy Status · permanent/);
    assert.match(out, /5\.7\.999 is not in the IANA registry/);
    assert.match(out, /Exchange Server: 5\.7\.900-999/);
    // In a document Exchange wrote, its range reading leads.
    assert.equal(explainReply({ enhanced: '5.7.999' }, { prefer: ['Exchange Server'] })!.title, 'Rejected by a mail flow rule (custom code)');
  });
});

describe('a permanent failure that is not about the address says so', () => {
  it('DMARC reject (5.7.509): permanent, and the address itself is fine', () => {
    const reply = '550 5.7.509 Access denied, sending domain example.org does not pass DMARC verification and has a DMARC policy of reject.';
    const message = recipientMessage(bounce('erin@contoso.com', '5.7.509', 'contoso-com.mail.protection.outlook.com', reply));
    assert.match(message, /\(authfailure, permanent, the address itself is fine\)/);
    assert.doesNotMatch(message, /soft bounce/);
  });

  it('Gmail\'s DMARC reject (5.7.26) too', () => {
    const reply = "550 5.7.26 Unauthenticated email from example.org is not accepted due to domain's DMARC policy. x11si123 - gsmtp";
    const message = recipientMessage(bounce('fay@gmail.com', '5.7.26', 'gmail-smtp-in.l.google.com', reply));
    assert.match(message, /\(authfailure, permanent, the address itself is fine\)/);
  });

  it('a note after the fix starts a new sentence', () => {
    const text = bounce('gus@example.net', '5.0.0', 'mx.example.net', '550 5.1.1 <gus@example.net>: Recipient address rejected: User unknown');
    const message = recipientMessage(text);
    assert.match(message, /Note: /, 'the synthetic bounce should carry a conflict note');
    assert.match(message, /[a-z]\. Note: [A-Z]/);
    assert.doesNotMatch(message, /[a-z] Note: /);
  });
});

describe('current Exchange Online codes', () => {
  const codes: [string, RegExp][] = [
    ['5.7.520', /outside address blocked/], ['5.7.232', /Trial tenant over its daily external recipient limit/],
    ['5.7.233', /Tenant over its daily external recipient limit/], ['5.7.54', /Relay to an outside domain/],
    ['5.7.129', /only to certain recipients/], ['4.4.62', /wrong Microsoft 365 region/], ['5.7.350', /refused the message as spam/],
  ];
  for (const [code, title] of codes) {
    it(`${code} has an Exchange Online reading`, () => {
      const entry = lookupEnhanced(code)!.vendor.find((v) => v.product === 'Exchange Online' && v.code === code);
      assert.ok(entry, `no Exchange Online entry for ${code}`);
      assert.match(entry.title, title);
      assert.match(explain(`${entry.basicCode ?? ''} ${code}`.trim()), new RegExp(`^${entry.basicCode ? `${entry.basicCode} ` : ''}${code.replaceAll('.', '\\.')}: `));
    });
  }
});

describe('the same choice in Exchange log problems, bounce problems and the summary', () => {
  const mailboxFull = '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded';

  it('a tracking log FAIL with a full mailbox says so, not "submission quota"', async () => {
    const fields = trackingFieldsByVersion['2016'];
    const row = (values: Record<string, string>): string => fields.map((name) => values[name] ?? '').join(',');
    const text = [
      '#Software: Microsoft Exchange Server', '#Version: 15.0.0.0', '#Log-type: Message Tracking Log', '#Date: 2026-11-23T10:00:00.000Z',
      `#Fields: ${fields.join(',')}`,
      row({ 'date-time': '2026-11-23T10:00:00.000Z', 'source': 'STOREDRIVER', 'event-id': 'FAIL', 'message-id': '<m1@contoso.com>', 'recipient-address': 'pf@contoso.com', 'recipient-status': `"${mailboxFull}"` }),
    ].join('\n');
    const diagnostics = await service.doValidation(TextDocument.create('file:///MSGTRK.LOG', 'exchange-tracking-log', 1, text), defaultSettings);
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0]!.message as string, /the Exchange mailbox store refused to write the message/);
    assert.doesNotMatch(diagnostics[0]!.message as string, /sending limit|submission/i);
  });

  it('an Exchange Online NDR for a full public folder: the recipient problem and the summary read a full mailbox', () => {
    const text = bounce('pf@contoso.com', '5.2.2', 'contoso-com.mail.protection.outlook.com', mailboxFull);
    const message = recipientMessage(text);
    assert.match(message, /^pf@contoso\.com: 5\.2\.2 recipient mailbox over its quota \(Exchange store\) \(mailboxfull, permanent, the address itself is fine\)\. Fix: recipient frees space/);
    const summary = service.explainBounce(TextDocument.create('file:///synthetic.eml', 'email', 1, text))!.markdown;
    assert.match(unescapeMarkdown(summary), /The code:\*\* 554 5\.2\.2 STOREDRV\.Deliver\.Exception: the Exchange mailbox store refused/);
    assert.match(unescapeMarkdown(summary), /\| permanent \(address fine\) \|/);
  });
});

// The one table of mail systems and the one writerOf that hovers, problems, bounce classification
// and the summary ask. Each disagreement the four former lists had is settled here by a test; every
// message and log line below is synthetic, written for these tests (documentation addresses and
// 192.0.2.0/24).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeBounce } from '../../server/src/analysis/bounce/analyzeBounce';
import { providersOf } from '../../server/src/analysis/bounce/classify';
import { productsFor, readRecipient } from '../../server/src/analysis/bounce/recipientReading';
import { productPreference, productPreferenceOnLine } from '../../server/src/analysis/productContext';
import { productsOf, writerOf, writersOf } from '../../server/src/analysis/writerOf';
import { mailSystems } from '../../server/src/knowledge/data/mailSystems';
import { providerReplyFacts } from '../../server/src/knowledge/data/providerReplyFacts';
import { getLanguageService } from '../../server/src/languageService';

const lines = (...l: string[]): string => l.join('\n');
const ONLINE_FIRST = ['Exchange Online', 'Exchange Server'];
const SERVER_FIRST = ['Exchange Server', 'Exchange Online'];

/** Synthetic: Postfix returns a message that consumer Outlook.com's inbound server refused with its own code S3150. */
const CONSUMER_REFUSAL = lines(
  'From: MAILER-DAEMON@mx.example.net (Mail Delivery System)',
  'To: alice@example.org',
  'Subject: Undelivered Mail Returned to Sender',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain',
  '',
  'This is the mail system at host mx.example.net.',
  '',
  '<bob@hotmail.com>: host hotmail-com.olc.protection.outlook.com[192.0.2.25]',
  '    said: 550 5.7.1 Service unavailable; part of their network is on our block',
  '    list (S3150) (in reply to MAIL FROM command)',
  '',
  '--b1',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mx.example.net',
  '',
  'Final-Recipient: rfc822; bob@hotmail.com',
  'Action: failed',
  'Status: 5.7.1',
  'Remote-MTA: dns; hotmail-com.olc.protection.outlook.com',
  'Diagnostic-Code: smtp; 550 5.7.1 Service unavailable; part of their network is on our block list (S3150)',
  '',
  '--b1--',
);

/** Synthetic: the same refusal, from an Exchange Online tenant's inbound server (without Outlook.com's own S3150 mark). */
const TENANT_REFUSAL = CONSUMER_REFUSAL.replaceAll('hotmail-com.olc.protection.outlook.com', 'contoso-com.mail.protection.outlook.com')
  .replaceAll('bob@hotmail.com', 'bob@contoso.com').replaceAll(' (S3150)', '');

const email = (text: string): TextDocument => TextDocument.create('file:///synthetic.eml', 'email', 1, text);

describe('the table of mail systems', () => {
  it('names each system once, and links only provider facts that exist', () => {
    const ids = mailSystems.map((s) => s.id);
    assert.equal(new Set(ids).size, ids.length);
    const providersWithFacts = new Set(providerReplyFacts.map((f) => f.provider));
    for (const system of mailSystems) for (const provider of system.replyFacts) assert.ok(providersWithFacts.has(provider), `${system.id} links ${provider}`);
    // Every provider's facts are some system's: none is unreachable.
    for (const provider of providersWithFacts) assert.ok(mailSystems.some((s) => s.replyFacts.includes(provider)), provider);
  });

  it('tells consumer Outlook.com hosts from Exchange Online hosts', () => {
    const writer = (host: string): string | undefined => writerOf({ hosts: [host] })?.id;
    assert.equal(writer('hotmail-com.olc.protection.outlook.com'), 'outlook-com');
    assert.equal(writer('outlook-com.olc.protection.outlook.com'), 'outlook-com');
    assert.equal(writer('outlook.com'), 'outlook-com');
    assert.equal(writer('mx1.hotmail.com'), 'outlook-com');
    assert.equal(writer('contoso-com.mail.protection.outlook.com'), 'exchange-online');
    assert.equal(writer('AM6PR01MB1234.eurprd01.prod.outlook.com'), 'exchange-online');
    assert.equal(writer('contoso.onmicrosoft.com'), 'exchange-online');
    assert.equal(writer('gmail-smtp-in.l.google.com'), 'gmail');
    assert.equal(writer('googlegroups.com'), 'google-groups');
    assert.equal(writer('mx.example.net'), undefined);
    assert.deepEqual(writersOf({ hosts: ['hotmail-com.olc.protection.outlook.com'] }).map((s) => s.id), ['outlook-com']);
  });
});

describe('disagreements settled', () => {
  it('a log line from consumer Outlook.com gets no Exchange Online reading (productContext read any "outlook.com" as Exchange Online)', () => {
    const consumer = 'Dec  7 03:00:00 mx postfix/smtp[123]: 4F2A1: to=<bob@hotmail.com>, relay=hotmail-com.olc.protection.outlook.com[192.0.2.25]:25, dsn=5.7.1, status=bounced (host said: 550 5.7.1 blocked (S3150))';
    const tenant = consumer.replace('hotmail-com.olc', 'contoso-com.mail').replace('bob@hotmail.com', 'bob@contoso.com');
    const log = TextDocument.create('file:///synthetic.log', 'log', 1, `${consumer}\n${tenant}`);
    assert.deepEqual(productPreferenceOnLine(log, consumer), []);
    assert.deepEqual(productPreferenceOnLine(log, tenant), ONLINE_FIRST);
    // The hover on the consumer line leads with the standard reading, the tenant's with Exchange Online's.
    const hover = (line: number, text: string): string => {
      const result = getLanguageService().doHover(log, { line, character: text.indexOf('5.7.1 blocked') + 2 });
      return JSON.stringify(result?.contents);
    };
    assert.match(hover(0, consumer), /Delivery not authorized/);
    assert.match(hover(1, tenant), /Not authorized\\\\: permission/);
  });

  it('outlook.com as a mail domain is not Exchange Online; its servers and headers are', () => {
    const named = (header: string): readonly string[] => productPreference(email(lines('From: alice@example.org', header, '', 'Hello.')));
    assert.deepEqual(named('Subject: a question about bob@outlook.com'), []);
    assert.deepEqual(named('Received: from AM6PR01MB1234.eurprd01.prod.outlook.com (2603:10a6::1) by AM6PR01MB5678.eurprd01.prod.outlook.com'), ONLINE_FIRST);
    assert.deepEqual(named('X-MS-Exchange-Organization-SCL: 1'), SERVER_FIRST);
    assert.deepEqual(named('Subject: Undeliverable: RESOLVER.ADR.RecipNotFound'), SERVER_FIRST);
  });

  it('a bounce whose remote server is consumer Outlook.com: no Exchange Online reading in its problem (productsFor matched "outlook.com")', () => {
    const document = email(CONSUMER_REFUSAL);
    const analysis = analyzeBounce(CONSUMER_REFUSAL);
    const outcome = analysis.recipients[0]!;
    assert.deepEqual(productsFor(document, outcome), []);
    // Outlook.com's own reading of its S3150 leads: the sending network is blocked, the address is fine.
    assert.match(readRecipient(document, outcome).message, /^bob@hotmail\.com: 5\.7\.1 Outlook\.com blocks the sending network \(blocked, permanent, the address itself is fine\)\. Fix: sender's admin asks Outlook\.com's sender support/);
    // From an Exchange Online tenant the product reading leads.
    const tenant = email(TENANT_REFUSAL);
    const tenantOutcome = analyzeBounce(TENANT_REFUSAL).recipients[0]!;
    assert.deepEqual(productsFor(tenant, tenantOutcome), ONLINE_FIRST);
    assert.match(readRecipient(tenant, tenantOutcome).message, /^bob@contoso\.com: 5\.7\.1 not authorized: permission, relay or authentication/);
  });

  it('the report names the system that wrote it, not the remote server it quotes (REPORTERS read ".protection.outlook.com" as Exchange Online)', () => {
    assert.equal(analyzeBounce(CONSUMER_REFUSAL).reporter, 'Postfix');
    assert.equal(writerOf({ report: 'mailer-daemon@mx.example.net\nundeliverable\nhost contoso-com.mail.protection.outlook.com said' })?.name, 'Exchange Online');
  });

  it('Outlook.com\'s own reply facts still read its replies, and Microsoft 365 named in the reply links them too', () => {
    const outcome = analyzeBounce(CONSUMER_REFUSAL).recipients[0]!;
    assert.equal(outcome.reason, 'blocked');
    assert.match(outcome.reasonBasis, /^microsoft reply "part of their network is on our block list \(s3150\)"/);
    assert.deepEqual([...providersOf(['hotmail-com.olc.protection.outlook.com'], [])].sort(), ['microsoft', 'outlook']);
    // "Office 365" in the reply chose Exchange Online's readings but did not link the Microsoft facts.
    assert.deepEqual([...providersOf([], ['the address is unknown to office 365'])].sort(), ['microsoft', 'outlook']);
    assert.deepEqual([...providersOf(['mx.example.net'], ['user unknown'])], []);
  });

  it('a Microsoft link (aka.ms) links the Microsoft facts but chooses no product reading', () => {
    assert.deepEqual([...providersOf([], ['see https://aka.ms/ for help'])].sort(), ['microsoft', 'outlook']);
    assert.deepEqual(productsOf({ texts: ['550 5.7.1 see https://aka.ms/ for help'] }), []);
  });
});

// The lookups in the table of mail systems: which host names, marks and report openings belong to
// which system. Host names are the published MX and relay names (Microsoft 365's
// <domain>.mail.protection.outlook.com, Outlook.com's hotmail-com.olc.protection.outlook.com,
// Gmail's gmail-smtp-in.l.google.com); the texts are synthetic, in the words each system writes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasHost, hasMark, hasReportMark, mailSystem } from '../../server/src/knowledge/mailSystems';

describe('mail system lookups', () => {
  it('finds each system by its id', () => {
    assert.equal(mailSystem('gmail').name, 'Gmail');
    assert.equal(mailSystem('exchange-online').name, 'Exchange Online');
    assert.deepEqual(mailSystem('exchange-online').products, ['Exchange Online', 'Exchange Server']);
  });

  it('tells Microsoft 365 hosts from the consumer Outlook.com ones, in any case', () => {
    const online = mailSystem('exchange-online');
    const consumer = mailSystem('outlook-com');
    assert.equal(hasHost(online, 'contoso-com.mail.protection.outlook.com'), true);
    assert.equal(hasHost(online, 'CONTOSO-COM.MAIL.PROTECTION.OUTLOOK.COM'), true);
    assert.equal(hasHost(online, 'hotmail-com.olc.protection.outlook.com'), false);
    assert.equal(hasHost(consumer, 'hotmail-com.olc.protection.outlook.com'), true);
    assert.equal(hasHost(consumer, 'contoso-com.mail.protection.outlook.com'), false);
    assert.equal(hasHost(mailSystem('gmail'), 'gmail-smtp-in.l.google.com'), true);
    assert.equal(hasHost(mailSystem('gmail'), 'mx.example.org'), false);
  });

  it('answers no for a system with no host names, marks or report marks of that kind', () => {
    // Exchange Server runs on the customer's own hosts; Microsoft's company-wide marks name no report.
    assert.equal(hasHost(mailSystem('exchange-server'), 'mail.contoso.com'), false);
    assert.equal(hasMark(mailSystem('postfix'), 'postfix/smtp[123]: status=bounced'), false);
    assert.equal(hasReportMark(mailSystem('microsoft'), 'see aka.ms/exchangeonlinendrs'), false);
  });

  it('reads the marks of replies and the openings of reports', () => {
    assert.equal(hasMark(mailSystem('exchange-server'), 'Received: from ex01.contoso.com by ex02.contoso.com (Microsoft SMTP Server)'), true);
    assert.equal(hasMark(mailSystem('exchange-server'), '550 5.1.1 User unknown'), false);
    assert.equal(hasReportMark(mailSystem('exchange-online'), 'received: from am0pr01mb1234.eurprd01.prod.outlook.com'), true);
    assert.equal(hasReportMark(mailSystem('exchange-online'), 'this is the mail system at host mx.example.org'), false);
  });
});

// Who wrote a reply or a report, at the edges of the evidence: nothing named, a company's mark beside
// a service's, and each kind of evidence on its own. Synthetic evidence in the words and host names
// the systems write (Microsoft's aka.ms links, Exchange's "Microsoft SMTP Server" Received lines,
// Microsoft 365's <domain>.mail.protection.outlook.com).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { productsOf, writerOf, writersOf } from '../../server/src/analysis/writerOf';

describe('writerOf at the edges', () => {
  it('evidence that names no system names none', () => {
    const evidence = { hosts: ['mx.example.org', ''], texts: ['550 5.1.1 <bob@example.org>: user unknown'], report: 'this message could not be delivered' };
    assert.equal(writerOf(evidence), undefined);
    assert.deepEqual(writersOf(evidence), []);
    assert.deepEqual(productsOf(evidence), []);
  });

  it('each kind of evidence names a system on its own', () => {
    assert.equal(writerOf({ hosts: ['contoso-com.mail.protection.outlook.com'] })?.id, 'exchange-online');
    assert.equal(writerOf({ texts: ['Received: from EX01.contoso.com by EX02.contoso.com (Microsoft SMTP Server)'] })?.id, 'exchange-server');
    assert.equal(writerOf({ report: 'diagnostic information for administrators: generating server: ex01.contoso.com' })?.id, 'exchange-server');
  });

  it('a Microsoft link says who, not which service: the service beside it decides the products', () => {
    const texts = ['Received: from EX01.contoso.com by EX02.contoso.com (Microsoft SMTP Server)', 'See https://aka.ms/EXOSmtpErrors for help'];
    assert.deepEqual(productsOf({ texts }), ['Exchange Server', 'Exchange Online']);
    assert.deepEqual(productsOf({ texts: [texts[1]!] }), [], 'the link alone names no product');
    assert.ok(writersOf({ texts }).some((system) => system.id === 'microsoft'), 'the company is still named');
  });
});

// The editor features of e-mail documents, through the language service: problems per recipient,
// header hovers (codes keep theirs), hop and authentication hints, and the bounce summary.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Diagnostic, DiagnosticSeverity, type Hover } from 'vscode-languageserver-types';
import { normalize } from '../../server/src/handlers/settings';
import { defaultSettings, getLanguageService, type LanguageSettings } from '../../server/src/languageService';
import { unescapeMarkdown } from '../support/markdownText.mjs';
import { repoRoot } from '../support/shared';

const service = getLanguageService();
const fixture = readFileSync(join(repoRoot, 'test/e2e/fixtures/bounce-exchange-online.eml'), 'utf8');
const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);
const email = (text: string, version = 1): TextDocument => TextDocument.create(`file:///t${version}.eml`, 'email', version, text);

function hoverAt(document: TextDocument, needle: string, offset = 0, nth = 0): string | undefined {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = document.getText().indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not in the document`);
  const hover: Hover | null = service.doHover(document, document.positionAt(at + offset));
  return hover ? unescapeMarkdown((hover.contents as { value: string }).value) : undefined;
}

const headers = [
  'Return-Path: <alice@contoso.com>',
  'Received: from mx.fabrikam.example (mx.fabrikam.example [192.0.2.50])',
  '\tby inbox.contoso.com with ESMTPS id X1; Mon, 23 Nov 2026 09:30:00 +0000',
  'Received: from out.contoso.com (out.contoso.com [198.51.100.2]) by mx.fabrikam.example with ESMTP id X0; Mon, 23 Nov 2026 09:14:10 +0000',
  'Authentication-Results: inbox.contoso.com; spf=pass smtp.mailfrom=contoso.com; dkim=fail (bad signature) header.d=contoso.com;',
  ' dmarc=fail action=quarantine header.from=contoso.com',
  'Received-SPF: Pass (protection.outlook.com: domain of contoso.com designates 198.51.100.2 as permitted sender)',
  'DKIM-Signature: v=1; a=rsa-sha256; d=contoso.com; s=selector1; h=From:To:Subject; bh=abc=; b=def=',
  'ARC-Seal: i=1; a=rsa-sha256; cv=none; d=fabrikam.example; s=arc; b=xyz',
  'X-MS-Exchange-Organization-SCL: 5',
  'X-MS-Exchange-Organization-AuthAs: Anonymous',
  'X-Forefront-Antispam-Report: CIP:198.51.100.2;CTRY:NL;LANG:en;SCL:5;SRV:;IPV:NLI;SFV:SPM;H:out.contoso.com;PTR:out.contoso.com;CAT:SPM;SFS:(13230040)(4636009);DIR:INB;SFTY:9.19;',
  'X-Microsoft-Antispam: BCL:8;',
  'Auto-Submitted: no',
  'Date: Mon, 23 Nov 2026 09:14:00 +0000',
  'From: Alice <alice@contoso.com>',
  'To: bob@contoso.com',
  'Subject: quarterly numbers',
  '',
  'Hello Bob, see you at 10.5.1.1 or status 5.1.1 tomorrow.',
].join('\r\n');

describe('problems in e-mail documents', () => {
  it('one per failed recipient, on its Status line, with the reason, the bounce type and the fix', async () => {
    const document = email(fixture);
    const diagnostics = await service.doValidation(document);
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.severity, document.getText(d.range), d.code]), [
      [41, DiagnosticSeverity.Error, '5.1.10', '5.1.10'],
      [46, DiagnosticSeverity.Error, '5.7.509', '5.7.509'],
    ]);
    assert.equal(messageOf(diagnostics[0]!), 'bob@fabrikam.com: 5.1.10 recipient not found by SMTP address lookup (userunknown, hard bounce). Fix: sender checks the address');
    assert.match(messageOf(diagnostics[1]!), /^carol@northwind\.example: 5\.7\.509 DMARC failed .*\(authfailure, permanent, the address itself is fine\)\. Fix: sender's admin fixes SPF, DKIM or DMARC/);
    assert.ok(diagnostics.every((d) => d.source === 'Mailflow Lens'));
  });

  it('a warning for a delayed recipient, information for a delivered one, and the Status conflict in the message', async () => {
    const text = [
      'From: MAILER-DAEMON@relay.example.org', 'Subject: Delivery Status Notification (Delay)',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="z"', '', '--z', 'Content-Type: message/delivery-status', '',
      'Reporting-MTA: dns; relay.example.org', '',
      'Final-Recipient: rfc822; vic@example.net', 'Action: delayed', 'Status: 4.0.0', 'Diagnostic-Code: smtp; 452 4.2.2 Mailbox over quota', '',
      'Final-Recipient: rfc822; wes@example.net', 'Action: delivered', 'Status: 2.0.0', '--z--',
    ].join('\n');
    const document = email(text);
    const diagnostics = await service.doValidation(document);
    assert.deepEqual(diagnostics.map((d) => [d.severity, document.getText(d.range)]), [[DiagnosticSeverity.Warning, '4.2.2'], [DiagnosticSeverity.Information, '2.0.0']]);
    assert.match(messageOf(diagnostics[0]!), /^vic@example\.net: 4\.2\.2 .*\(mailboxfull, delayed, still retrying\)\. Fix: .* Note: The Status field says 4\.0\.0 but the diagnostic text says 4\.2\.2; 4\.2\.2 is kept as the more specific\.$/);
    assert.match(messageOf(diagnostics[1]!), /^wes@example\.net: 2\.0\.0 .*\(delivered\)$/);
  });

  it('a bare x.0.0 status is described by the reason the reply gives', async () => {
    const text = ['From: MAILER-DAEMON@mx.example.org', 'Subject: Undelivered Mail Returned to Sender', 'Content-Type: multipart/report; report-type=delivery-status; boundary="q"', '',
      '--q', 'Content-Type: message/delivery-status', '', 'Final-Recipient: rfc822; yan@example.net', 'Action: failed', 'Status: 5.0.0',
      'Diagnostic-Code: smtp; 550 Mailbox is full', '--q--'].join('\n');
    const [diagnostic] = await service.doValidation(email(text));
    assert.equal(messageOf(diagnostic!), 'yan@example.net: 5.0.0 mailbox full (mailboxfull, permanent, the address itself is fine). Fix: recipient frees space or their admin raises the quota');
  });

  it('no failure problems for ordinary mail, even when it mentions codes', async () => {
    assert.deepEqual(await service.doValidation(email(headers)), []);
  });

  it('respects maxProblems and the enable switch', async () => {
    const many = ['From: MAILER-DAEMON@mx.example.org', 'Subject: Undelivered Mail Returned to Sender', '',
      ...Array.from({ length: 5 }, (_, i) => `<u${i}@example.com>: host mx.example.com[192.0.2.1] said: 550 5.1.1 User unknown`)].join('\n');
    const settings: LanguageSettings = { ...defaultSettings, diagnostics: { enable: true, maxProblems: 3 } };
    const diagnostics = await service.doValidation(email(many), settings);
    assert.equal(diagnostics.length, 4);
    assert.match(messageOf(diagnostics[3]!), /^2 more problems not shown/);
    assert.deepEqual(await service.doValidation(email(many), { ...defaultSettings, diagnostics: { enable: false, maxProblems: 3 } }), []);
  });
});

describe('header hovers', () => {
  const document = email(headers);

  it('Received, with this hop\'s delay and the whole path', () => {
    const text = hoverAt(document, 'Received:', 2)!;
    assert.match(text, /\*\*Received\*\*/);
    assert.match(text, /Hop 2 of 2/);
    assert.match(text, /This hop took \*\*15 min 50 s\*\* \(since the previous hop\)/);
    assert.match(text, /Whole path: 15 min 50 s/);
    assert.match(hoverAt(document, 'Received:', 2, 1)!, /Hop 1 of 2[\s\S]*This hop took \*\*10 s\*\* \(since the Date header\)/);
  });

  it('Authentication-Results: the header with every verdict, or one verdict under the cursor', () => {
    const whole = hoverAt(document, 'Authentication-Results', 3)!;
    assert.match(whole, /RFC 8601/);
    assert.match(whole, /`dkim=fail` ⚠/);
    assert.match(whole, /`spf=pass`: the check succeeded/);
    const dmarc = hoverAt(document, 'dmarc=fail', 2)!;
    assert.match(dmarc, /^\*\*dmarc=fail\*\* ⚠/);
    assert.match(dmarc, /DMARC: did SPF or DKIM pass/);
    assert.doesNotMatch(hoverAt(document, 'bad signature', 2) ?? '', /bad=/);
  });

  it('Received-SPF, DKIM-Signature, ARC-Seal, Return-Path and Auto-Submitted', () => {
    assert.match(hoverAt(document, 'Received-SPF', 1)!, /`spf=pass`/);
    assert.match(hoverAt(document, 'DKIM-Signature', 1)!, /_domainkey/);
    assert.match(hoverAt(document, 'ARC-Seal', 1)!, /cv=/);
    assert.match(hoverAt(document, 'Return-Path', 1)!, /envelope sender/);
    assert.match(hoverAt(document, 'Auto-Submitted: no', 16)!, /`no`: Written by a person/);
  });

  it('the Exchange organisation headers: SCL with its value, AuthAs with its value', () => {
    assert.match(hoverAt(document, 'X-MS-Exchange-Organization-SCL', 3)!, /SCL 5: spam/);
    assert.match(hoverAt(document, 'X-MS-Exchange-Organization-AuthAs', 3)!, /`anonymous`: Not authenticated/);
  });

  it('X-Forefront-Antispam-Report key by key, and BCL in X-Microsoft-Antispam', () => {
    const expected: [string, RegExp][] = [
      ['CIP:', /connecting IP/], ['CTRY:', /country/], ['LANG:', /language/], ['SCL:5', /spam confidence level[\s\S]*spam: delivered to Junk/],
      ['SRV:', /bulk/], ['IPV:NLI', /on no reputation list/], ['SFV:SPM', /Value `SPM`: spam/], ['H:out', /HELO\/EHLO/],
      ['PTR:', /reverse DNS/], ['CAT:SPM', /Value `SPM`: spam/], ['SFS:', /spam filter rules/], ['SFTY:', /safety tip/],
    ];
    for (const [needle, pattern] of expected) assert.match(hoverAt(document, needle, 1) ?? '(no hover)', pattern, needle);
    assert.match(hoverAt(document, 'BCL:8', 1)!, /bulk complaint level[\s\S]*many complaints/);
    assert.match(hoverAt(document, 'X-Forefront-Antispam-Report', 2)!, /KEY:value/);
  });

  it('the delivery-status fields, and status codes keep their own hover', () => {
    const report = email(fixture);
    assert.match(hoverAt(report, 'Reporting-MTA', 1)!, /wrote this delivery report/);
    assert.match(hoverAt(report, 'Final-Recipient', 1)!, /finally tried/);
    assert.match(hoverAt(report, 'Action: failed', 10)!, /`failed`: Delivery failed/);
    assert.match(hoverAt(report, 'Diagnostic-Code', 1)!, /remote server's own reply/);
    assert.match(hoverAt(report, 'Remote-MTA', 1)!, /answered with the Diagnostic-Code/);
    assert.match(hoverAt(report, 'Status: 5.1.10', 1)!, /enhanced status code/);
    const onCode = hoverAt(report, 'Status: 5.1.10', 9)!;
    assert.match(onCode, /5\.1\.10/);
    assert.doesNotMatch(onCode, /\*\*Status\*\*/);
  });

  it('headers are read as parsed: a returned header in a quoted-printable part is decoded and whole across soft line breaks', () => {
    // Synthetic: a text report that returns the original's headers quoted-printable encoded.
    const returned = email([
      'From: MAILER-DAEMON@mx.example.net',
      'To: alice@example.org',
      'Subject: Undeliverable: hello',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'Delivery to bob@example.com failed: 550 5.1.1 user unknown',
      '--b1',
      'Content-Type: text/rfc822-headers',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Authentication-Results: mx.example.com; spf=3Dpass smtp.mailfrom=3Dexample.o=',
      'rg; dkim=3Dfail (bad signature)',
      ' header.d=3Dexample.org; dmarc=3Dfail action=3Dnone',
      'From: alice@example.org',
      'To: bob@example.com',
      '--b1--',
    ].join('\r\n'));
    const whole = hoverAt(returned, 'Authentication-Results', 3)!;
    assert.match(whole, /`spf=pass`: the check succeeded/);
    assert.match(whole, /`dkim=fail` ⚠/);
    const at = returned.getText().indexOf('mx.example.com;');
    const range = service.doHover(returned, returned.positionAt(at + 3))!.range!;
    // The value, to the end of its last folded line, across the soft break.
    assert.deepEqual(range.start, returned.positionAt(at));
    assert.deepEqual(range.end, returned.positionAt(returned.getText().indexOf('=3Dnone') + 7));
  });

  it('no header hover in a message body, and none on an IP address', () => {
    assert.equal(hoverAt(document, 'Hello Bob', 2), undefined);
    assert.equal(hoverAt(document, '10.5.1.1', 2), undefined);
  });
});

describe('hop and authentication hints', () => {
  it('one per Received header with the hop delay and the total, flagging slow hops by the setting', () => {
    const document = email(headers);
    const hints = service.getInlayHints(document);
    const labels = hints.map((h) => [h.position.line, h.label]);
    assert.deepEqual(labels, [
      [1, '⏱ +15 min 50 s · 15 min 50 s in all ⚠ slow hop'],
      [3, '⏱ +10 s after Date'],
      [4, '⚠ dkim=fail, dmarc=fail'],
    ]);
    assert.equal(hints[0]!.position.character, document.getText({ start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }).trimEnd().length);
    const relaxed: LanguageSettings = { ...defaultSettings, hops: { slowHopSeconds: 3600 } };
    assert.equal(service.getInlayHints(document, undefined, relaxed)[0]!.label, '⏱ +15 min 50 s · 15 min 50 s in all');
    assert.deepEqual(service.getInlayHints(document, { start: { line: 3, character: 0 }, end: { line: 3, character: 200 } }).map((h) => h.position.line), [3]);
  });

  it('flags clock skew and leaves other languages alone', () => {
    const skewed = ['Received: from b by c; Mon, 23 Nov 2026 09:00:00 +0000', 'Received: from a by b; Mon, 23 Nov 2026 09:05:00 +0000', '', 'x'].join('\n');
    // assert.match fails on anything but a string, so a label of parts fails here too.
    assert.match(service.getInlayHints(email(skewed))[0]!.label as string, /−5 min .*⚠ clock skew/);
    assert.deepEqual(service.getInlayHints(TextDocument.create('file:///x.log', 'log', 1, skewed)), []);
  });

  it('the slow-hop threshold setting is read from user JSON with a safe default', () => {
    assert.equal(normalize({ hops: { slowHopSeconds: 42 } }).hops?.slowHopSeconds, 42);
    // Out of range is clamped to the declared minimum (issue #10 item 6); not a number keeps the default.
    assert.equal(normalize({ hops: { slowHopSeconds: -1 } }).hops?.slowHopSeconds, 0);
    assert.equal(normalize({ hops: { slowHopSeconds: 'slow' } }).hops?.slowHopSeconds, defaultSettings.hops?.slowHopSeconds);
    assert.equal(defaultSettings.hops?.slowHopSeconds, 300);
  });
});

describe('the "Explain this bounce" summary', () => {
  it('says who failed, why, who must fix it, what to do, and shows the path', () => {
    const result = service.explainBounce(email(fixture))!;
    assert.equal(result.title, 'Bounce: 2 recipients failed');
    const md = unescapeMarkdown(result.markdown);
    assert.match(md, /^# Bounce: 2 recipients failed/);
    assert.match(md, /written by \*\*Exchange Online\*\*/);
    assert.match(md, /\| bob@fabrikam\.com \| failed \| 550 5\.1\.10 \| userunknown \| hard \| the sender, the recipient's admin \|/);
    assert.match(md, /### carol@northwind\.example \(failed\)/);
    assert.match(md, /\*\*Who must fix it:\*\* the sender's admin/);
    assert.match(md, /\*\*What to do:\*\* sender's admin fixes SPF, DKIM or DMARC/);
    assert.match(md, /\*\*Remote server:\*\* mx1\.northwind\.example/);
    assert.match(md, /## The returned message[\s\S]*\*\*Subject:\*\* Q4 forecast/);
    assert.match(md, /## Path of the returned message/);
    // No colours or HTML: the same Markdown reads in light and dark themes.
    assert.doesNotMatch(md, /<span|<font|style=|#[0-9a-f]{6}\b/i);
  });

  it('explains an ordinary message as not a bounce, with its path and authentication', () => {
    const md = unescapeMarkdown(service.explainBounce(email(headers))!.markdown);
    assert.match(md, /^# Message: not a bounce/);
    assert.match(md, /## Path of this message[\s\S]*\| 2 \| mx\.fabrikam\.example \[192\.0\.2\.50\] \| inbox\.contoso\.com \| 2026-11-23 09:30:00 \| \+15 min 50 s · 15 min 50 s in all ⚠ slow hop \|/);
    assert.match(md, /⚠ `dmarc=fail`/);
  });
});

// Hover through the pure language service, on in-memory documents.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { renderMarkdown } from '../../server/src/modes/shared/renderMarkdown';
import { unescapeMarkdown } from '../support/markdownText.mjs';
import { renderPlainText } from '../../server/src/modes/shared/renderPlainText';
import { explainReply } from '../../server/src/analysis/replyExplanation';
import { defaultSettings, getLanguageService, type LanguageSettings } from '../../server/src/languageService';

const service = getLanguageService();
const brief: LanguageSettings = { ...defaultSettings, hover: { detail: 'brief' } };

/** Hovers the first occurrence of `needle` (plus `offset` characters) in `text`. */
function hoverAt(text: string, needle: string, offset = 0, settings = defaultSettings, languageId = 'plaintext'): Hover | null {
  const document = TextDocument.create('file:///test.txt', languageId, 1, text);
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} not in text`);
  return service.doHover(document, document.positionAt(at + offset), settings);
}

const raw = (hover: Hover | null): string => (hover!.contents as MarkupContent).value;
/** The hover as a reader sees its words: Markdown escapes removed, markup kept. */
const markdown = (hover: Hover | null): string => unescapeMarkdown(raw(hover));

describe('hover', () => {
  it('explains an enhanced code: title, permanence, decoded class/subject/detail, meaning, causes, fixes, actors, sources', () => {
    const value = markdown(hoverAt('Status: 5.1.1 (permanent failure)', '5.1.1', 2));
    assert.match(value, /^\*\*5\.1\.1: Bad destination mailbox address\*\* · permanent \(do not retry\)/);
    assert.match(value, /Class 5: permanent failure/i);
    assert.match(value, /Subject 1: address/i);
    assert.match(value, /Detail 1: bad destination mailbox address/i);
    for (const part of ['Likely causes', 'What to do', 'Who must act', 'Sources', 'RFC 3463', 'Exchange Server', 'Exchange Online']) {
      assert.ok(value.includes(part), `missing ${part}`);
    }
  });

  it('explains reply, enhanced code and transport string together, with one range', () => {
    const line = '#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##';
    const hover = hoverAt(line, 'RESOLVER', 3);
    assert.deepEqual(hover!.range, { start: { line: 0, character: 1 }, end: { line: 0, character: 37 } });
    const value = markdown(hover);
    assert.ok(value.includes('Transport status RESOLVER.ADR.RecipNotFound'));
    assert.ok(value.includes('SMTP reply 550'));
    assert.ok(value.includes('Standard meaning of X.1.1'));
  });

  it('the same hover appears on each part of a reply', () => {
    const line = "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found'";
    const onBasic = markdown(hoverAt(line, '550', 1));
    // The one hover explains the three parts of the reply: RFC 5321's 550, the IANA registry's
    // X.1.10 (RFC 7505: recipient address has null MX) and Exchange's transport string.
    assert.match(onBasic, /^\*\*550 5\.1\.10 RESOLVER\.ADR\.RecipientNotFound/);
    assert.match(onBasic, /permanent/);
    assert.match(onBasic, /SMTP reply 550/);
    assert.match(onBasic, /Standard meaning of X\.1\.10: [^\n]*null MX/i);
    assert.match(onBasic, /Transport status RESOLVER\.ADR\.RecipientNotFound/);
    assert.equal(markdown(hoverAt(line, '5.1.10', 4)), onBasic);
    assert.equal(markdown(hoverAt(line, 'RESOLVER', 0)), onBasic);
  });

  it('a vendor meaning that differs from the RFC is shown beside it, each labelled', () => {
    const value = markdown(hoverAt('550 5.2.2 Submission quota exceeded', '5.2.2'));
    assert.match(value, /Standard meaning of X\.2\.2: Mailbox full/i);
    assert.match(value, /Exchange Online: 5\.2\.2/);
  });

  it('an Exchange-only three-digit detail still decodes and says the detail is not registered', () => {
    const value = markdown(hoverAt('550 5.7.509 Access denied', '5.7.509'));
    assert.match(value, /Detail 509: not registered with IANA/);
    assert.match(value, /Exchange Online: 5\.7\.509/);
  });

  it('an unregistered code of valid shape decodes its class and subject and says so plainly', () => {
    const value = markdown(hoverAt('Status: 4.6.99', '4.6.99'));
    assert.match(value, /\*\*4\.6\.99: /);
    assert.match(value, /transient/);
    assert.match(value, /Class 4: persistent transient failure/i);
    assert.match(value, /Subject 6: /);
    assert.match(value, /not in the IANA registry/);
  });

  it('a code inside a Microsoft range resolves to the range entry', () => {
    const value = markdown(hoverAt('550 5.7.620 Access denied, banned sending IP', '5.7.620'));
    assert.match(value, /Covers the range 5\.7\.606-649/);
  });

  it('a basic code next to a transient enhanced code', () => {
    const value = markdown(hoverAt('451 4.7.500 Server busy', '451'));
    assert.match(value, /transient \(retry later\)/);
    assert.match(value, /4\.7\.500-699/);
  });

  it('in a document Exchange Online wrote, its own reading of a code leads; elsewhere the standard one does', () => {
    const ndr = 'Received: from AM9PR04MB8000.eurprd04.prod.outlook.com by x\nStatus: 5.1.10\n';
    const online = markdown(hoverAt(ndr, '5.1.10', 0, defaultSettings, 'email'));
    assert.match(online, /^\*\*5\.1\.10: Recipient not found/);
    assert.ok(online.indexOf('Exchange Online: 5.1.10') < online.indexOf('Standard meaning of X.1.10'));
    const plain = markdown(hoverAt('Status: 5.1.10\n', '5.1.10', 0, defaultSettings, 'email'));
    assert.ok(plain.indexOf('Standard meaning of X.1.10') < plain.indexOf('Exchange Online: 5.1.10'));
    assert.doesNotMatch(plain, /^\*\*5\.1\.10: Recipient not found/);
  });

  it('in an Exchange tracking log the Exchange Server reading leads', () => {
    const value = markdown(hoverAt('x,DEFER,"451 4.4.1 Connection timed out"', '4.4.1', 0, defaultSettings, 'exchange-tracking-log'));
    assert.ok(value.indexOf('Exchange Server: 4.4.1') < value.indexOf('Standard meaning of X.4.1'));
  });

  it('in a Postfix log, only a line that quotes Exchange gets Exchange readings first', () => {
    const log = [
      'Nov 23 09:20:14 mx1 postfix/smtp[2291]: 4F1A: to=<lee@fabrikam.com>, relay=fabrikam-com.mail.protection.outlook.com[52.101.68.10]:25, dsn=5.1.10, status=bounced (host fabrikam-com.mail.protection.outlook.com[52.101.68.10] said: 550 5.1.10 RESOLVER.ADR.RecipientNotFound; not found)',
      'Nov 23 09:25:40 mx1 postfix/smtp[2302]: 7C0D: to=<ops@slow.example>, relay=none, delay=1800, dsn=4.4.1, status=deferred (connect to mx.slow.example[198.51.100.9]:25: Connection timed out)',
    ].join('\n');
    const own = markdown(hoverAt(log, 'dsn=4.4.1', 5, defaultSettings, 'log'));
    assert.ok(own.indexOf('Standard meaning of X.4.1') < own.indexOf('Exchange Server: 4.4.1'));
    const quoted = markdown(hoverAt(log, 'dsn=5.1.10', 5, defaultSettings, 'log'));
    assert.ok(quoted.indexOf('Exchange Online: 5.1.10') < quoted.indexOf('Standard meaning of X.1.10'));
  });

  it('brief fits in one hover: no causes list and far shorter than full', () => {
    const line = 'Diagnostic-Code: smtp; 550 5.1.1 RESOLVER.ADR.RecipNotFound; not found';
    const full = markdown(hoverAt(line, '5.1.1'));
    const short = markdown(hoverAt(line, '5.1.1', 0, brief));
    assert.ok(!short.includes('Likely causes'));
    assert.match(short, /\*\*Do:\*\*/);
    assert.match(short, /\*\*Who must act:\*\*/);
    assert.ok(short.split('\n').length <= 20, `brief has ${short.split('\n').length} lines`);
    assert.ok(short.length * 3 < full.length);
  });

  it('escapes Markdown in data so placeholders such as <domain> show literally', () => {
    const value = raw(hoverAt('553 5.1.3 invalid address', '553'));
    assert.ok(value.includes('\\<domain\\>'));
    assert.ok(!/[^\\]<domain>/.test(value));
  });

  it('works in every language the hovers serve, and on later lines', () => {
    for (const languageId of ['email', 'exchange-tracking-log', 'exchange-protocol-log', 'log', 'plaintext']) {
      assert.ok(hoverAt('line one\nline two\n  550 5.7.1 Unable to relay\n', '5.7.1', 0, defaultSettings, languageId), languageId);
    }
  });

  it('no hover on traps: IPs, versions, byte counts, dates; nor off the code', () => {
    assert.equal(hoverAt('Received: from [10.5.1.1] by mx', '5.1.1'), null);
    assert.equal(hoverAt('#Version: 15.0.0.0', '5.0.0'), null);
    assert.equal(hoverAt('id 15.1.2507.39; Fri, 2 Sep 2016', '5.1.2'), null);
    assert.equal(hoverAt('Content-Length: 550', '550'), null);
    assert.equal(hoverAt('Status: 5.1.1 (permanent failure)', 'permanent'), null);
  });

  it('hover cost does not depend on line length: a code in a 5 MB line is found from a window', () => {
    const filler = 'x'.repeat(5_000_000);
    const text = `${filler} said: 550 5.1.1 user unknown ${filler}`;
    assert.match(markdown(hoverAt(text, '5.1.1')), /Bad destination mailbox address/);
  });

  it('honours cancellation', () => {
    const document = TextDocument.create('file:///c.txt', 'plaintext', 1, '550 5.1.1 x');
    assert.equal(service.doHover(document, { line: 0, character: 5 }, defaultSettings, { isCancellationRequested: true }), null);
  });
});

describe('the full hover and the command line say the same words', () => {
  it('every line of the plain-text explanation appears in the full hover', () => {
    const explanation = explainReply({ basic: '550', enhanced: '5.1.1', transport: 'RESOLVER.ADR.RecipNotFound' }, {})!;
    const plain = renderPlainText(explanation);
    // The plain text itself carries the facts of each source: RFC 3463's title for X.1.1, RFC 5321's
    // permanence of class 5, each product's reading and the transport string. The transport string
    // leads (issue #12: the reply's writer, words and transport string come before the bare code):
    // Microsoft documents RESOLVER.ADR.RecipNotFound as a recipient not found in the directory.
    assert.match(plain, /^550 5\.1\.1 RESOLVER\.ADR\.RecipNotFound: Recipient not found\b.* · permanent/);
    for (const heading of [/^Standard meaning of X\.1\.1: Bad destination mailbox address$/m, /^Exchange Server: 5\.1\.1: /m, /^Exchange Online: 5\.1\.1: /m,
      /^Transport status RESOLVER\.ADR\.RecipNotFound: /m, /^SMTP reply 550: /m]) assert.match(plain, heading);
    assert.match(plain, /RFC 3463/);
    const unescaped = renderMarkdown(explanation, 'full').value.replace(/\\(.)/g, '$1').replace(/\*/g, '');
    for (const line of plain.split('\n')) {
      const words = line.trim().replace(/^(- |! )/, '');
      if (words) assert.ok(unescaped.includes(words.replace(/^(Likely causes|What to do):$/, '$1')), `hover lacks: ${words}`);
    }
  });
});

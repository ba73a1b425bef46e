// A text read in parts (the command line) gets exactly the problems the editor gives the whole
// document, wherever the parts are cut; and every family fills the structured fields it knows.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { defaultSettings, getLanguageService, type LanguageSettings } from '../../server/src/languageService';
import { trackingFieldsByVersion } from '../../server/src/knowledge/data/exchangeLogFormats';
import { ExchangeLogParts } from '../../server/src/formats/exchangeLogParts';
import { readShared } from '../support/shared';

const service = getLanguageService();
const SETTINGS: LanguageSettings = { ...defaultSettings, diagnostics: { ...defaultSettings.diagnostics, maxProblems: 1_000_000 } };
const FIXTURE = readFileSync('test/e2e/fixtures/MSGTRK20261123-1.LOG', 'utf8');
const RECV = readFileSync('test/e2e/fixtures/RECV2026112310-1.LOG', 'utf8');
/** Synthetic pasted text (no log the families claim): replies in the shapes mail software writes them. */
const PASTED = [
  'Delivery has failed to these recipients or groups:',
  "Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'",
  '550-5.1.1 The email account that you tried to reach does not exist.\r',
  '550 5.1.1 https://support.google.com/mail/?p=NoSuchUser',
  `${'x'.repeat(5000)} then 452 4.2.2 Mailbox full`,
  '<bob@example.org>: host mx.example.org[192.0.2.1] said: 451 4.7.1 Try again later',
  '',
].join('\n');

function row30(values: Record<string, string>): string {
  const defaults: Record<string, string> = { 'date-time': '2026-11-23T10:00:00.000Z', 'source': 'SMTP', 'event-id': 'RECEIVE', 'message-id': '<m1@contoso.com>' };
  return trackingFieldsByVersion['2016'].map((name) => values[name] ?? defaults[name] ?? '').join(',');
}

/** Synthetic: every kind of row the rules look at, with the awkward shapes a cut could split. */
const HEAD = FIXTURE.split('\n').slice(0, 5).join('\n');
const SYNTHETIC = [
  'no,fields,yet',
  HEAD,
  row30({ 'event-id': 'FAIL', 'recipient-address': 'a@x.example;b@x.example', 'recipient-status': '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found;452 4.2.2 full', 'internal-message-id': '42' }),
  row30({ 'event-id': 'DEFER', 'recipient-address': 'c@x.example', 'recipient-status': '"451 4.4.0 ""quoted"", then\r\nmore"' }),
  row30({ 'event-id': 'DSN', 'reference': '<orig@contoso.com>', 'recipient-address': 'sender@contoso.com' }),
  row30({ 'date-time': '2026-13-01T00:00:00Z', 'event-id': 'POISONMESSAGE' }),
  row30({ 'event-id': 'NOSUCHEVENT' }),
  row30({ 'event-id': 'BADMAIL', 'message-subject': '"never closed' }),
  'a,short,row',
  row30({ 'event-id': 'RECEIVE' }),
  HEAD,
  row30({ 'event-id': 'FAIL', 'recipient-address': 'd@x.example', 'recipient-status': '554 5.4.14 Hop count exceeded' }),
].join('\r\n');

async function whole(text: string, languageId: string): Promise<Diagnostic[]> {
  return service.doValidation(TextDocument.create('file:///t', languageId, 1, text), SETTINGS);
}

function streamed(text: string, languageId: string, cuts: (i: number) => number): Diagnostic[] {
  const stream = service.streamValidation(TextDocument.create('file:///t', languageId, 1, text.slice(0, 65536)), SETTINGS);
  assert.ok(stream, `${languageId} reads in parts`);
  const out: Diagnostic[] = [];
  for (let at = 0, i = 0; at < text.length; i++) {
    const next = Math.min(text.length, at + cuts(i));
    out.push(...stream.push(text.slice(at, next)));
    at = next;
  }
  out.push(...stream.finish());
  return out;
}

const CUTTINGS: [string, (i: number) => number][] = [
  ['one piece', () => 1 << 30],
  ['one character at a time', () => 1],
  ['7 characters', () => 7],
  ['varying sizes', (i) => 1 + ((i * 7919) % 613)],
];

describe('problems of a text read in parts', () => {
  for (const [name, text, language] of [
    ['synthetic tracking log', SYNTHETIC, 'exchange-tracking-log'],
    ['tracking log fixture', FIXTURE, 'exchange-tracking-log'],
    ['protocol log fixture', RECV, 'exchange-protocol-log'],
    ['pasted text read for status codes', PASTED, 'plaintext'],
  ] as const) {
    it(`${name}: the same problems as the whole document, however it is cut`, async () => {
      const expected = await whole(text, language);
      assert.ok(expected.length >= 1, `${name} has problems to compare`);
      for (const [cutting, cuts] of CUTTINGS) assert.deepEqual(streamed(text, language, cuts), expected, cutting);
    });
  }

  it('a part ends only before a line that starts a record, and the header carries over', () => {
    const parts = new ExchangeLogParts('tracking');
    const first = parts.push(`${HEAD}\n${row30({ 'event-id': 'FAIL' })}\n2026-11-23T1`);
    assert.ok(first);
    assert.equal(first.rows.length, 1);
    assert.equal(parts.push('0:00:00.000Z,tail'), undefined);
    const last = parts.finish()!;
    assert.equal(last.rows.length, 1);
    assert.equal(last.rows[0]!.line, 6);
    assert.equal(last.rows[0]!.schema.names.length, 30, 'the #Fields of the part before');
  });

  it('a line without a record start is cut at the bound instead of held whole', () => {
    const parts = new ExchangeLogParts('tracking', 1000);
    assert.equal(parts.push('x'.repeat(600)), undefined);
    const log = parts.push('y'.repeat(600));
    assert.ok(log, 'cut once 1,200 characters are held');
    assert.equal(log.text.length, 1200);
  });

  it('held text at the bound is cut after its last line break, LF or a lone CR, and held no longer at exactly the bound', () => {
    const afterLf = new ExchangeLogParts('tracking', 1000);
    assert.equal(afterLf.push(`${'x'.repeat(600)}\n${'y'.repeat(300)}`), undefined);
    assert.equal(afterLf.push('z'.repeat(200))?.text, `${'x'.repeat(600)}\n`);
    assert.equal(afterLf.finish()?.text, `${'y'.repeat(300)}${'z'.repeat(200)}`);
    const afterCr = new ExchangeLogParts('tracking', 1000);
    assert.equal(afterCr.push(`${'x'.repeat(600)}\r${'y'.repeat(600)}`)?.text, `${'x'.repeat(600)}\r`);
    // A CR as the last character may be half of a CRLF: not a line start yet, so the whole is cut.
    const crAtEnd = new ExchangeLogParts('tracking', 1000);
    assert.equal(crAtEnd.push(`${'x'.repeat(500)}\n${'y'.repeat(500)}\r`)?.text.length, 501);
    const breakFirst = new ExchangeLogParts('tracking', 1000);
    assert.equal(breakFirst.push(`\n${'x'.repeat(1000)}`)?.text, '\n');
    const atBound = new ExchangeLogParts('tracking', 1000);
    assert.equal(atBound.push('x'.repeat(1000))?.text.length, 1000);
  });

  it('a record start completed by the next piece cuts the held text there', () => {
    const parts = new ExchangeLogParts('tracking');
    // The line break is one character before the held text's last RECORD_START_SPAN (11): the earliest
    // place the next piece can complete a record start the held text could not show whole.
    assert.equal(parts.push('ab\n2026-11-23'), undefined, 'the last line is not seen whole yet');
    assert.equal(parts.push('T10:00:01.000Z,tail')?.text, 'ab\n');
    assert.equal(parts.finish()?.text, '2026-11-23T10:00:01.000Z,tail');
  });

  it('finish gives what is held once, and nothing when nothing is held', () => {
    assert.equal(new ExchangeLogParts('tracking').finish(), undefined);
    const parts = new ExchangeLogParts('tracking');
    assert.equal(parts.push('no record start yet'), undefined);
    assert.equal(parts.finish()?.text, 'no record start yet');
    assert.equal(parts.finish(), undefined);
  });
});

describe('structured fields of problems (Diagnostic.data)', () => {
  it('a failed tracking-log recipient: recipient, codes, reason, hard bounce, who acts, ids and time', async () => {
    const fail = (await whole(SYNTHETIC, 'exchange-tracking-log')).find((d) => d.code === 'FAIL')!;
    assert.deepEqual(fail.data, {
      timestamp: '2026-11-23T10:00:00.000Z', messageid: 'm1@contoso.com', queueid: '42', outcome: 'failed',
      recipient: 'a@x.example', deliverystatus: '5.1.1', replycode: '550', transportstring: 'RESOLVER.ADR.RecipNotFound',
      diagnosticcode: '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found', hardbounce: true, whoacts: 'sender', reason: 'userunknown',
    });
  });

  it('a deferred recipient is not a hard bounce', async () => {
    const defer = (await whole(SYNTHETIC, 'exchange-tracking-log')).find((d) => d.code === 'DEFER')!;
    assert.equal((defer.data as { hardbounce?: boolean }).hardbounce, false);
    assert.equal((defer.data as { outcome?: string }).outcome, 'deferred');
  });

  it('a status code in plain text', async () => {
    const [problem] = await whole("Remote Server returned '550 5.1.1 User unknown'\n", 'plaintext');
    assert.deepEqual(problem!.data, {
      deliverystatus: '5.1.1', replycode: '550', diagnosticcode: "550 5.1.1 User unknown'", hardbounce: true, whoacts: 'sender', outcome: 'failed',
    });
  });

  it('a bounce recipient, with the names Sisimai uses', async () => {
    const text = readFileSync('test/e2e/fixtures/bounce-exchange-online.eml', 'utf8');
    const problems = await whole(text, 'email');
    const fields = problems.map((p) => p.data as Record<string, unknown>).find((d) => d?.['recipient']);
    assert.ok(fields, 'a recipient problem');
    for (const key of ['recipient', 'deliverystatus', 'reason', 'hardbounce', 'outcome']) assert.ok(key in fields, key);
    assert.match(String(fields['deliverystatus']), /^5\.\d+\.\d+$/);
  });
});

describe('a mail log read in parts', () => {
  const key = (d: Diagnostic) => JSON.stringify([d.range, d.code, d.message, d.data]);
  for (const [name, text] of [
    ['the mail-log fixture', readFileSync('test/e2e/fixtures/mail.log', 'utf8')],
    ['the Postfix sample', readFileSync('samples/postfix-mail.log', 'utf8')],
    ['real Postfix lines (corpus)', readShared('corpus/unix-mail-logs/crowdsec-hub/postfix-logs.log')],
    ['real Exim lines (corpus)', readShared('corpus/unix-mail-logs/exim_exporter/mainlog')],
  ] as const) {
    it(`${name}: the editor's problems (in the order messages end), however it is cut`, async () => {
      const expected = (await whole(text, 'mail-log')).map(key).sort();
      assert.ok(expected.length >= 2);
      for (const [cutting, cuts] of CUTTINGS) assert.deepEqual(streamed(text, 'mail-log', cuts).map(key).sort(), expected, cutting);
    });
  }
});

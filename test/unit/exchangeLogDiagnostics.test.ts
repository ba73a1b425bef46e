// Problems in Exchange logs through the pure language service, on the fixtures, the corpus and hand-made logs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { defaultSettings, getLanguageService, type LanguageSettings } from '../../server/src/languageService';
import { trackingFieldsByVersion } from '../../server/src/knowledge/data/exchangeLogFormats';
import { readShared } from '../support/shared';

const service = getLanguageService();
const FIXTURE = readFileSync('test/e2e/fixtures/MSGTRK20261123-1.LOG', 'utf8');
const RECV = readFileSync('test/e2e/fixtures/RECV2026112310-1.LOG', 'utf8');
const HEAD30 = FIXTURE.split('\n').slice(0, 5).join('\n');
const PROTOCOL_HEAD = RECV.split('\n').slice(0, 5).join('\n');

function validate(text: string, languageId = 'exchange-tracking-log', settings: LanguageSettings = defaultSettings) {
  return service.doValidation(TextDocument.create('file:///MSGTRK.LOG', languageId, 1, text), settings);
}

function row30(values: Record<string, string>): string {
  const defaults: Record<string, string> = { 'date-time': '2026-11-23T10:00:00.000Z', 'source': 'SMTP', 'event-id': 'RECEIVE', 'message-id': '<m1@contoso.com>' };
  return trackingFieldsByVersion['2016'].map((name) => values[name] ?? defaults[name] ?? '').join(',');
}

/** The text a diagnostic covers, for single-line ranges. */
function covered(text: string, d: Diagnostic): string {
  const line = text.split(/\r?\n/)[d.range.start.line]!;
  assert.equal(d.range.end.line, d.range.start.line);
  return line.slice(d.range.start.character, d.range.end.character);
}

describe('tracking log problems', () => {
  it('the fixture: one error per failed recipient, a warning per deferred one, information on the DSN', async () => {
    const diagnostics = await validate(FIXTURE);
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.severity, d.code]), [
      [7, DiagnosticSeverity.Error, 'FAIL'],
      [8, DiagnosticSeverity.Information, 'DSN'],
      [10, DiagnosticSeverity.Warning, 'DEFER'],
    ]);
    const [fail, dsn, defer] = diagnostics;
    // The row's recipient and status, then what Microsoft documents RESOLVER.ADR.RecipNotFound as: no
    // object in the directory holds the address (exchange-transport-status-strings.tsv).
    assert.match(fail!.message as string, /^bob@fabrikam\.com: 550 5\.1\.1 RESOLVER\.ADR\.RecipNotFound: [^:]*\b(?:recipient|address)\b/i);
    assert.match(fail!.message as string, /\b(?:no object|not found|found no|does not exist|no mailbox, contact or group)\b/i);
    assert.equal(covered(FIXTURE, fail!), '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found');
    assert.equal(fail!.source, 'Mailflow Lens');
    assert.match(dsn!.message as string, /^DSN about <q4-forecast-81f2@contoso\.com>: notification <ndr-7c1e@EX02\.contoso\.com> sent to alex@contoso\.com$/);
    assert.equal(covered(FIXTURE, dsn!), '<q4-forecast-81f2@contoso.com>');
    // Exchange Online 4.4.316 (exchange-online-ndr-codes.tsv): the destination refused the connection; transient, so retried.
    assert.match(defer!.message as string, /^ops@slow\.example: 451 4\.4\.316: [^:]*\bconnection\b/i);
    assert.match(defer!.message as string, /\b(?:refused|turned down|timed out)\b/i);
    assert.equal(covered(FIXTURE, defer!), '451 4.4.316 Connection refused [Message=Socket error code 10061]');
  });

  it('a clean log has an empty Problems panel: the real Exchange 2010 and 2013 files', async () => {
    assert.deepEqual(await validate(readShared('corpus/exchange-logs/elastic-beats/bom8.log')), []);
    assert.deepEqual(await validate(readShared('corpus/exchange-logs/kinesis-agent-windows/exchange2013-message-tracking-sample.log')), []);
    assert.deepEqual(await validate(`${HEAD30}\n${row30({ 'event-id': 'DELIVER', 'recipient-address': 'a@contoso.com', 'recipient-status': '250 2.1.5 Recipient OK' })}\n`), []);
  });

  it('one error per failed recipient, each on its own status, and none for a recipient that succeeded', async () => {
    const row = row30({
      'event-id': 'FAIL',
      'recipient-address': 'a@x.example;b@x.example;c@x.example',
      'recipient-status': '"550 5.1.1 RESOLVER.ADR.RecipNotFound; not found;250 2.1.5 Recipient OK;554 5.4.14 Hop count exceeded - possible mail loop"',
    });
    const text = `${HEAD30}\n${row}`;
    const diagnostics = await validate(text);
    assert.deepEqual(diagnostics.map((d) => [covered(text, d).slice(0, 10), (d.message as string).split(':')[0]]), [
      ['550 5.1.1 ', 'a@x.example'], ['250 2.1.5 ', 'b@x.example'], ['554 5.4.14', 'c@x.example'],
    ]);
    assert.ok(diagnostics.every((d) => d.severity === DiagnosticSeverity.Error));
  });

  it('THROTTLE is a warning, POISONMESSAGE and BADMAIL errors naming the message', async () => {
    const text = [HEAD30,
      row30({ 'event-id': 'THROTTLE', 'source': 'SMTP' }),
      row30({ 'event-id': 'POISONMESSAGE', 'source': 'POISONMESSAGE', 'message-id': '<crash@contoso.com>' }),
      row30({ 'event-id': 'BADMAIL', 'source': 'PICKUP' }),
    ].join('\n');
    const diagnostics = await validate(text);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, covered(text, d)]), [
      ['THROTTLE', DiagnosticSeverity.Warning, 'THROTTLE'],
      ['POISONMESSAGE', DiagnosticSeverity.Error, 'POISONMESSAGE'],
      ['BADMAIL', DiagnosticSeverity.Error, 'BADMAIL'],
    ]);
    assert.match(diagnostics[1]!.message as string, /^POISONMESSAGE <crash@contoso\.com>: /);
  });

  it('malformed rows: the field count on the whole row, a bad timestamp, an unknown event', async () => {
    const short = '2026-11-23T10:00:00.000Z,10.0.0.1,,,,,,SMTP,FAIL,1,<x@y>,g';
    const text = [HEAD30, short, row30({ 'date-time': '2026-13-40T25:00:00Z' }), row30({ 'event-id': 'EXPLODE' })].join('\n');
    const diagnostics = await validate(text);
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.severity, d.code, d.message]), [
      [5, DiagnosticSeverity.Error, 'field-count', 'expected 30 fields, found 12'],
      [6, DiagnosticSeverity.Error, 'bad-timestamp', 'bad timestamp "2026-13-40T25:00:00Z": expected UTC time as yyyy-mm-ddThh:mm:ss.fffZ'],
      [7, DiagnosticSeverity.Warning, 'unknown-event', 'unknown event ID "EXPLODE"'],
    ]);
    assert.deepEqual(diagnostics[0]!.range, { start: { line: 5, character: 0 }, end: { line: 5, character: short.length } });
    assert.equal(covered(text, diagnostics[1]!), '2026-13-40T25:00:00Z');
    assert.equal(covered(text, diagnostics[2]!), 'EXPLODE');
  });

  it('data before any #Fields header is an error, once per header block', async () => {
    const rows = [row30({}), row30({})];
    const diagnostics = await validate(['#Software: Microsoft Exchange Server', '#Log-type: Message Tracking Log', ...rows].join('\n'));
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.code, 'missing-fields');
    assert.equal(diagnostics[0]!.severity, DiagnosticSeverity.Error);
    assert.equal(diagnostics[0]!.range.start.line, 2);
    assert.match(diagnostics[0]!.message as string, /no #Fields header/);
  });

  it('an unclosed quote is an error on its field, text after a closing quote a warning', async () => {
    // The unclosed quote comes last: by RFC 4180 any later quote would close it.
    const text = [HEAD30, row30({ 'message-subject': '"Re: x"tail' }), row30({ 'message-subject': '"never closed' })].join('\n');
    const diagnostics = await validate(text);
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.code]), [[5, 'text-after-quote'], [6, 'unterminated-quote'], [6, 'field-count']]);
    assert.equal(covered(text, diagnostics[0]!), '"Re: x"tail');
    assert.ok(covered(text, diagnostics[1]!).startsWith('"never closed,,,'));
    assert.equal(diagnostics[2]!.message, 'expected 30 fields, found 19');
  });

  it('caps the count at maxProblems and says how many more there were', async () => {
    const rows = Array.from({ length: 25 }, () => row30({ 'event-id': 'FAIL', 'recipient-address': 'a@x.example', 'recipient-status': '550 5.1.1 not found' }));
    const diagnostics = await validate([HEAD30, ...rows].join('\n'), 'exchange-tracking-log', { ...defaultSettings, diagnostics: { enable: true, maxProblems: 10 } });
    assert.equal(diagnostics.length, 11);
    assert.equal(diagnostics[10]!.severity, DiagnosticSeverity.Information);
    assert.equal(diagnostics[10]!.message, '15 more problems not shown (setting mailflowLens.diagnostics.maxProblems is 10)');
  });

  it('per-event severity overrides: off, raised, lowered, and unknown events too', async () => {
    const settings: LanguageSettings = { ...defaultSettings, diagnostics: { ...defaultSettings.diagnostics, eventSeverity: { DSN: 'off', agentinfo: 'hint', FAIL: 'warning', EXPLODE: 'off' } } };
    const text = [HEAD30,
      row30({ 'event-id': 'DSN', 'source': 'DSN', 'reference': '<orig@x>' }),
      row30({ 'event-id': 'AGENTINFO', 'source': 'AGENT' }),
      row30({ 'event-id': 'FAIL', 'recipient-address': 'a@x.example', 'recipient-status': '550 5.1.1 not found' }),
      row30({ 'event-id': 'EXPLODE' }),
    ].join('\n');
    const diagnostics = await validate(text, 'exchange-tracking-log', settings);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['AGENTINFO', DiagnosticSeverity.Hint], ['FAIL', DiagnosticSeverity.Warning]]);
  });

  it('can be switched off, and stops when cancelled', async () => {
    assert.deepEqual(await validate(FIXTURE, 'exchange-tracking-log', { ...defaultSettings, diagnostics: { enable: false, maxProblems: 10 } }), []);
    const rows = Array.from({ length: 12_000 }, () => row30({ 'event-id': 'FAIL', 'recipient-address': 'a@x.example', 'recipient-status': '550 5.1.1 x' }));
    const document = TextDocument.create('file:///big.LOG', 'exchange-tracking-log', 1, [HEAD30, ...rows].join('\n'));
    let yields = 0;
    const token = { get isCancellationRequested() { return yields > 0; } };
    const cancelling = getLanguageService({ yieldControl: async () => { yields++; } });
    assert.deepEqual(await cancelling.doValidation(document, defaultSettings, token), []);
    assert.equal(yields, 1);
  });

  it('reads a tracking log by its #Log-type even when opened as a protocol log', async () => {
    const diagnostics = await validate(FIXTURE, 'exchange-protocol-log');
    assert.deepEqual(diagnostics.map((d) => d.code), ['FAIL', 'DSN', 'DEFER']);
  });
});

describe('protocol log problems', () => {
  const line = (seq: number, event: string, data: string, context = '') =>
    `2026-11-23T10:00:00.${String(100 + seq)}Z,EX01\\Default Frontend EX01,08DE2B1C4A7F5009,${seq},10.0.0.5:25,203.0.113.9:51234,${event},${data},${context}`;

  it('the fixture: the 550 this server sent is an error on the reply, nothing else', async () => {
    const diagnostics = await validate(RECV, 'exchange-protocol-log');
    assert.equal(diagnostics.length, 1);
    const [reply] = diagnostics;
    assert.equal(reply!.severity, DiagnosticSeverity.Error);
    assert.equal(covered(RECV, reply!), '550 5.7.1 Unable to relay');
    // RFC 3463 X.7.1: delivery not authorized, message refused (here Exchange refusing to relay).
    assert.match(reply!.message as string, /^550 5\.7\.1: .*\b(?:relay|not authori[sz]ed|permission)/i);
    assert.match(reply!.message as string, / \(reply sent to 203\.0\.113\.9:51234\)$/);
  });

  it('4xx and 5xx replies in either direction; continuation lines and successes are quiet', async () => {
    const text = [PROTOCOL_HEAD,
      line(0, '<', '451 4.7.0 Temporary server error. Please try again later'),
      line(1, '>', '550-5.7.1 first line of a multi-line reply'),
      line(2, '>', '"554 5.7.1 Message rejected, spam"'),
      line(3, '<', '250 2.6.0 Queued mail for delivery'),
    ].join('\n');
    const diagnostics = await validate(text, 'exchange-protocol-log');
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.severity, covered(text, d)]), [
      [5, DiagnosticSeverity.Warning, '451 4.7.0 Temporary server error. Please try again later'],
      [7, DiagnosticSeverity.Error, '554 5.7.1 Message rejected, spam'],
    ]);
    assert.match(diagnostics[0]!.message as string, /^451 4\.7\.0: .+ \(reply received from 203\.0\.113\.9:51234\)$/);
  });

  it('authentication failures, TLS failures and sessions ending in a socket error', async () => {
    const text = [PROTOCOL_HEAD,
      line(0, '*', 'Inbound AUTH LOGIN failed because of LogonDenied'),
      line(1, '*', 'TLS negotiation failed with error UnknownCredentials'),
      line(2, '*', 'Sending certificate'),
      line(3, '-', '', 'Remote(SocketError)'),
      line(4, '-', '', 'Local'),
    ].join('\n');
    const diagnostics = await validate(text, 'exchange-protocol-log');
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.code, d.severity]), [
      [5, 'auth-failure', DiagnosticSeverity.Error],
      [6, 'tls-failure', DiagnosticSeverity.Warning],
      [8, 'socket-error', DiagnosticSeverity.Warning],
    ]);
    assert.equal(covered(text, diagnostics[2]!), 'Remote(SocketError)');
  });

  it('an unknown event symbol is a warning', async () => {
    const diagnostics = await validate([PROTOCOL_HEAD, line(0, '?', 'x')].join('\n'), 'exchange-protocol-log');
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['unknown-event', DiagnosticSeverity.Warning]]);
  });
});

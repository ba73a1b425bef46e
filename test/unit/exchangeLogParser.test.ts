// Parsing Exchange tracking and protocol logs: header directives, columns from #Fields, version
// differences, header restarts, multi-valued fields and sessions. Real corpus files included.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CharCode } from '../../server/src/common/charCode';
import { parseExchangeLog } from '../../server/src/formats/exchangeLog';
import {
  columnValue, directiveAtLine, fieldAtOffset, fieldOf, fieldRange, isValidTimestamp, positionInRow, rowAtLine, valueOf,
} from '../../server/src/formats/exchangeLogLookups';
import { customDataItems, messageRows, recipientOutcomes, statusGroups } from '../../server/src/formats/trackingLog';
import { sessionRows, sessionRuns } from '../../server/src/formats/protocolLog';
import {
  lookupLogField, lookupTrackingEvent, lookupTrackingSource, trackingFieldCountOfBuild,
} from '../../server/src/knowledge/exchangeLogFacts';
import { protocolEvents, protocolLogFields, trackingEvents, trackingFieldsByVersion, trackingSources } from '../../server/src/knowledge/data/exchangeLogFormats';
import { readShared, readTsv } from '../support/shared';

const FIXTURE = readFileSync('test/e2e/fixtures/MSGTRK20261123-1.LOG', 'utf8');
const HEAD30 = FIXTURE.split('\n').slice(0, 5).join('\n');

/** A 30-field row from a few named values. */
function row30(values: Record<string, string>): string {
  return trackingFieldsByVersion['2016'].map((name) => values[name] ?? '').join(',');
}

describe('Exchange log facts match the reference tables', () => {
  it('every documented field, with the Exchange 2010 header lacking exactly the newer ones', () => {
    const rows = readTsv('reference/microsoft-facts/exchange-message-tracking-fields.tsv');
    assert.deepEqual(trackingFieldsByVersion['2016'], rows.map((r) => r.field));
    assert.deepEqual(trackingFieldsByVersion['2010'], rows.filter((r) => r.present_in_exchange2010_header === 'yes').map((r) => r.field));
    assert.equal(trackingFieldsByVersion['2010'].length, 26);
    assert.equal(trackingFieldsByVersion['2013'].length, 27);
    assert.equal(trackingFieldsByVersion['2016'].length, 30);
  });

  it('every event ID and source, each with a meaning', () => {
    const events = readTsv('reference/microsoft-facts/exchange-message-tracking-event-ids.tsv');
    assert.deepEqual(trackingEvents.map((e) => e.id).sort(), events.map((e) => e.event_id).sort());
    for (const e of events) {
      const entry = lookupTrackingEvent(e.event_id)!;
      assert.ok(entry.meaning.length > 20, e.event_id);
      // The reference's relevance column and our default severity agree on failures and successes.
      if (e.diagnostic_relevance === 'success' || e.diagnostic_relevance === 'info') assert.equal(entry.severity, 'off', e.event_id);
      if (e.diagnostic_relevance === 'failure' && !e.event_id.startsWith('MODERAT')) assert.equal(entry.severity, 'error', e.event_id);
    }
    const sources = readTsv('reference/microsoft-facts/exchange-message-tracking-sources.tsv');
    assert.deepEqual(trackingSources.map((s) => s.name).sort(), sources.map((s) => s.source).sort());
    assert.ok(lookupTrackingSource('storedriver'));
  });

  it('the protocol log columns and event symbols of the format table', () => {
    const format = readTsv('reference/microsoft-facts/exchange-smtp-protocol-log-format.tsv');
    const fieldsLine = format.find((r) => r.value.startsWith('#Fields:'))!.value;
    assert.deepEqual(protocolLogFields.map((f) => f.name), fieldsLine.slice('#Fields: '.length).split(','));
    assert.deepEqual(protocolEvents.map((e) => e.symbol).sort(), format.filter((r) => r.item === 'event').map((r) => r.value).sort());
    assert.ok(lookupLogField('protocol', 'session-id'));
  });

  it('knows the field count of each Exchange build', () => {
    assert.equal(trackingFieldCountOfBuild('14.0.0.0'), 26);
    assert.equal(trackingFieldCountOfBuild('15.00.1104.000'), 27);
    assert.equal(trackingFieldCountOfBuild('15.01.2375.007'), 30);
    assert.equal(trackingFieldCountOfBuild('15.02.1544.004'), 30);
    assert.equal(trackingFieldCountOfBuild('99.1'), undefined);
  });
});

describe('tracking log parser', () => {
  it('reads the header directives and names columns from #Fields', () => {
    const log = parseExchangeLog(FIXTURE, 'tracking');
    assert.equal(log.kind, 'tracking');
    assert.deepEqual(log.directives.map((d) => [d.name, d.line]), [['Software', 0], ['Version', 1], ['Log-type', 2], ['Date', 3], ['Fields', 4]]);
    assert.equal(log.blocks.length, 1);
    assert.equal(log.blocks[0]!.version, '15.02.1544.004');
    assert.equal(log.rows.length, 6);
    const fail = log.rows[2]!;
    assert.equal(fail.line, 7);
    assert.equal(fail.fieldCount, 30);
    assert.equal(columnValue(log, fail, 'event-id'), 'FAIL');
    assert.equal(columnValue(log, fail, 'recipient-status'), '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found');
    const status = fieldRange(log, fieldOf(fail, 'recipient-status'));
    assert.equal(FIXTURE.slice(status.start, status.end), '"550 5.1.1 RESOLVER.ADR.RecipNotFound; not found"');
    assert.equal(directiveAtLine(log, 4)?.name, 'Fields');
    assert.equal(rowAtLine(log, 7), 2);
    assert.equal(rowAtLine(log, 4), -1);
  });

  it('takes columns from #Fields, never from positions: a reordered header reads the same values', () => {
    const text = '#Log-type: Message Tracking Log\n#Fields: event-id,date-time,message-id\nDEFER,2026-11-23T10:00:00.000Z,<a@b>\n';
    const log = parseExchangeLog(text, 'tracking');
    assert.equal(columnValue(log, log.rows[0]!, 'message-id'), '<a@b>');
    assert.equal(columnValue(log, log.rows[0]!, 'event-id'), 'DEFER');
    assert.equal(fieldOf(log.rows[0]!, 'recipient-status'), -1);
  });

  it('reads the real Exchange 2010 file: byte order mark, CRLF, 26 fields, a quoted source-context with commas', () => {
    const text = readShared('corpus/exchange-logs/elastic-beats/bom8.log');
    assert.equal(text.charCodeAt(0), CharCode.ByteOrderMark);
    const log = parseExchangeLog(text, 'tracking');
    assert.equal(log.directives[0]!.name, 'Software');
    assert.equal(log.blocks[0]!.schema!.names.length, 26);
    assert.equal(log.rows.length, 2);
    for (const row of log.rows) {
      assert.equal(row.fieldCount, 26);
      assert.equal(columnValue(log, row, 'event-id'), 'NOTIFYMAPI');
      assert.equal(columnValue(log, row, 'source'), 'STOREDRIVER');
      assert.match(columnValue(log, row, 'source-context'), /^MDB:[0-9a-f-]+, Mailbox:/);
      assert.match(columnValue(log, row, 'custom-data'), /^S:ItemEntryId=00-00/);
    }
    // Line 0 starts with the byte order mark: positions count it as a character, as the text holds it.
    const version = log.directives[1]!;
    assert.equal(version.line, 1);
    assert.equal(text.slice(version.valueStart, version.end), '14.0.0.0');
  });

  it('reads the real Exchange 2013 file: 27 fields, a SMTP reply in source-context, three recipients', () => {
    const text = readShared('corpus/exchange-logs/kinesis-agent-windows/exchange2013-message-tracking-sample.log');
    const log = parseExchangeLog(text, 'tracking');
    assert.equal(log.blocks[0]!.schema!.names.length, 27);
    const redirect = log.rows.find((r) => columnValue(log, r, 'event-id') === 'HAREDIRECT')!;
    assert.equal(redirect.fieldCount, 27);
    assert.match(columnValue(log, redirect, 'source-context'), /= 250 2\.6\.0 </);
    assert.deepEqual(recipientOutcomes(log, redirect).map((o) => o.recipient?.text), ['user2@amazon.example', 'user1@amazon.example', 'user3@amazon.example']);
    assert.equal(columnValue(log, redirect, 'network-message-id'), '13fad5b7-39c5-46e7-130e-08d4a138ac67');
  });

  it('starts a new header block mid-file, with new columns for the rows after it', () => {
    const text = [
      '#Log-type: Message Tracking Log', '#Fields: date-time,event-id', '2026-11-23T10:00:00.000Z,RECEIVE',
      '#Software: Microsoft Exchange Server', '#Fields: event-id,date-time,message-id', 'FAIL,2026-11-23T10:00:01.000Z,<x@y>',
    ].join('\r\n');
    const log = parseExchangeLog(text, 'tracking');
    assert.equal(log.blocks.length, 2);
    assert.deepEqual(log.blocks.map((b) => [b.startLine, b.endLine]), [[0, 1], [3, 4]]);
    assert.equal(columnValue(log, log.rows[0]!, 'event-id'), 'RECEIVE');
    assert.equal(columnValue(log, log.rows[1]!, 'event-id'), 'FAIL');
    assert.equal(columnValue(log, log.rows[1]!, 'message-id'), '<x@y>');
    assert.equal(log.rows[1]!.block, log.blocks[1]);
  });

  it('infers the columns of rows without #Fields from their count, for each Exchange version', () => {
    for (const version of ['2010', '2013', '2016'] as const) {
      const names = trackingFieldsByVersion[version];
      const row = names.map((n) => (n === 'event-id' ? 'DELIVER' : n === 'date-time' ? '2026-11-23T10:00:00.000Z' : 'x')).join(',');
      const log = parseExchangeLog(`#Log-type: Message Tracking Log\n${row}\n`, 'tracking');
      assert.ok(log.rows[0]!.schemaInferred);
      assert.equal(log.rows[0]!.schema.names.length, names.length, version);
      assert.equal(columnValue(log, log.rows[0]!, 'event-id'), 'DELIVER', version);
    }
  });

  it('pairs recipient-address and recipient-status by position, a status that contains ";" staying whole', () => {
    const text = `${HEAD30}\n${row30({
      'event-id': 'FAIL',
      'recipient-address': 'a@x.example;b@x.example;c@x.example',
      'recipient-status': '"550 5.1.1 RESOLVER.ADR.RecipNotFound; not found;250 2.1.5 Recipient OK;452 4.2.2 Mailbox full; try later"',
    })}`;
    const log = parseExchangeLog(text, 'tracking');
    const row = log.rows[0]!;
    assert.deepEqual(statusGroups(log, row).map((s) => s.text), [
      '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found', '250 2.1.5 Recipient OK', '452 4.2.2 Mailbox full; try later',
    ]);
    const outcomes = recipientOutcomes(log, row);
    assert.deepEqual(outcomes.map((o) => [o.recipient?.text, o.status?.text.slice(0, 9)]), [
      ['a@x.example', '550 5.1.1'], ['b@x.example', '250 2.1.5'], ['c@x.example', '452 4.2.2'],
    ]);
    for (const o of outcomes) assert.equal(text.slice(o.recipient!.start, o.recipient!.end), o.recipient!.text);
    assert.equal(text.slice(outcomes[2]!.status!.start, outcomes[2]!.status!.end), '452 4.2.2 Mailbox full; try later');
  });

  it('gives one status for several recipients to each of them', () => {
    const text = `${HEAD30}\n${row30({ 'event-id': 'DEFER', 'recipient-address': 'a@x.example;b@x.example', 'recipient-status': '451 4.4.0 DNS query failed' })}`;
    const log = parseExchangeLog(text, 'tracking');
    assert.deepEqual(recipientOutcomes(log, log.rows[0]!).map((o) => [o.recipient?.text, o.status?.text]), [
      ['a@x.example', '451 4.4.0 DNS query failed'], ['b@x.example', '451 4.4.0 DNS query failed'],
    ]);
  });

  it('splits custom-data into S:key=value items with their ranges', () => {
    const log = parseExchangeLog(FIXTURE, 'tracking');
    const items = customDataItems(log, log.rows[0]!);
    assert.deepEqual(items.map((i) => [i.type, i.key, i.value]), [['S', 'FirstForestHop', 'EX02.contoso.com'], ['S', 'ProxiedClientIPAddress', '10.0.0.21']]);
    assert.equal(FIXTURE.slice(items[1]!.start, items[1]!.end), 'S:ProxiedClientIPAddress=10.0.0.21');
    const agent = customDataItems(log, log.rows[1]!);
    assert.deepEqual(agent.map((i) => [i.key, i.value]), [['CompCost', '|ETR=0'], ['DeliveryPriority', 'Normal']]);
  });

  it('groups rows into messages by message-id, in file order', () => {
    const log = parseExchangeLog(FIXTURE, 'tracking');
    const messages = messageRows(log);
    assert.deepEqual(messages.get('<q4-forecast-81f2@contoso.com>'), [0, 1, 2, 4]);
    assert.deepEqual(messages.get('<ndr-7c1e@EX02.contoso.com>'), [3]);
    assert.equal(messages.size, 3);
  });

  it('keeps positions right in a row whose quoted field holds a line break', () => {
    const text = `${HEAD30}\n${row30({ 'source-context': '"first\r\nsecond"', 'event-id': 'RECEIVE', 'message-id': '<m@x>' })}\n${row30({ 'event-id': 'SEND' })}`;
    const log = parseExchangeLog(text, 'tracking');
    const [multi, next] = log.rows;
    assert.equal(multi!.lineCount, 2);
    assert.equal(next!.line, 7);
    const id = fieldRange(log, fieldOf(multi!, 'message-id'));
    const position = positionInRow(log, multi!, id.start);
    assert.equal(position.line, 6);
    assert.equal(text.split(/\r?\n/)[6]!.slice(position.character, position.character + 5), '<m@x>');
    assert.equal(fieldAtOffset(log, multi!, id.start), fieldOf(multi!, 'message-id'));
  });

  it('checks timestamps to the calendar', () => {
    const ok = (s: string) => isValidTimestamp(s, 0, s.length);
    assert.ok(ok('2026-11-23T09:14:02.120Z'));
    assert.ok(ok('2024-02-29T23:59:59Z'));
    assert.ok(ok('2026-11-23T09:14:02.1234567Z'));
    for (const bad of ['2026-13-01T00:00:00.000Z', '2023-02-29T00:00:00.000Z', '2026-11-23 09:14:02', '2026-11-23T24:00:00Z', '2026-11-23T09:14:02.Z', 'garbage', '']) {
      assert.equal(ok(bad), false, bad);
    }
  });
});

describe('protocol log parser', () => {
  const receiveLog = readFileSync('test/e2e/fixtures/RECV2026112310-1.LOG', 'utf8');

  it('reads the nine columns and groups lines into sessions by session-id', () => {
    const log = parseExchangeLog(receiveLog, 'protocol');
    assert.equal(log.kind, 'protocol');
    assert.equal(log.rows.length, 12);
    assert.equal(columnValue(log, log.rows[2]!, 'data'), '220 EX01.contoso.com Microsoft ESMTP MAIL Service ready at Mon, 23 Nov 2026 10:00:00 +0000');
    assert.deepEqual([...sessionRows(log).keys()], ['08DE2B1C4A7F5001']);
    assert.deepEqual(sessionRuns(log), [{ sessionId: '08DE2B1C4A7F5001', firstRow: 0, lastRow: 11 }]);
  });

  it('keeps interleaved sessions apart and finds each one\'s stretches', () => {
    const text = [
      '#Log-type: SMTP Send Protocol Log', `#Fields: ${protocolLogFields.map((f) => f.name).join(',')}`,
      '2026-11-23T10:00:00.000Z,C,AAAA000000000001,0,10.0.0.5:1,192.0.2.1:25,+,,',
      '2026-11-23T10:00:00.001Z,C,AAAA000000000001,1,10.0.0.5:1,192.0.2.1:25,<,220 ready,',
      '2026-11-23T10:00:00.002Z,C,BBBB000000000002,0,10.0.0.5:2,192.0.2.2:25,+,,',
      '2026-11-23T10:00:00.003Z,C,AAAA000000000001,2,10.0.0.5:1,192.0.2.1:25,-,,Local',
    ].join('\n');
    const log = parseExchangeLog(text, 'protocol');
    assert.deepEqual(sessionRows(log).get('AAAA000000000001'), [0, 1, 3]);
    assert.deepEqual(sessionRuns(log).map((r) => [r.sessionId.slice(0, 4), r.firstRow, r.lastRow]), [['AAAA', 0, 1], ['BBBB', 2, 2], ['AAAA', 3, 3]]);
  });

  it('names the log type from #Log-type, whatever the document was opened as', () => {
    assert.equal(parseExchangeLog(receiveLog, 'tracking').kind, 'protocol');
    assert.equal(parseExchangeLog(FIXTURE, 'protocol').kind, 'tracking');
    assert.equal(parseExchangeLog('no header at all', 'protocol').kind, 'protocol');
  });

  it('reads the send-log fixture the same way', () => {
    const log = parseExchangeLog(readFileSync('test/e2e/fixtures/exchange-send-export.txt', 'utf8'), 'tracking');
    assert.equal(log.kind, 'protocol');
    assert.equal(valueOf(log, fieldOf(log.rows[8]!, 'data')), '550 5.7.1 Unable to relay');
  });
});

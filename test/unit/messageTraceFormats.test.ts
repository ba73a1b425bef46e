// Message trace readers: the admin center's reports and Export-Csv of the trace cmdlets, from the
// synthetic fixtures in test/fixtures/message-trace (built from shared/reference/microsoft-facts/
// message-trace-formats.md) and inline synthetic text. Expected values are read off the fixtures.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import manifest from '../../package.json';
import { languageOfFile, MESSAGE_TRACE } from '../../server/src/common/languages';
import { DateOrderVote, parseTraceTime } from '../../server/src/formats/messageTrace/traceDates';
import { agentGroups, recipientStatusEntries } from '../../server/src/formats/messageTrace/traceFields';
import { traceFixture } from '../support/messageTraceFixtures';
import { readShared } from '../support/shared';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/languageService';
import { lookupTraceColumn, lookupTraceStatus } from '../../server/src/knowledge/messageTraceFacts';
import { parseTraceTable, traceColumnValue, traceValueRange, traceField } from '../../server/src/formats/messageTrace/traceTable';

const fixture = traceFixture;
const contributions = manifest.contributes.languages;
const utcMs = (text: string) => Date.parse(text);

describe('message trace formats', () => {
  it('reads the enhanced summary by its header: kind, time zone suffix, Recipient_status entries with offsets', () => {
    const text = fixture('synthetic-enhanced-summary.csv');
    const table = parseTraceTable(text)!;
    assert.equal(table.kind, 'enhanced-summary');
    assert.equal(table.timeZone, 'utc');
    assert.equal(table.rows.length, 7);
    const row = table.rows[4]!;
    const field = traceField(table, row, 'recipient_status');
    const { start, end } = traceValueRange(table, field);
    const entries = recipientStatusEntries(text, start, end);
    assert.deepEqual(entries.map((e) => [e.recipient?.text, e.events.map((v) => v.text)]), [
      ['frank@contoso.com', ['Receive', 'Deliver']], ['grace@fabrikam.com', ['Receive', 'Fail']],
    ]);
    assert.equal(text.slice(entries[1]!.recipient!.start, entries[1]!.recipient!.end), 'grace@fabrikam.com');
  });

  it('maps columns by name whatever their case and order, never by position', () => {
    const shuffled = 'MESSAGE_SUBJECT,recipient_STATUS,Sender_Address,Origin_Timestamp_UTC\n"Hello","x@contoso.com##Receive, Fail",a@contoso.com,2026-11-20T08:00:00Z\n';
    const table = parseTraceTable(shuffled)!;
    assert.equal(table.kind, 'enhanced-summary');
    assert.equal(traceColumnValue(table, table.rows[0]!, 'sender_address'), 'a@contoso.com');
    assert.equal(traceColumnValue(table, table.rows[0]!, 'message_subject'), 'Hello');
    assert.equal(table.timeColumn, 3);
  });

  it('reads the extended report as the admin center downloads it: UTF-16LE with a byte order mark, CRLF', () => {
    const text = fixture('synthetic-extended-utf16le.csv');
    assert.equal(text.charCodeAt(0), 0xfeff);
    const table = parseTraceTable(text)!;
    assert.equal(table.kind, 'extended');
    assert.equal(table.header.names[0], 'date_time_utc');
    assert.equal(table.rows.length, 12);
    assert.deepEqual(table.rows.map((r) => traceColumnValue(table, r, 'event_id')).slice(0, 5), ['RECEIVE', 'AGENTINFO', 'DELIVER', 'RECEIVE', 'DEFER']);
  });

  it('reads a Windows PowerShell 5.1 export: the #TYPE line, the remoting columns, en-US dates proven month-first', () => {
    const table = parseTraceTable(fixture('synthetic-get-messagetracev2-ps51.csv'))!;
    assert.equal(table.kind, 'message-trace');
    assert.equal(table.typeLine?.typeName, 'Deserialized.Microsoft.Exchange.Management.FfoReporting.MessageTrace');
    assert.deepEqual(table.header.names.slice(0, 3), ['PSComputerName', 'RunspaceId', 'PSShowComputerName']);
    assert.equal(table.dates.slashOrder, 'month-first');
    assert.equal(table.dates.assumed, false);
    assert.equal(parseTraceTime(traceColumnValue(table, table.rows[2]!, 'received'), table.dates), utcMs('2026-11-20T07:00:00Z'));
  });

  it('says which culture it assumed when no date proves the order (PowerShell 7, en-GB, days of 12 or less)', () => {
    const table = parseTraceTable(fixture('synthetic-get-messagetracev2-ps7-en-gb.csv'))!;
    assert.equal(table.kind, 'message-trace');
    assert.equal(table.typeLine, undefined);
    assert.equal(table.dates.slashOrder, 'day-first');
    assert.equal(table.dates.assumed, true);
    assert.match(table.dates.reason, /en-GB/);
    assert.equal(parseTraceTime('05/11/2026 14:03:10', table.dates), utcMs('2026-11-05T14:03:10Z'));
  });

  it('reads the detail cmdlet export with de-DE dates', () => {
    const table = parseTraceTable(fixture('synthetic-get-messagetracedetailv2-ps7-de-de.csv'))!;
    assert.equal(table.kind, 'trace-detail');
    assert.equal(parseTraceTime(traceColumnValue(table, table.rows[2]!, 'date'), table.dates), utcMs('2026-11-20T13:15:02Z'));
  });

  it('reads the on-screen summary export', () => {
    assert.equal(parseTraceTable(fixture('synthetic-summary.csv'))?.kind, 'summary');
  });

  it('leaves other CSV files alone', () => {
    assert.equal(parseTraceTable('Name,Email,Phone\nAda,ada@example.com,1\n'), undefined);
    assert.equal(parseTraceTable(''), undefined);
  });

  it('reads times as the sources write them: ISO with 7 fractional digits, with or without Z, offsets, AM/PM', () => {
    const reading = new DateOrderVote().decide();
    // Received values of the Elastic sample records [ELASTIC].
    assert.equal(parseTraceTime('2022-09-05T18:10:13.4907658', reading), utcMs('2022-09-05T18:10:13.490Z'));
    assert.equal(parseTraceTime('2022-10-21T17:25:36.969376Z', reading), utcMs('2022-10-21T17:25:36.969Z'));
    assert.equal(parseTraceTime('2022-10-21T19:25:36+02:00', reading), utcMs('2022-10-21T17:25:36Z'));
    assert.equal(parseTraceTime('10/21/2022 5:25:36 PM', reading), utcMs('2022-10-21T17:25:36Z'));
    assert.equal(parseTraceTime('2022/10/21 17:25:36', reading), utcMs('2022-10-21T17:25:36Z'));
    assert.ok(Number.isNaN(parseTraceTime('13/45/2022 10:00:00', reading)));
    assert.ok(Number.isNaN(parseTraceTime('yesterday', reading)));
  });

  it('a fraction of one to seven digits is truncated to milliseconds, never rounded, with Z or an offset', () => {
    const reading = new DateOrderVote().decide();
    const base = utcMs('2026-11-20T00:00:01Z');
    const fractions: string[] = [];
    for (let digits = 1; digits <= 4; digits++) for (let v = 0; v < 10 ** digits; v++) fractions.push(String(v).padStart(digits, '0'));
    fractions.push('99999', '00001', '123456', '999999', '1234567', '9999999', '0009999', '5005000');
    for (const fraction of fractions) {
      // The first three digits are the milliseconds, read off the text.
      const expected = base + Number(fraction.padEnd(3, '0').slice(0, 3));
      assert.equal(parseTraceTime(`2026-11-20T00:00:01.${fraction}Z`, reading), expected, `${fraction}Z`);
      assert.equal(parseTraceTime(`2026-11-20T00:00:01.${fraction}+00:00`, reading), expected, `${fraction}+00:00`);
    }
  });

  it('a file that writes both orders is read month-first, and says the assumption', () => {
    const vote = new DateOrderVote();
    vote.add('11/20/2026 10:00:00');
    vote.add('20/11/2026 10:00:00');
    const reading = vote.decide();
    assert.equal(reading.assumed, true);
    assert.match(reading.reason, /mixes both orders/);
  });

  it('splits custom_data into agent groups and key=value items with offsets', () => {
    const value = 'S:SFA=SUM|SFV=SPM|SCL=9;S:AMA=SUM|v=1|action=b|name=Synthetic.Test';
    const groups = agentGroups(value, 0, value.length);
    assert.deepEqual(groups.map((g) => g.agent), ['SFA', 'AMA']);
    assert.deepEqual(groups[0]!.items.map((i) => [i.key, i.value]), [['SFA', 'SUM'], ['SFV', 'SPM'], ['SCL', '9']]);
    const action = groups[1]!.items.find((i) => i.key === 'ACTION')!;
    assert.equal(value.slice(action.start, action.end), 'action=b');
  });

  it('is recognised by its first line whatever the file is called (package.json firstLine)', () => {
    for (const name of ['synthetic-enhanced-summary.csv', 'synthetic-extended-utf16le.csv', 'synthetic-get-messagetracev2-ps51.csv',
      'synthetic-get-messagetracev2-ps7-en-gb.csv', 'synthetic-get-messagetracedetailv2-ps7-de-de.csv']) {
      assert.equal(languageOfFile(`download-${name}.txt`, fixture(name).slice(0, 2000), contributions), MESSAGE_TRACE, name);
    }
    assert.equal(languageOfFile('contacts.txt', 'Name,Email\n', contributions), 'plaintext');
  });

  it('the real Get-MessageTrace records of the corpus (JSON): every property is a known column, and their export reads back', async () => {
    // Three real records (Elastic integration test data, ELv2; tests only, never shipped).
    const folder = 'corpus/exo-message-trace/elastic-integrations-ELv2/microsoft_exchange_online_message_trace/';
    const records = ['microsoft_exchange_online_message_trace_test.ndjson.log', 'test-log.log']
      .flatMap((name) => readShared(folder + name).split('\n').filter(Boolean))
      .map((line) => JSON.parse(line) as Record<string, string | number | null>);
    assert.equal(records.length, 3);
    const keys = Object.keys(records[0]!);
    for (const record of records) for (const key of Object.keys(record)) assert.ok(lookupTraceColumn(key), `no column fact for ${key}`);
    for (const record of records) assert.ok(lookupTraceStatus(String(record.Status)), String(record.Status));
    // What Export-Csv writes for such objects: a quoted header of the property names, every value quoted, null as empty.
    const quote = (value: string | number | null | undefined) => `"${value === null ? '' : String(value).replaceAll('"', '""')}"`;
    const csv = [keys.map(quote).join(','), ...records.map((r) => keys.map((k) => quote(r[k])).join(','))].join('\r\n');
    const table = parseTraceTable(csv)!;
    assert.equal(table.kind, 'message-trace');
    assert.equal(table.rows.length, 3);
    // Received with and without a trailing Z, with 6 and 7 fractional digits: all read as UTC.
    const received = table.rows.map((r) => parseTraceTime(traceColumnValue(table, r, 'received'), table.dates));
    assert.deepEqual(received, [utcMs('2022-10-21T17:25:36.969Z'), utcMs('2022-10-21T17:25:30.600Z'), utcMs('2022-09-05T18:10:13.490Z')]);
    // All three were delivered: no problems.
    const diagnostics = await getLanguageService().doValidation(TextDocument.create('file:///corpus/trace.csv', 'csv', 1, csv));
    assert.deepEqual(diagnostics, []);
  });
});

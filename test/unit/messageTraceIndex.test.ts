// The cross-row index of message traces and the calendar checks of trace times, on short synthetic
// reports written here (no real export is public): the index built row by row must equal what a
// plain per-row reading gives, however a report interleaves its messages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTraceTime, parseTraceTimeAt } from '../../server/src/formats/messageTrace/traceDates';
import { rowRecipientOutcomes, TraceReplyReader } from '../../server/src/analysis/messageTraceOutcomes';
import { traceFixture } from '../support/messageTraceFixtures';
import { buildTraceIndex, traceMessageKey } from '../../server/src/formats/messageTrace/traceIndex';
import { parseTraceTable, traceColumnValue } from '../../server/src/formats/messageTrace/traceTable';
import { splitCsv } from '../support/plainCsv';

const reading = { slashOrder: 'month-first', assumed: false, reason: '' } as const;

/** A synthetic extended report whose messages interleave (A, B, A), with a row lacking every ID. */
const SYNTHETIC_EXTENDED = [
  'date_time_utc,event_id,recipient_status,recipient_address,sender_address,message_subject,message_id,network_message_id,internal_message_id',
  '2026-11-20T00:00:01Z,RECEIVE,"a@contoso.com##Receive",a@contoso.com,s@fabrikam.com,First,<a@x>,nid-a,1',
  '2026-11-20T00:00:02Z,RECEIVE,"b@contoso.com##Receive",b@contoso.com,s@fabrikam.com,Second,<b@x>,nid-b,2',
  '2026-11-20T00:00:03Z,DELIVER,"a@contoso.com##Receive, Deliver",a@contoso.com,s@fabrikam.com,First,<a@x>,nid-a,1',
  '',
  '2026-11-20T00:00:04Z,RECEIVE,"c@contoso.com##Receive",c@contoso.com,s@fabrikam.com,Third,,,',
  '2026-11-20T00:00:05Z,DELIVER,"b@contoso.com##Receive, Deliver",b@contoso.com,s@fabrikam.com,Second,<b@x>,,2',
].join('\r\n');

describe('message trace index', () => {
  it('lists every row of a message and of a link value, in file order, when messages interleave', () => {
    const table = parseTraceTable(SYNTHETIC_EXTENDED)!;
    assert.equal(table.rows.length, 5, 'the blank line is no row');
    const index = buildTraceIndex(table);
    assert.deepEqual([...index.messages.entries()], [['nid-a', [0, 2]], ['nid-b', [1]], [traceMessageKey(table, 3), [3]], ['<b@x>', [4]]]);
    assert.deepEqual([...index.links.get('network_message_id')!.entries()], [['nid-a', [0, 2]], ['nid-b', [1]]]);
    assert.deepEqual([...index.links.get('message_id')!.entries()], [['<a@x>', [0, 2]], ['<b@x>', [1, 4]]]);
    assert.deepEqual([...index.links.get('internal_message_id')!.entries()], [['1', [0, 2]], ['2', [1, 4]]]);
    for (let i = 0; i < table.rows.length; i++) {
      const key = traceMessageKey(table, i);
      assert.ok(index.messages.get(key)!.includes(i), `row ${i} is listed under its own key`);
    }
    assert.equal(traceMessageKey(table, 3), `2026-11-20T00:00:04Z\u0000\u0000`, 'without IDs a row is keyed by its time (the report has no sender or subject column of those names)');
    assert.equal(index.newest, Date.UTC(2026, 10, 20, 0, 0, 5));
    assert.equal(traceColumnValue(table, table.rows[3]!, 'message_subject'), 'Third');
  });

  it('groups rows by their key however it is written: quoted, with blanks, with doubled quotes, or from a later ID column', () => {
    // Synthetic: consecutive rows write the same key in different ways, and some leave the preferred column empty.
    const lines = [
      'date_time_utc,event_id,message_id,network_message_id,internal_message_id',
      '2026-11-20T00:00:01Z,RECEIVE,<a@x>,nid-a,1',
      '2026-11-20T00:00:02Z,AGENTINFO,<a@x>,"nid-a",1',
      '2026-11-20T00:00:03Z,DELIVER,<a@x>, nid-a ,1',
      '2026-11-20T00:00:04Z,RECEIVE,<b@x>,,nid-a',
      '2026-11-20T00:00:05Z,RECEIVE,<b@x>,"",2',
      '2026-11-20T00:00:06Z,DELIVER,<b@x>,   ,2',
      '2026-11-20T00:00:07Z,RECEIVE,<c@x>,"nid-""c""",3',
      '2026-11-20T00:00:08Z,DELIVER,<c@x>,"nid-""c""",3',
      '2026-11-20T00:00:09Z,RECEIVE,<c@x>,nid-a',
      '2026-11-20T00:00:10Z,RECEIVE,<c@x>,"nid-a"x,3',
      '2026-11-20T00:00:11Z,RECEIVE,<c@x>,nid-ab,3',
      '2026-11-20T00:00:12Z,RECEIVE,<c@x>,nid-a',
      '2026-11-20T00:00:13Z,RECEIVE,<c@x>',
    ];
    const table = parseTraceTable(lines.join('\n'))!;
    // The tests' own reading: the first of network_message_id, message_id, internal_message_id with a value.
    const expected = new Map<string, number[]>();
    lines.slice(1).forEach((line, row) => {
      const cells = splitCsv(line).map((c) => c.trim());
      const key = cells[3] || cells[2] || cells[4]!;
      expected.set(key, [...expected.get(key) ?? [], row]);
    });
    assert.deepEqual([...buildTraceIndex(table).messages.entries()], [...expected.entries()]);
    assert.deepEqual(expected.get('nid-a'), [0, 1, 2, 8, 11], 'the rows keyed nid-a, however written');
  });

  it('reads 29 February only in leap years, as the calendar has it', () => {
    assert.equal(parseTraceTime('2024-02-29T10:00:00Z', reading), Date.UTC(2024, 1, 29, 10));
    assert.equal(parseTraceTime('2000-02-29 10:00', reading), Date.UTC(2000, 1, 29, 10));
    assert.ok(Number.isNaN(parseTraceTime('2026-02-29T10:00:00Z', reading)));
    assert.ok(Number.isNaN(parseTraceTime('2100-02-29T10:00:00Z', reading)));
    assert.ok(Number.isNaN(parseTraceTime('04/31/2026 10:00:00', reading)), 'April has 30 days');
    assert.equal(parseTraceTime('12/31/2026 10:00:00', reading), Date.UTC(2026, 11, 31, 10));
  });

  it('lists the ID columns the report has, in a fixed order, and iterates them as it looks each up', () => {
    const index = buildTraceIndex(parseTraceTable(SYNTHETIC_EXTENDED)!);
    assert.deepEqual([...index.links.keys()], ['message_id', 'network_message_id', 'internal_message_id']);
    assert.equal(index.links.size, 3);
    assert.equal(index.links.has('messagetraceid'), false, 'a column the report lacks');
    assert.equal(index.links.get('messagetraceid'), undefined);
    for (const [column, rows] of index.links) assert.equal(rows, index.links.get(column), 'the same map, read once');
  });

  it('reads a time in place as parseTraceTime reads the value (the admin center\'s form and every other)', () => {
    const values = [
      '2026-11-20T00:00:01.348Z', '2026-11-20T00:00:01Z', '2026-11-20T00:00:01.1234567Z', '2026-02-30T00:00:01Z', '2026-11-20T24:00:01Z',
      '2026-11-20T00:00:01.Z', '2026-11-20 00:00:01Z', '2026-11-20T00:00:01+02:00', '20/11/2026 17:25:36', '10/21/2022 5:25:36 PM', 'soon', '',
    ];
    for (const value of values) {
      const text = `x,${value},y`;
      const actual = parseTraceTimeAt(text, 2, 2 + value.length, reading);
      const expected = parseTraceTime(value, reading);
      assert.ok(Object.is(actual, expected), `${value}: ${actual} vs ${expected}`);
    }
  });

  it('gives the problems every outcome but deliveries, without reading the deliveries (every row of every fixture)', () => {
    let delivered = 0;
    for (const name of ['synthetic-enhanced-summary.csv', 'synthetic-extended-utf16le.csv', 'synthetic-get-messagetracev2-ps51.csv', 'synthetic-summary.csv',
      'synthetic-get-messagetracedetailv2-ps7-de-de.csv', 'synthetic-get-messagetracev2-ps7-en-gb.csv']) {
      const table = parseTraceTable(traceFixture(name))!;
      for (const row of table.rows) {
        const all = rowRecipientOutcomes(table, row, new TraceReplyReader());
        delivered += all.filter((o) => o.outcome === 'delivered').length;
        assert.deepEqual(rowRecipientOutcomes(table, row, new TraceReplyReader(), true), all.filter((o) => o.outcome !== 'delivered'), `${name} line ${row.line}`);
      }
    }
    assert.ok(delivered > 5, 'the fixtures have deliveries to leave out');
  });
});

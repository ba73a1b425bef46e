// The cross-row index of message traces on reports the interleaving tests do not cover: the
// cmdlets' MessageId and MessageTraceId columns, rows without IDs keyed by time, sender and
// subject, rows shorter than the time column, a time quoted with text after the quote, and the
// ID columns iterated every way a Map is. Every report here is synthetic.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTraceIndex, TraceIndexBuilder, traceMessageKey } from '../../server/src/formats/messageTrace/traceIndex';
import { parseTraceTable } from '../../server/src/formats/messageTrace/traceTable';

const tableOf = (lines: string[]) => {
  const table = parseTraceTable(lines.join('\n'));
  assert.ok(table);
  return table;
};

describe('message trace index: keys and links', () => {
  it('keys a cmdlet export\'s rows by MessageTraceId first, then MessageId, and links both', () => {
    const table = tableOf([
      '"Received","SenderAddress","RecipientAddress","Subject","Status","MessageId","MessageTraceId"',
      '"11/20/2026 10:00:00 AM","a@fabrikam.example","b@contoso.example","Hi","Delivered","<a@x>","t1"',
      '"11/20/2026 10:00:01 AM","a@fabrikam.example","c@contoso.example","Hi","Delivered","<a@x>","t2"',
      '"11/20/2026 10:00:02 AM","a@fabrikam.example","d@contoso.example","Hi","Delivered","<a@x>",""',
      '"11/20/2026 10:00:03 AM","a@fabrikam.example","e@contoso.example","Hi","Failed","","t1"',
    ]);
    const index = buildTraceIndex(table);
    assert.deepEqual([...index.messages.entries()], [['t1', [0, 3]], ['t2', [1]], ['<a@x>', [2]]]);
    assert.deepEqual([...index.links.keys()], ['messageid', 'messagetraceid']);
    assert.deepEqual([...index.links.get('messageid')!.entries()], [['<a@x>', [0, 1, 2]]]);
    assert.deepEqual([...index.links.get('messagetraceid')!.entries()], [['t1', [0, 3]], ['t2', [1]]]);
  });

  it('keys a row by internal_message_id when it has no other ID', () => {
    const table = tableOf([
      'date_time_utc,event_id,message_id,internal_message_id',
      '2026-11-20T00:00:01Z,RECEIVE,,7',
      '2026-11-20T00:00:02Z,DELIVER,,7',
      '2026-11-20T00:00:03Z,RECEIVE,<b@x>,7',
    ]);
    assert.deepEqual([...buildTraceIndex(table).messages.entries()], [['7', [0, 1]], ['<b@x>', [2]]]);
  });

  it('keys a summary row by its date, sender and subject', () => {
    const table = tableOf([
      'Date,Sender,Recipient,Subject,Status',
      '2026-11-20 08:15:02,alice@contoso.example,bob@fabrikam.example,Figures,Delivered',
      '2026-11-20 08:15:02,alice@contoso.example,carol@fabrikam.example,Figures,Failed',
      '2026-11-20 08:15:02,mallory@fabrikam.example,bob@fabrikam.example,Figures,Delivered',
      '2026-11-20 08:15:02,alice@contoso.example,bob@fabrikam.example,Other,Delivered',
    ]);
    assert.equal(traceMessageKey(table, 0), '2026-11-20 08:15:02\u0000alice@contoso.example\u0000Figures');
    assert.deepEqual([...buildTraceIndex(table).messages.values()], [[0, 1], [2], [3]]);
  });

  it('keeps a row out of the message before it when only another row\'s fields hold that key', () => {
    // Sender first; network_message_id (5) is the key. Row 1 has two fields, so its ID columns are
    // missing (row 2's recipient_address is where its column 5 would be); row 3's own key differs
    // while row 2's event_id holds the key of the row before.
    const table = tableOf([
      'sender_address,event_id,date_time_utc,recipient_address,message_id,network_message_id',
      's0@fabrikam.example,RECEIVE,2026-11-20T00:00:01Z,r@contoso.example,,nid-a',
      'x,RECEIVE',
      's2@fabrikam.example,nid-c,2026-11-20T00:00:02Z,nid-a,,nid-c',
      's3@fabrikam.example,RECEIVE,2026-11-20T00:00:03Z,r@contoso.example,,nid-d',
      's4@fabrikam.example,RECEIVE,2026-11-20T00:00:04Z,r@contoso.example,,nid-dd',
      // Five fields: network_message_id is missing, and row 6's sender, where it would be, holds row 4's key.
      's5@fabrikam.example,RECEIVE,2026-11-20T00:00:05Z,r@contoso.example,',
      'nid-dd,RECEIVE,2026-11-20T00:00:06Z,r@contoso.example,,nid-g',
    ]);
    assert.deepEqual([...buildTraceIndex(table).messages.entries()], [
      ['nid-a', [0]], ['\u0000\u0000', [1]], ['nid-c', [2]], ['nid-d', [3]], ['nid-dd', [4]], ['2026-11-20T00:00:05Z\u0000\u0000', [5]], ['nid-g', [6]],
    ]);
  });

  it('iterates the ID columns as a Map: entries, values and forEach give each column\'s rows', () => {
    const table = tableOf([
      'date_time_utc,event_id,message_id,network_message_id',
      '2026-11-20T00:00:01Z,RECEIVE,<a@x>,nid-a',
      '2026-11-20T00:00:02Z,RECEIVE,<b@x>,nid-b',
    ]);
    const { links } = buildTraceIndex(table);
    const expected = [['message_id', [['<a@x>', [0]], ['<b@x>', [1]]]], ['network_message_id', [['nid-a', [0]], ['nid-b', [1]]]]];
    assert.deepEqual([...links].map(([column, rows]) => [column, [...rows]]), expected);
    assert.deepEqual([...links.values()].map((rows) => [...rows]), expected.map(([, rows]) => rows));
    const seen: unknown[] = [];
    links.forEach((rows, column, map) => seen.push([column, [...rows], map === links]));
    assert.deepEqual(seen, expected.map(([column, rows]) => [column, rows, true]));
  });
});

describe('message trace index: times', () => {
  it('reads each row\'s time from its own fields only, and the newest of those that read', () => {
    // Sender first, time third. Row 1 has two fields: no time, no ID; row 2's sender holds a time
    // (where a reading past row 1's end would land), row 4's time does not read.
    const table = tableOf([
      'sender_address,event_id,date_time_utc,recipient_address,message_id,network_message_id',
      's0@fabrikam.example,RECEIVE,2026-11-20T00:00:05Z,r@contoso.example,,',
      'x,RECEIVE',
      '2026-11-20T09:00:00Z,RECEIVE,2026-11-20T00:00:01Z,r@contoso.example,,',
      's3@fabrikam.example,RECEIVE,2026-11-20T00:00:03Z,r@contoso.example,,',
      's4@fabrikam.example,RECEIVE,soon,r@contoso.example,,',
    ]);
    assert.equal(table.rows.length, 5);
    const index = buildTraceIndex(table);
    const second = (s: number): number => Date.UTC(2026, 10, 20, 0, 0, s);
    assert.deepEqual([...index.times], [second(5), Number.NaN, second(1), second(3), Number.NaN]);
    assert.equal(index.newest, second(5));
    assert.equal(traceMessageKey(table, 0), '2026-11-20T00:00:05Z\u0000\u0000');
    assert.equal(traceMessageKey(table, 1), '\u0000\u0000');
  });

  it('gives no time, and keys by sender and subject alone, in a report without a time column', () => {
    // Row 0's last field holds a time: where a row reading the column before its first would land.
    const table = tableOf([
      'sender_address,event_id,recipient_address,message_id,network_message_id',
      's0@fabrikam.example,RECEIVE,r@contoso.example,,2026-11-20T00:00:01Z',
      's1@fabrikam.example,RECEIVE,r@contoso.example,,',
    ]);
    assert.equal(table.timeColumn, -1);
    const builder = new TraceIndexBuilder(table);
    builder.addRow(0);
    builder.addRow(1);
    assert.ok(Number.isNaN(builder.timeOf(1)));
    const index = builder.finish();
    assert.deepEqual([...index.times], [Number.NaN, Number.NaN]);
    assert.ok(Number.isNaN(index.newest));
    assert.equal(traceMessageKey(table, 1), '\u0000\u0000');
  });

  it('tells a row\'s time as it is added', () => {
    const builder = new TraceIndexBuilder(tableOf(['date_time_utc,event_id,message_id', '2026-11-20T00:00:07Z,RECEIVE,<a@x>']));
    builder.addRow(0);
    assert.equal(builder.timeOf(0), Date.UTC(2026, 10, 20, 0, 0, 7));
  });

  it('reads a quoted time with text after the quote as its value, offset included', () => {
    const table = tableOf([
      'date_time_utc,event_id,message_id',
      '"2026-11-20T10:00:00"+02:00,RECEIVE,<a@x>',
    ]);
    assert.deepEqual([...buildTraceIndex(table).times], [Date.UTC(2026, 10, 20, 8)]);
  });
});

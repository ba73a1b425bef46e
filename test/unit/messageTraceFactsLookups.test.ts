// The message-trace fact lookups: columns by their names as the admin center's CSVs and Export-Csv
// write them, Status values, and events of Recipient_status and the detail cmdlets. Names and
// values from Microsoft's documentation, as ../shared/reference/microsoft-facts/message-trace-formats.md lists them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lookupTraceColumn, lookupTraceEvent, lookupTraceStatus } from '../../server/src/knowledge/messageTraceFacts';

describe('message trace fact lookups', () => {
  it('columns: exact names in any case, and the time columns by their prefix, with or without a zone', () => {
    assert.deepEqual(lookupTraceColumn('sender_address')?.names, ['sender_address']);
    assert.deepEqual(lookupTraceColumn(' SenderAddress ')?.names, ['senderaddress']);
    assert.deepEqual(lookupTraceColumn('origin_timestamp_utc')?.names, ['origin_timestamp_']);
    assert.deepEqual(lookupTraceColumn('Origin_Timestamp_W. Europe Standard Time')?.names, ['origin_timestamp_']);
    assert.deepEqual(lookupTraceColumn('origin_timestamp')?.names, ['origin_timestamp_'], 'the prefix without its underscore');
    assert.deepEqual(lookupTraceColumn('date_time_utc')?.names, ['date_time_']);
    assert.equal(lookupTraceColumn('timestamp_origin'), undefined, 'a name that only ends like a prefix');
    assert.equal(lookupTraceColumn('no_such_column'), undefined);
    assert.equal(lookupTraceColumn('  '), undefined, 'an empty header cell');
  });

  it('Status values in any case', () => {
    assert.equal(lookupTraceStatus('Delivered')?.outcome, 'delivered');
    assert.equal(lookupTraceStatus(' FAILED ')?.outcome, 'failed');
    assert.equal(lookupTraceStatus('quarantined')?.outcome, 'quarantined');
    assert.equal(lookupTraceStatus('Unheard'), undefined);
  });

  it('events: the trace-only ones, then the tracking log\'s with the outcome they mean for a recipient', () => {
    assert.equal(lookupTraceEvent('Quarantined')?.outcome, 'quarantined');
    assert.equal(lookupTraceEvent('malware')?.traceOnly?.name, 'Malware');
    for (const [event, outcome] of [
      ['FAIL', 'failed'], ['DELIVERFAIL', 'failed'], ['SUBMITFAIL', 'failed'], ['RESUBMITFAIL', 'failed'], ['BADMAIL', 'failed'], ['POISONMESSAGE', 'failed'],
      ['DEFER', 'pending'], ['SUBMITDEFER', 'pending'], ['RESUBMITDEFER', 'pending'], ['THROTTLE', 'pending'],
      ['DELIVER', 'delivered'], ['SEND', 'delivered'], ['SENDEXTERNAL', 'delivered'], ['DUPLICATEDELIVER', 'delivered'],
      ['EXPAND', 'expanded'], ['RECEIVE', 'none'],
    ] as const) {
      const fact = lookupTraceEvent(event);
      assert.equal(fact?.tracking?.id, event, event);
      assert.equal(fact.outcome, outcome, event);
    }
    assert.equal(lookupTraceEvent(' Deliver ')?.outcome, 'delivered', 'any case, blanks around');
    assert.equal(lookupTraceEvent('NOSUCHEVENT'), undefined);
    assert.equal(lookupTraceEvent('NOSUCHEVENT'), undefined, 'a name not found is remembered as not found');
  });

  it('a long hostile name is looked up each time but gives the same answer', () => {
    const long = `FAIL${' '.repeat(100)}`;
    assert.equal(lookupTraceEvent(long)?.outcome, 'failed');
    assert.equal(lookupTraceEvent(long)?.outcome, 'failed');
  });
});

// The mail flow report's records of Exchange Online message traces (#15), checked against outcomes
// the test reads itself from the synthetic fixtures and the real JSON records (a plain CSV split
// and its own table of statuses and events), never with the engine.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FlowRecords } from '../../server/src/common/mailFlow';
import { defaultSettings } from '../../server/src/languageService';
import { getLanguageModes } from '../../server/src/modes/languageModes';
import { traceFixture } from '../support/messageTraceFixtures';
import { readShared } from '../support/shared';
import { splitCsv } from '../support/plainCsv';

const modes = getLanguageModes({ yieldControl: () => new Promise((resolve) => setImmediate(resolve)) });
let documents = 0;

function flowOf(text: string, token?: { isCancellationRequested: boolean }): Promise<FlowRecords> {
  const document = TextDocument.create(`file:///trace-${documents++}.csv`, 'exchange-message-trace', 1, text);
  return modes.modeFor(document).mailFlow!(document, defaultSettings, token);
}

/** Rows as objects keyed by lower-case column name; a #TYPE line and a byte order mark are skipped. */
function csvRows(text: string): Record<string, string>[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l && !l.startsWith('#TYPE'));
  const names = splitCsv(lines[0]!).map((n) => n.toLowerCase());
  return lines.slice(1).map((line) => {
    const cells = splitCsv(line);
    return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']));
  });
}

/** The test's own reading of Status values and events: what the brief asks of each. */
const STATUS: Record<string, string | null> = {
  delivered: 'delivered', failed: 'failed', pending: 'deferred', quarantined: 'quarantined', filteredasspam: 'quarantined',
  gettingstatus: 'unknown', none: 'unknown', expanded: null,
};
const EVENT: Record<string, string | null> = {
  send: 'delivered', deliver: 'delivered', fail: 'failed', defer: 'deferred', quarantined: 'quarantined', filteredasspam: 'quarantined', expand: null,
};

const sorted = (pairs: string[][]) => pairs.map((p) => p.join(' ')).sort();
const recordPairs = (records: FlowRecords) => sorted(records.recipients.map((r) => [r.recipient.toLowerCase(), r.outcome]));

describe('message trace records against the test\'s own reading of the fixtures', () => {
  for (const name of ['synthetic-get-messagetracev2-ps51.csv', 'synthetic-get-messagetracev2-ps7-en-gb.csv', 'synthetic-summary.csv']) {
    it(`${name}: one recipient per row, its outcome from Status (Expanded left out, GettingStatus unknown)`, async () => {
      const text = traceFixture(name);
      const rows = csvRows(text);
      const expected = rows.flatMap((r) => {
        const outcome = STATUS[r['status']!.toLowerCase().replaceAll(' ', '')];
        return outcome ? [[(r['recipientaddress'] ?? r['recipient'])!.toLowerCase(), outcome]] : [];
      });
      const records = await flowOf(text);
      assert.deepEqual(recordPairs(records), sorted(expected));
      assert.equal(records.messages.length, rows.length);
      assert.ok(records.recipients.every((r) => r.settledMs === undefined && r.delayMs === undefined), 'a Status says what, not when');
      assert.ok(records.notes.some((n) => n.startsWith('a status report')));
    });
  }

  it('the enhanced summary: each Recipient_status entry\'s last deciding event', async () => {
    const text = traceFixture('synthetic-enhanced-summary.csv');
    const expected = csvRows(text).flatMap((r) => r['recipient_status']!.split(';').flatMap((entry) => {
      const [recipient, events] = entry.split('##');
      const outcomes = events!.split(',').map((e) => EVENT[e.trim().toLowerCase()]).filter((o) => o !== undefined);
      const last = outcomes[outcomes.length - 1];
      return last ? [[recipient!.toLowerCase(), last]] : [];
    }));
    const records = await flowOf(text);
    assert.deepEqual(recordPairs(records), sorted(expected));
    assert.equal(records.timesInUtc, true, 'origin_timestamp_utc');
  });

  it('the extended report: each recipient\'s last DELIVER, FAIL or DEFER row, or the quarantine its status names', async () => {
    const text = traceFixture('synthetic-extended-utf16le.csv');
    const last = new Map<string, string>();
    for (const row of csvRows(text)) {
      const outcome = EVENT[row['event_id']!.toLowerCase()];
      for (const recipient of row['recipient_address']!.split(';')) {
        const key = recipient.toLowerCase();
        if (outcome) last.set(key, last.get(key) === 'delivered' && outcome === 'deferred' ? 'delivered' : outcome);
        if (/##[^;]*Quarantined/.test(row['recipient_status']!)) last.set(key, 'quarantined');
      }
    }
    const records = await flowOf(text);
    assert.deepEqual(recordPairs(records), sorted([...last].map(([k, v]) => [k, v])));
    const judy = records.recipients.find((r) => r.recipient === 'judy@contoso.com')!;
    assert.equal(judy.delayMs, Date.parse('2026-11-20T10:00:02.000Z') - Date.parse('2026-11-20T10:00:00.000Z'));
    assert.match(judy.slowestPart!, /^from RECEIVE to /);
  });

  it('the detail cmdlet (de-DE): the Fail after a Defer, with its code, the bounce engine\'s reason and the host tried', async () => {
    const text = traceFixture('synthetic-get-messagetracedetailv2-ps7-de-de.csv');
    const rows = csvRows(text);
    const records = await flowOf(text);
    assert.equal(records.recipients.length, new Set(rows.map((r) => r['recipientaddress'])).size);
    const [quinn] = records.recipients;
    assert.equal(quinn!.outcome, 'failed');
    assert.equal(quinn!.deferrals, rows.filter((r) => r['event'] === 'Defer').length);
    assert.equal(quinn!.deliverystatus, '5.2.2');
    assert.equal(quinn!.reason, 'mailboxfull');
    assert.equal(quinn!.whoacts, 'recipient-admin');
    assert.equal(quinn!.hardbounce, true);
    assert.equal(quinn!.destination, 'mx.contoso.com');
    assert.equal(quinn!.settledMs, Date.UTC(2026, 10, 20, 13, 15, 2), 'the Fail row\'s time, day first as de-DE writes it');
  });

  it('the Problems panel gives the failed recipient of the detail cmdlet the same reason and who acts as the report', async () => {
    const text = traceFixture('synthetic-get-messagetracedetailv2-ps7-de-de.csv');
    const document = TextDocument.create(`file:///trace-${documents++}.csv`, 'exchange-message-trace', 1, text);
    const diagnostics = await modes.modeFor(document).doValidation!(document, defaultSettings);
    const failed = diagnostics.find((d) => (d.data as { outcome?: string } | undefined)?.outcome === 'failed');
    // A full mailbox (5.2.2 in the reply the fixture writes) is the bounce engine's mailboxfull, for the recipient's admin.
    assert.equal((failed!.data as { reason?: string }).reason, 'mailboxfull');
    assert.equal((failed!.data as { whoacts?: string }).whoacts, 'recipient-admin');
  });

  it('the culture assumed for dates is noted', async () => {
    const records = await flowOf(traceFixture('synthetic-get-messagetracev2-ps7-en-gb.csv'));
    assert.ok(records.notes.some((n) => n.startsWith('dates read') && n.includes('en-GB')), records.notes.join(' | '));
  });

  it('the real Get-MessageTrace records of the corpus (JSON), as Export-Csv writes them: three deliveries', async () => {
    const folder = 'corpus/exo-message-trace/elastic-integrations-ELv2/microsoft_exchange_online_message_trace/';
    const records = ['microsoft_exchange_online_message_trace_test.ndjson.log', 'test-log.log']
      .flatMap((name) => readShared(folder + name).split('\n').filter(Boolean))
      .map((line) => JSON.parse(line) as Record<string, string | number | null>);
    const keys = Object.keys(records[0]!);
    const quote = (value: string | number | null | undefined) => `"${value === null ? '' : String(value).replaceAll('"', '""')}"`;
    const csv = [keys.map(quote).join(','), ...records.map((r) => keys.map((k) => quote(r[k])).join(','))].join('\r\n');
    const flow = await flowOf(csv);
    assert.deepEqual(recordPairs(flow), sorted(records.map((r) => [String(r['RecipientAddress']).toLowerCase(), STATUS[String(r['Status']).toLowerCase()]!])));
    assert.deepEqual(flow.messages.map((m) => m.key).sort(), records.map((r) => String(r['MessageTraceId'])).sort());
    assert.deepEqual(flow.messages.map((m) => m.size).sort(), records.map((r) => Number(r['Size'])).sort());
  });
});

describe('message trace records: hostile input', () => {
  const header = '"Organization","MessageId","Received","SenderAddress","RecipientAddress","Subject","Status","ToIP","FromIP","Size","MessageTraceId"';

  it('100,000 recipients of one message: one record each', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `"c","<big@x>","2026-11-20T08:00:00Z","s@x.example","r${i}@x.example","s","${i % 10 ? 'Delivered' : 'Failed'}","","","1","same-id"`);
    const records = await flowOf([header, ...rows].join('\n'));
    assert.equal(records.messages.length, 1);
    assert.equal(records.recipients.length, 100_000);
    assert.equal(records.recipients.filter((r) => r.outcome === 'failed').length, 10_000);
  });

  it('a cut file: the last row\'s quote never closes, the rows before it are read', async () => {
    const text = [header, '"c","<a@x>","2026-11-20T08:00:00Z","s@x.example","a@x.example","s","Failed","","","1","id-a"', '"c","<b@x>","2026-11-20T08:00:00Z","s@x.exa'].join('\n');
    const records = await flowOf(text);
    assert.deepEqual(records.recipients.map((r) => [r.recipient, r.outcome]), [['a@x.example', 'failed']]);
  });

  it('cancelled: nothing', async () => {
    const records = await flowOf(traceFixture('synthetic-summary.csv'), { isCancellationRequested: true });
    assert.deepEqual(records, { messages: [], recipients: [], rejections: [], notes: [] });
  });
});

// The mail flow report's engine (#15) on synthetic flow records (hand-made here, labelled
// synthetic): totals and tables against counts written out by hand, nearest-rank percentiles on a
// hand-made set, the caps, the Filter Lines queries, the look-further commands, deterministic order,
// and hostile input (a million recipients of one domain, records without times, times over a
// century) staying bounded.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FlowMessage, FlowRecipient, FlowRecords, FlowRejection, ReportSource } from '../../server/src/common/mailFlow';
import { buildMailFlowReport, REPORT_LIMITS, type SourceRecords } from '../../server/src/analysis/flow/mailFlowReport';
import { sourceNameOf } from '../../server/src/common/sourceNames';
import { queryValue } from '../../server/src/analysis/flow/flowQueries';
import { MAX_BUCKETS, nearestRank } from '../../server/src/analysis/flow/flowTimeline';
import { OTHER_LABEL } from '../../server/src/analysis/flow/countTable';
import { getLanguageService } from '../../server/src/languageService';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const T0 = Date.UTC(2026, 11, 7, 8, 0, 0);

const source = (name: string, language = 'mail-log'): ReportSource => ({ uri: `file:///synthetic/${name}`, name, language, notes: [] });
const records = (parts: Partial<FlowRecords>): FlowRecords => ({ messages: [], recipients: [], rejections: [], notes: [], ...parts });
const recipient = (r: Partial<FlowRecipient> & Pick<FlowRecipient, 'key' | 'recipient' | 'outcome' | 'line'>): FlowRecipient => r;
const one = (r: FlowRecords, language = 'mail-log'): SourceRecords[] => [{ source: source('synthetic.log', language), records: r }];

// Synthetic: three messages, eight recipients of every outcome, two rejected clients.
const messages: FlowMessage[] = [
  { key: 'Q1', sender: 'alice@example.org', receivedMs: T0, line: 0 },
  { key: 'Q2', sender: 'alice@example.org', receivedMs: T0 + HOUR, line: 10 },
  { key: 'Q3', sender: '', receivedMs: T0 + 2 * HOUR, line: 20 },
];
const recipients: FlowRecipient[] = [
  recipient({ key: 'Q1', recipient: 'a@contoso.com', outcome: 'delivered', settledMs: T0 + 1000, delayMs: 1000, line: 1 }),
  recipient({ key: 'Q1', recipient: 'b@contoso.com', outcome: 'failed', settledMs: T0 + 2000, reason: 'userunknown', hardbounce: true, deliverystatus: '5.1.1', replycode: '550', whoacts: 'sender', line: 2 }),
  recipient({ key: 'Q2', recipient: 'c@contoso.com', outcome: 'failed', settledMs: T0 + HOUR, reason: 'userunknown', hardbounce: true, deliverystatus: '5.1.1', line: 11 }),
  recipient({ key: 'Q2', recipient: 'd@fabrikam.com', outcome: 'expired', settledMs: T0 + HOUR, reason: 'expired', hardbounce: false, deliverystatus: '4.4.7', line: 12 }),
  recipient({ key: 'Q2', recipient: 'e@fabrikam.com', outcome: 'deferred', settledMs: T0 + 2 * HOUR, firstDeferredMs: T0 + HOUR, diagnosticcode: '451 4.7.1 try later', destination: 'mx.fabrikam.com', line: 13 }),
  recipient({ key: 'Q3', recipient: 'f@fabrikam.com', outcome: 'deferred', settledMs: T0 + 2 * HOUR, firstDeferredMs: T0 + 90 * 60_000, diagnosticcode: '451 4.7.1  try\nlater', destination: 'mx.fabrikam.com', line: 21 }),
  recipient({ key: 'Q3', recipient: 'g@example.net', outcome: 'quarantined', settledMs: T0 + 2 * HOUR, reason: 'spamdetected', line: 22 }),
  recipient({ key: 'Q3', recipient: 'h@example.net', outcome: 'unknown', line: 23 }),
];
const rejections: FlowRejection[] = [
  { client: 'bad.example[192.0.2.1]', blockList: 'zen.spamhaus.org', recipient: 'x@contoso.com', reason: 'blocked', replycode: '554', timeMs: T0 + 5000, line: 30 },
  { client: 'bad.example[192.0.2.1]', blockList: 'zen.spamhaus.org', timeMs: T0 + 6000, line: 31 },
  { client: 'other.example[192.0.2.2]', timeMs: T0 + 7000, line: 32 },
];

describe('mail flow report engine (synthetic records)', () => {
  const report = buildMailFlowReport(one(records({ messages, recipients, rejections })));

  it('totals count each outcome; rejected adds the refused clients', () => {
    assert.deepEqual(report.totals, { messages: 3, recipients: 8, delivered: 1, failed: 2, expired: 1, deferred: 2, quarantined: 1, rejected: 3, unknown: 1 });
  });

  it('failures by reason (hard, soft or mixed) and by code, count descending then label', () => {
    assert.deepEqual(report.failureReasons.map((r) => [r.label, r.count, r.hardbounce]), [['userunknown', 2, true], ['expired', 1, false]]);
    assert.deepEqual(report.failureReasons[0]!.at, { source: 0, line: 2 });
    assert.equal(report.failureReasons[0]!.query, 'reason:userunknown');
    assert.deepEqual(report.failureCodes.map((r) => [r.label, r.count, r.query]), [['5.1.1', 2, 'code:5.1.1'], ['4.4.7', 1, 'code:4.4.7']]);
  });

  it('a failure the bounce engine could not give a reason says so in words, and its query still finds it', () => {
    // Synthetic: the engine's (Sisimai's) word for no known reason is "undefined".
    const row = buildMailFlowReport(one(records({ recipients: [recipient({ key: 'Q9', recipient: 'z@contoso.com', outcome: 'failed', reason: 'undefined', hardbounce: false, line: 5 })] }))).failureReasons[0]!;
    assert.equal(row.label, 'undefined (no known reason in the reply)');
    assert.equal(row.query, 'reason:undefined');
  });

  it('domains with failures and deferrals, with a recipient query', () => {
    assert.deepEqual(report.domains.map((d) => [d.domain, d.failed, d.deferred, d.query]), [
      ['fabrikam.com', 1, 2, 'recipient:*@fabrikam.com'],
      ['contoso.com', 2, 0, 'recipient:*@contoso.com'],
    ]);
  });

  it('the deferral queue groups destination and last reply (whitespace folded), with the oldest deferral\'s age at the end of the source', () => {
    assert.equal(report.deferrals.length, 1);
    const row = report.deferrals[0]!;
    assert.equal(row.destination, 'mx.fabrikam.com');
    assert.equal(row.lastReply, '451 4.7.1 try later');
    assert.equal(row.count, 2);
    // The source's last time is T0 + 2 h; the oldest deferral began at T0 + 1 h.
    assert.equal(row.oldestAgeMs, HOUR);
    assert.equal(row.query, 'status:deferred "mx.fabrikam.com"');
  });

  it('top senders count messages; the null sender is "<>", linked to its first line only', () => {
    assert.deepEqual(report.topSenders.map((r) => [r.label, r.count, r.query]), [['alice@example.org', 2, 'sender:alice@example.org'], ['<>', 1, undefined]]);
  });

  it('rejected clients and block lists', () => {
    assert.deepEqual(report.rejectedClients.map((r) => [r.label, r.count, r.query]), [
      ['bad.example[192.0.2.1]', 2, 'client:bad.example[192.0.2.1]'], ['other.example[192.0.2.2]', 1, 'client:other.example[192.0.2.2]'],
    ]);
    assert.deepEqual(report.blockLists.map((r) => [r.label, r.count, r.query]), [['zen.spamhaus.org', 2, '"zen.spamhaus.org"']]);
  });

  it('failed recipients: failed, expired, quarantined and refused recipients in line order, each with its code, reason and who acts', () => {
    assert.deepEqual(report.failedRecipients.rows.map((r) => [r.recipient, r.outcome, r.at?.line]), [
      ['b@contoso.com', 'failed', 2], ['c@contoso.com', 'failed', 11], ['d@fabrikam.com', 'expired', 12], ['g@example.net', 'quarantined', 22], ['x@contoso.com', 'rejected', 30],
    ]);
    assert.equal(report.failedRecipients.total, 5);
    const first = report.failedRecipients.rows[0]!;
    assert.deepEqual([first.code, first.reason, first.whoacts, first.timeMs, first.query], ['5.1.1', 'userunknown', 'sender', T0 + 2000, 'id:Q1 recipient:b@contoso.com']);
    assert.equal(report.failedRecipients.rows[4]!.query, 'recipient:x@contoso.com client:bad.example[192.0.2.1]');
  });

  it('every row of every table has a line, and a query but for the null sender\'s', () => {
    const rows = [...report.failureReasons, ...report.failureCodes, ...report.domains, ...report.deferrals, ...report.topSenders,
      ...report.rejectedClients, ...report.blockLists, ...report.failedRecipients.rows, ...report.delays.slowest];
    for (const row of rows) {
      assert.ok(row.at && Number.isInteger(row.at.line), JSON.stringify(row));
      if (!('label' in row && row.label === '<>')) assert.ok(row.query, JSON.stringify(row));
    }
  });

  it('the timeline is hourly over a short span: received, delivered, failed and deferred per hour', () => {
    assert.equal(report.timeline.unit, 'hour');
    assert.deepEqual(report.timeline.buckets.map((b) => [b.startMs - T0, b.received, b.delivered, b.failed, b.deferred]), [
      [0, 1, 1, 1, 0], [HOUR, 1, 0, 2, 0], [2 * HOUR, 1, 0, 0, 2],
    ]);
    assert.deepEqual(report.span, { firstMs: T0, lastMs: T0 + 2 * HOUR, timesInUtc: false });
  });

  it('a span under two hours is drawn per 5 minutes, under half an hour per minute, in buckets on the clock\'s marks (synthetic)', () => {
    const at = (minutes: number, seconds = 0): number => T0 + 7 * MINUTE + minutes * MINUTE + seconds * 1000;
    // 08:07:00 to 09:52:30 (1 h 45 min 30 s): 5-minute buckets from 08:05 to 09:50, 22 of them.
    const short = buildMailFlowReport(one(records({
      messages: [{ key: 'A', receivedMs: at(0), line: 0 }, { key: 'B', receivedMs: at(1, 30), line: 1 }, { key: 'C', receivedMs: at(105, 30), line: 2 }],
      recipients: [recipient({ key: 'A', recipient: 'a@example.com', outcome: 'delivered', settledMs: at(4), line: 3 })],
    })));
    assert.equal(short.timeline.unit, '5 minutes');
    const buckets = short.timeline.buckets;
    assert.equal(buckets.length, 22);
    assert.deepEqual([buckets[0]!.startMs, buckets[21]!.startMs], [T0 + 5 * MINUTE, T0 + 110 * MINUTE]);
    assert.deepEqual(buckets.filter((b) => b.received + b.delivered > 0).map((b) => [(b.startMs - T0) / MINUTE, b.received, b.delivered]),
      [[5, 2, 0], [10, 0, 1], [110, 1, 0]]);
    // 08:07:00 to 08:20:10: one bucket per minute, 14 of them.
    const shorter = buildMailFlowReport(one(records({ messages: [{ key: 'A', receivedMs: at(0), line: 0 }, { key: 'B', receivedMs: at(13, 10), line: 1 }] })));
    assert.equal(shorter.timeline.unit, 'minute');
    assert.deepEqual(shorter.timeline.buckets.map((b) => (b.startMs - T0) / MINUTE), Array.from({ length: 14 }, (_, i) => 7 + i));
    assert.deepEqual(shorter.timeline.buckets.map((b) => b.received).filter((n) => n > 0), [1, 1]);
    // Exactly two hours is drawn per hour (three bands); half an hour per 5 minutes (seven).
    const twoHours = buildMailFlowReport(one(records({ messages: [{ key: 'A', receivedMs: T0, line: 0 }, { key: 'B', receivedMs: T0 + 2 * HOUR, line: 1 }] })));
    assert.equal(twoHours.timeline.unit, 'hour');
    const halfHour = buildMailFlowReport(one(records({ messages: [{ key: 'A', receivedMs: T0, line: 0 }, { key: 'B', receivedMs: T0 + 30 * MINUTE, line: 1 }] })));
    assert.equal(halfHour.timeline.unit, '5 minutes');
    assert.equal(halfHour.timeline.buckets.length, 7);
  });

  it('the timeline is daily when the span is over three days, and spans every day between', () => {
    const days = buildMailFlowReport(one(records({ messages: [{ key: 'A', receivedMs: T0, line: 0 }, { key: 'B', receivedMs: T0 + 70 * HOUR, line: 1 }] })));
    assert.equal(days.timeline.unit, 'hour');
    const week = buildMailFlowReport(one(records({ messages: [{ key: 'A', receivedMs: T0, line: 0 }, { key: 'B', receivedMs: T0 + 6 * 24 * HOUR, line: 1 }] })));
    assert.equal(week.timeline.unit, 'day');
    assert.equal(week.timeline.buckets.length, 7);
    assert.equal(week.timeline.buckets.reduce((n, b) => n + b.received, 0), 2);
  });
});

describe('delays (synthetic)', () => {
  it('nearest rank: the value at rank ⌈p/100 × n⌉ of the sorted values', () => {
    const sorted = Float64Array.from([1, 3, 5]);
    assert.equal(nearestRank(sorted, 50), 3);
    assert.equal(nearestRank(sorted, 90), 5);
    assert.equal(nearestRank(Float64Array.from([7]), 99), 7);
    assert.equal(nearestRank(new Float64Array(0), 50), undefined);
  });

  it('p50, p90 and p99 of the delays 1..100 s given in shuffled order, and the ten slowest with their slowest part', () => {
    const order = Array.from({ length: 100 }, (_, i) => ((i * 37) % 100) + 1);
    const delivered = order.map((s, i) => recipient({
      key: `Q${s}`, recipient: `r${s}@contoso.com`, outcome: 'delivered', delayMs: s * 1000, slowestPart: `part ${s}`, settledMs: T0 + i, line: i,
    }));
    const { delays } = buildMailFlowReport(one(records({ recipients: delivered })));
    assert.deepEqual([delays.count, delays.p50Ms, delays.p90Ms, delays.p99Ms], [100, 50_000, 90_000, 99_000]);
    assert.deepEqual(delays.slowest.map((s) => s.delayMs / 1000), [100, 99, 98, 97, 96, 95, 94, 93, 92, 91]);
    assert.equal(delays.slowest[0]!.slowestPart, 'part 100');
    assert.equal(delays.slowest[0]!.query, 'id:Q100');
  });

  it('a slowest part left out of the records is asked of slowestPartOf by index, for the candidates for the ten slowest only', () => {
    // Delays 100 s down to 1 s in this order: only the first ten can be among the ten slowest.
    const delivered = Array.from({ length: 100 }, (_, i) => recipient({
      key: `Q${i}`, recipient: `r${i}@contoso.com`, outcome: 'delivered', delayMs: (100 - i) * 1000, settledMs: T0 + i, line: i,
    }));
    const asked: number[] = [];
    const slowestPartOf = (index: number): string => {
      asked.push(index);
      return `part of line ${delivered[index]!.line}`;
    };
    const { delays } = buildMailFlowReport(one(records({ recipients: delivered, slowestPartOf })));
    assert.deepEqual(asked.sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.deepEqual(delays.slowest.map((s) => s.slowestPart), Array.from({ length: 10 }, (_, i) => `part of line ${i}`));
  });

  it('a record\'s own slowest part is used without asking', () => {
    const asked: number[] = [];
    const delivered = [recipient({ key: 'Q1', recipient: 'r@contoso.com', outcome: 'delivered', delayMs: 5000, slowestPart: 'own part', settledMs: T0, line: 3 })];
    const { delays } = buildMailFlowReport(one(records({ recipients: delivered, slowestPartOf: (i) => { asked.push(i); return 'asked part'; } })));
    assert.deepEqual(asked, []);
    assert.equal(delays.slowest[0]!.slowestPart, 'own part');
  });

  it('no delivered recipient: no percentiles', () => {
    const { delays } = buildMailFlowReport(one(records({})));
    assert.deepEqual(delays, { count: 0, slowest: [] });
  });
});

describe('caps and order (synthetic)', () => {
  it('failed recipients are capped at 1,000 rows; total counts them all', () => {
    const failed = Array.from({ length: 1500 }, (_, i) => recipient({ key: `Q${i}`, recipient: `u${i}@contoso.com`, outcome: 'failed', line: i }));
    const { failedRecipients } = buildMailFlowReport(one(records({ recipients: failed })));
    assert.equal(failedRecipients.rows.length, REPORT_LIMITS.failedRows);
    assert.equal(failedRecipients.total, 1500);
  });

  it('a table shows its top rows and one "(other)" row with the rest, keys past the bound included', () => {
    const count = REPORT_LIMITS.maxKeys + 500;
    // Sender i sends 1 message, except the first three, which send 5, 4 and 3 more.
    const many: FlowMessage[] = Array.from({ length: count }, (_, i) => ({ key: `Q${i}`, sender: `s${i}@example.org`, line: i }));
    for (const [i, extra] of [[0, 5], [1, 4], [2, 3]] as const) for (let n = 0; n < extra; n++) many.push({ key: `X${i}-${n}`, sender: `s${i}@example.org`, line: count + n });
    const { topSenders } = buildMailFlowReport(one(records({ messages: many })));
    assert.equal(topSenders.length, REPORT_LIMITS.rows + 1);
    assert.deepEqual(topSenders.slice(0, 3).map((r) => [r.label, r.count]), [['s0@example.org', 6], ['s1@example.org', 5], ['s2@example.org', 4]]);
    const other = topSenders.at(-1)!;
    assert.equal(other.label, OTHER_LABEL);
    assert.equal(topSenders.reduce((n, r) => n + r.count, 0), many.length);
    assert.equal(other.query, undefined);
  });

  it('ties are ordered by label, whatever the input order', () => {
    const names = ['c@x.org', 'a@x.org', 'b@x.org'];
    const forward = buildMailFlowReport(one(records({ messages: names.map((sender, line) => ({ key: String(line), sender, line })) })));
    const backward = buildMailFlowReport(one(records({ messages: [...names].reverse().map((sender, line) => ({ key: String(line), sender, line })) })));
    assert.deepEqual(forward.topSenders.map((r) => r.label), ['a@x.org', 'b@x.org', 'c@x.org']);
    assert.deepEqual(backward.topSenders.map((r) => r.label), forward.topSenders.map((r) => r.label));
  });
});

describe('queries (synthetic values)', () => {
  it('plain words stay bare; spaces, quotes, backslashes and controls make a quoted value where ", \\ and controls become *', () => {
    assert.equal(queryValue('a@contoso.com'), 'a@contoso.com');
    assert.equal(queryValue('451 4.7.1 try later'), '"451 4.7.1 try later"');
    assert.equal(queryValue('say "hi" now'), '"say *hi* now"');
    assert.equal(queryValue('a\nb:c'), '"a*b:c"');
    assert.equal(queryValue('C:\\dir\\"x'), '"C:*dir**x"');
    assert.equal(queryValue('OR', 'always'), '"OR"');
    assert.equal(queryValue('x'.repeat(500)).length, 200);
  });

  it('a hostile reason or sender cannot add a term to the query', () => {
    const hostile = [recipient({ key: 'Q', recipient: 'a@contoso.com', outcome: 'failed', reason: 'x" client:"*', line: 0 })];
    const report = buildMailFlowReport(one(records({ recipients: hostile, messages: [{ key: 'Q', sender: 'b" id:"*', line: 0 }] })));
    assert.equal(report.failureReasons[0]!.query, 'reason:"x* client:**"');
    assert.equal(report.topSenders[0]!.query, 'sender:"b* id:**"');
  });
});

describe('look-further commands of the deferral queue (synthetic)', () => {
  const deferred = recipient({ key: 'Q', recipient: 'e@fabrikam.com', outcome: 'deferred', settledMs: T0, line: 3 });

  it('Exchange tracking logs: Get-MessageTrackingLog for the recipient; message traces: Get-MessageTraceV2', () => {
    const tracking = buildMailFlowReport(one(records({ recipients: [deferred] }), 'exchange-tracking-log')).deferrals[0]!.command!;
    assert.equal(tracking.language, 'powershell');
    assert.match(tracking.text, /^Get-MessageTrackingLog -Server EX01 -Recipients 'e@fabrikam\.com' /);
    const trace = buildMailFlowReport(one(records({ recipients: [deferred] }), 'exchange-message-trace')).deferrals[0]!.command!;
    assert.match(trace.text, /^Get-MessageTraceV2 -RecipientAddress 'e@fabrikam\.com' /);
  });

  it('a bounce names no queue to look at: no command', () => {
    assert.equal(buildMailFlowReport(one(records({ recipients: [deferred] }), 'email')).deferrals[0]!.command, undefined);
  });

  it('the family\'s own command comes first; a recipient PowerShell cannot hold gets none', () => {
    const own = records({ recipients: [deferred], lookFurther: (r) => ({ language: 'shellscript', text: `trace ${r.key}` }) });
    assert.deepEqual(buildMailFlowReport(one(own, 'exchange-tracking-log')).deferrals[0]!.command, { language: 'shellscript', text: 'trace Q' });
    const broken = { ...deferred, recipient: 'e@fabrikam.com\nRemove-Item x' };
    assert.equal(buildMailFlowReport(one(records({ recipients: [broken] }), 'exchange-tracking-log')).deferrals[0]!.command, undefined);
  });
});

describe('hostile records (synthetic)', () => {
  it('a million recipients of one domain: one domain row, one deferral row, 1,000 listed failures', () => {
    const n = 1_000_000;
    const many = new Array<FlowRecipient>(n);
    for (let i = 0; i < n; i++) {
      many[i] = i % 2
        ? { key: `Q${i}`, recipient: `u${i}@contoso.com`, outcome: 'failed', reason: 'userunknown', deliverystatus: '5.1.1', settledMs: T0 + i, line: i }
        : { key: `Q${i}`, recipient: `u${i}@contoso.com`, outcome: 'deferred', diagnosticcode: '451 later', settledMs: T0 + i, line: i };
    }
    const report = buildMailFlowReport(one(records({ recipients: many })));
    assert.deepEqual(report.domains.map((d) => [d.domain, d.failed, d.deferred]), [['contoso.com', n / 2, n / 2]]);
    assert.equal(report.deferrals.length, 1);
    assert.equal(report.deferrals[0]!.count, n / 2);
    assert.equal(report.failedRecipients.rows.length, REPORT_LIMITS.failedRows);
    assert.equal(report.failedRecipients.total, n / 2);
    assert.ok(JSON.stringify(report).length < 1_000_000);
  });

  it('records without times: no span, no timeline buckets, the tables still counted', () => {
    const timeless = records({ messages: [{ key: 'Q', sender: 'a@x.org', line: 0 }], recipients: [recipient({ key: 'Q', recipient: 'b@y.org', outcome: 'failed', line: 1 })] });
    const report = buildMailFlowReport(one(timeless));
    assert.equal(report.span, undefined);
    assert.deepEqual(report.timeline.buckets, []);
    assert.equal(report.failedRecipients.total, 1);
  });

  it('times a century apart: at most MAX_BUCKETS timeline buckets', () => {
    const spread: FlowMessage[] = Array.from({ length: 5000 }, (_, i) => ({ key: `Q${i}`, receivedMs: Date.UTC(1970 + (i % 130), i % 12, 1), line: i }));
    const report = buildMailFlowReport(one(records({ messages: spread })));
    assert.equal(report.timeline.unit, 'day');
    assert.ok(report.timeline.buckets.length <= MAX_BUCKETS);
    assert.ok(report.timeline.buckets.every((b, i, all) => i === 0 || all[i - 1]!.startMs < b.startMs));
  });
});

describe('source names', () => {
  it('the last part of the path, decoded; an untitled document\'s name; a bad escape kept as written', () => {
    assert.equal(sourceNameOf('file:///var/log/mail%20log.1'), 'mail log.1');
    assert.equal(sourceNameOf('untitled:Untitled-1'), 'Untitled-1');
    assert.equal(sourceNameOf('file:///x/bad%E0.log'), 'bad%E0.log');
  });
});

describe('language service entry', () => {
  // Synthetic Postfix lines: one delivery.
  const postfix = [
    'Dec  7 08:00:00 mx postfix/smtpd[1]: 4A1B2C3D4E: client=a.example[192.0.2.10]',
    'Dec  7 08:00:01 mx postfix/qmgr[2]: 4A1B2C3D4E: from=<a@example.org>, size=100, nrcpt=1 (queue active)',
    'Dec  7 08:00:02 mx postfix/smtp[3]: 4A1B2C3D4E: to=<b@contoso.com>, relay=mx.contoso.com[192.0.2.20]:25, delay=2, delays=0.1/0/1.5/0.4, dsn=2.0.0, status=sent (250 ok)',
    'Dec  7 08:00:02 mx postfix/qmgr[2]: 4A1B2C3D4E: removed',
  ].join('\n');

  it('reads each document by its family; a document of no family with mailFlow is skipped with the reason', async () => {
    const log = TextDocument.create('file:///synthetic/mail.log', 'mail-log', 1, postfix);
    const text = TextDocument.create('file:///synthetic/notes.txt', 'plaintext', 1, 'nothing here');
    const report = await getLanguageService().mailFlowReport([{ document: log }, { document: text }], [{ uri: 'file:///synthetic/x.bin', name: 'x.bin', reason: 'binary' }]);
    assert.ok(report);
    assert.deepEqual(report.sources.map((s) => [s.name, s.language]), [['mail.log', 'mail-log']]);
    assert.deepEqual(report.skipped.map((s) => s.name), ['x.bin', 'notes.txt']);
    assert.match(report.skipped[1]!.reason, /no mail flow/);
    assert.equal(report.totals.delivered, 1);
    assert.equal(report.delays.slowest[0]!.slowestPart, 'connection set-up (delays= c) 1.5 s');
  });

  it('a log opened as "log" is read by the family that claims it and reported under that family\'s language', async () => {
    const log = TextDocument.create('file:///synthetic/x.log', 'log', 1, postfix);
    const report = await getLanguageService().mailFlowReport([{ document: log }]);
    assert.equal(report?.sources[0]!.language, 'mail-log');
  });

  it('cancelled before or between sources: null', async () => {
    const documents = [1, 2, 3].map((i) => ({ document: TextDocument.create(`file:///synthetic/${i}.log`, 'mail-log', 1, postfix) }));
    assert.equal(await getLanguageService().mailFlowReport(documents, [], { isCancellationRequested: true }), null);
    let yields = 0;
    const token = { isCancellationRequested: false };
    const service = getLanguageService({ yieldControl: async () => { if (++yields === 2) token.isCancellationRequested = true; } });
    assert.equal(await service.mailFlowReport(documents, [], token), null);
    assert.equal(yields, 2);
  });
});

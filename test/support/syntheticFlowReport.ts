// Synthetic MailFlowReport objects for the renderer's tests, hand-written (no engine, no log): a
// plain one with known totals, one whose every document value is hostile, and a big one for the
// bench. Names and numbers are invented; example.com/.net/.org and documentation addresses only.

import type { MailFlowReport } from '../../server/src/common/mailFlow';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 10, 30, 8);

/** A small report: two sources, 3 hours, every section filled, a failed-recipient table capped at 2 of 5. */
export function syntheticReport(): MailFlowReport {
  return {
    sources: [
      { uri: 'file:///logs/synthetic-mail.log', name: 'synthetic-mail.log', language: 'mail-log', notes: ['The year is not in the log: 2026 assumed.'] },
      { uri: 'file:///logs/synthetic-bounces', name: 'synthetic-bounces', language: 'email', notes: [] },
    ],
    skipped: [{ uri: 'file:///logs/picture.png', name: 'picture.png', reason: 'binary file' }],
    span: { firstMs: START, lastMs: START + 3 * HOUR - 1000, timesInUtc: true },
    totals: { messages: 4321, recipients: 5012, delivered: 4700, failed: 171, expired: 12, deferred: 37, quarantined: 9, rejected: 83, unknown: 0 },
    timeline: {
      unit: 'hour',
      buckets: [
        { startMs: START, received: 1800, delivered: 1700, failed: 60, deferred: 10 },
        { startMs: START + HOUR, received: 1700, delivered: 1600, failed: 70, deferred: 15 },
        { startMs: START + 2 * HOUR, received: 1512, delivered: 1400, failed: 41, deferred: 12 },
      ],
    },
    failureReasons: [
      { label: 'Mailbox does not exist', count: 120, hardbounce: true, at: { source: 0, line: 41 }, query: 'reason:mailboxnotfound' },
      { label: 'Mailbox full', count: 40, hardbounce: false, at: { source: 0, line: 77 }, query: 'reason:mailboxfull' },
      { label: 'Blocked as spam', count: 11, at: { source: 1, line: 3 }, query: 'reason:spam' },
    ],
    failureCodes: [
      { label: '5.1.1', count: 120, at: { source: 0, line: 41 }, query: 'code:5.1.1' },
      { label: '4.2.2', count: 40, at: { source: 0, line: 77 }, query: 'code:4.2.2' },
    ],
    domains: [
      { domain: 'contoso.example.com', failed: 90, deferred: 20, at: { source: 0, line: 41 }, query: 'recipient:*@contoso.example.com' },
      { domain: 'fabrikam.example.net', failed: 30, deferred: 0, at: { source: 0, line: 90 }, query: 'recipient:*@fabrikam.example.net' },
    ],
    deferrals: [
      {
        destination: 'mx.contoso.example.com', lastReply: '451 4.7.1 Try again later', count: 20, oldestAgeMs: 2 * HOUR + 5 * 60_000,
        command: { language: 'shellscript', text: "postqueue -j | grep -F 'contoso.example.com'" }, at: { source: 0, line: 120 }, query: 'status:deferred recipient:*@contoso.example.com',
      },
    ],
    delays: {
      count: 4700, p50Ms: 850, p90Ms: 4200, p99Ms: 61_000,
      slowest: [
        { key: '4XyZ1A2B3C', recipient: 'slow@fabrikam.example.net', delayMs: 3 * HOUR, slowestPart: 'in the queue manager (delays= b) 41 s', at: { source: 0, line: 200 }, query: 'id:4XyZ1A2B3C' },
      ],
    },
    topSenders: [{ label: 'newsletter@example.org', count: 900, at: { source: 0, line: 5 }, query: 'sender:newsletter@example.org' }],
    rejectedClients: [{ label: 'unknown[192.0.2.55]', count: 70, at: { source: 0, line: 9 }, query: 'client:192.0.2.55' }],
    blockLists: [{ label: 'zen.spamhaus.org', count: 65, at: { source: 0, line: 9 }, query: 'zen.spamhaus.org' }],
    failedRecipients: {
      total: 5,
      rows: [
        { recipient: 'nobody@contoso.example.com', outcome: 'failed', code: '5.1.1', reason: 'Mailbox does not exist', whoacts: 'sender', timeMs: START + 600_000, at: { source: 0, line: 41 }, query: 'recipient:nobody@contoso.example.com' },
        { recipient: 'full@fabrikam.example.net', outcome: 'expired', code: '4.2.2', reason: 'Mailbox full', whoacts: 'recipient', timeMs: START + HOUR, at: { source: 0, line: 77 } },
      ],
    },
  };
}

/** The hostile values of the report tests: markup, link and image syntax, an attribute break-out, a URL scheme, a right-to-left override. */
export const HOSTILE_VALUES: readonly string[] = [
  '<script>alert(1)</script>', '"onmouseover="alert(1)', "'onfocus='alert(1)", 'javascript:alert(1)', '](http://attacker.example/x)',
  '![x](http://attacker.example/x.png)', 'a\u202Egnp.exe', '<img src=x onerror=alert(1)>', '| cell | break |', '</style><style>*{}', '</td></tr></table><b>',
];

/** A report whose every string from a document is hostile (source names, labels, replies, recipients, notes, queries). */
export function hostileReport(): MailFlowReport {
  const base = syntheticReport();
  const h = (i: number): string => `${HOSTILE_VALUES[i % HOSTILE_VALUES.length]} ${HOSTILE_VALUES[(i + 3) % HOSTILE_VALUES.length]}`;
  const link = (i: number) => ({ at: { source: 0, line: i }, query: `reason:"${h(i)}"` });
  return {
    ...base,
    sources: [{ uri: 'file:///x', name: h(0), language: h(1), notes: [h(2), h(3)] }],
    skipped: [{ uri: 'file:///y', name: h(4), reason: h(5) }],
    failureReasons: HOSTILE_VALUES.map((_, i) => ({ label: h(i), count: 10 + i, hardbounce: i % 2 === 0, ...link(i) })),
    failureCodes: HOSTILE_VALUES.map((_, i) => ({ label: h(i + 1), count: 5 + i, ...link(i) })),
    domains: HOSTILE_VALUES.map((_, i) => ({ domain: h(i + 2), failed: i + 1, deferred: i, ...link(i) })),
    deferrals: HOSTILE_VALUES.map((_, i) => ({ destination: h(i), lastReply: h(i + 4), count: i + 1, command: { language: 'shellscript' as const, text: h(i + 5) }, ...link(i) })),
    delays: {
      ...base.delays,
      slowest: HOSTILE_VALUES.map((_, i) => ({ key: h(i), recipient: h(i + 1), delayMs: 1000 * (i + 1), slowestPart: h(i + 2), ...link(i) })),
    },
    topSenders: HOSTILE_VALUES.map((_, i) => ({ label: h(i + 6), count: i + 1, ...link(i) })),
    rejectedClients: HOSTILE_VALUES.map((_, i) => ({ label: h(i + 7), count: i + 1, ...link(i) })),
    blockLists: HOSTILE_VALUES.map((_, i) => ({ label: h(i + 8), count: i + 1, ...link(i) })),
    failedRecipients: { total: 99, rows: HOSTILE_VALUES.map((_, i) => ({ recipient: h(i), outcome: 'failed' as const, code: h(i + 1), reason: h(i + 2), whoacts: h(i + 3), ...link(i) })) },
  };
}

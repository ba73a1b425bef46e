// The mail flow report (#15) of Postfix, Exim and Sendmail logs and of bounce folders. Expected
// values are counted in this test straight from the logs' lines with plain regular expressions
// (never with the engine or the parser); synthetic lines are labelled.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MailFlowReport } from '../../server/src/common/mailFlow';
import { defaultSettings, getLanguageService } from '../../server/src/languageService';
import { getLanguageModes } from '../../server/src/modes/languageModes';
import { builtIndex } from '../../server/src/modes/mailLog/mailLogIndex';
import { readShared, readTsv, sharedPath } from '../support/shared';

const CORPUS = 'corpus/unix-mail-logs';
let version = 1;
const open = (text: string, name = 'mail.log', languageId = 'mail-log') => TextDocument.create(`file:///logs/${name}`, languageId, version++, text);
const reportOf = async (...documents: TextDocument[]): Promise<MailFlowReport> => {
  const report = await getLanguageService().mailFlowReport(documents.map((document) => ({ document })));
  assert.ok(report);
  return report;
};

/** Nearest rank, written again here: the value at rank ⌈p/100 × n⌉ of the sorted values. */
const rank = (sorted: number[], p: number) => sorted[Math.ceil((p / 100) * sorted.length) - 1];

describe('mail flow of the production Postfix log (95,000 lines)', async () => {
  const text = gunzipSync(readFileSync(sharedPath(`${CORPUS}/postfix-deliverability-analytics/real-mail.log.2.gz`))).toString('utf8');
  const lines = text.split('\n');
  // Independent counts: each (queue id, recipient) pair's first final status (sent, bounced) decides it;
  // a pair with deferrals only is deferred when its message is never removed, else expired when qmgr
  // logged "status=expired" for the id.
  const attempt = /\]: ([0-9A-Z]{6,20}): to=<([^>]*)>,.*? status=(sent|bounced|deferred)/;
  const pairs = new Map<string, { statuses: string[]; dsn?: string; delay?: number; domain: string }>();
  const ids = new Set<string>();
  const removed = new Set<string>();
  const expiredIds = new Set<string>();
  for (const line of lines) {
    const id = /postfix\/[a-z]+\[\d+\]: ([0-9A-Z]{6,20}): /.exec(line)?.[1];
    if (id) ids.add(id);
    if (id && line.endsWith(`${id}: removed`)) removed.add(id);
    if (id && / status=expired, returned to sender/.test(line)) expiredIds.add(id);
    const m = attempt.exec(line);
    if (!m) continue;
    const key = `${m[1]}|${m[2]!.toLowerCase()}`;
    const pair = pairs.get(key) ?? { statuses: [], domain: m[2]!.slice(m[2]!.lastIndexOf('@') + 1).toLowerCase() };
    pairs.set(key, pair);
    if (!pair.statuses.some((s) => s !== 'deferred')) {
      pair.dsn = / dsn=(\d\.\d{1,3}\.\d{1,3})/.exec(line)?.[1];
      pair.delay = Number(/ delay=([\d.]+)/.exec(line)?.[1]);
    }
    pair.statuses.push(m[3]!);
  }
  const outcome = (key: string, pair: { statuses: string[] }) => {
    const final = pair.statuses.find((s) => s !== 'deferred');
    if (final) return final;
    const id = key.split('|')[0]!;
    return expiredIds.has(id) ? 'expired' : removed.has(id) ? 'unknown' : 'deferred';
  };
  const counted = { sent: 0, bounced: 0, deferred: 0, expired: 0, unknown: 0 } as Record<string, number>;
  const bouncedByDsn = new Map<string, number>();
  const failedByDomain = new Map<string, number>();
  const sentDelays: number[] = [];
  for (const [key, pair] of pairs) {
    const o = outcome(key, pair);
    counted[o]!++;
    if (o === 'bounced') bouncedByDsn.set(pair.dsn!, (bouncedByDsn.get(pair.dsn!) ?? 0) + 1);
    if (o === 'bounced' || o === 'expired') failedByDomain.set(pair.domain, (failedByDomain.get(pair.domain) ?? 0) + 1);
    if (o === 'sent') sentDelays.push(pair.delay! * 1000);
  }
  sentDelays.sort((a, b) => a - b);
  const document = open(text);
  const report = await reportOf(document);

  it('totals: messages are the distinct queue ids, recipients the distinct (id, address) pairs, outcomes as counted', () => {
    assert.equal(lines.length > 90_000, true);
    assert.deepEqual(report.totals, {
      messages: ids.size, recipients: pairs.size, delivered: counted['sent'], failed: counted['bounced'], expired: counted['expired'],
      deferred: counted['deferred'], quarantined: 0, rejected: 0, unknown: counted['unknown'],
    });
  });

  it('the timeline adds up to the totals', () => {
    const sum = (key: 'delivered' | 'failed' | 'deferred') => report.timeline.buckets.reduce((n, b) => n + b[key], 0);
    assert.equal(report.timeline.unit, 'hour');
    assert.equal(sum('delivered'), report.totals.delivered);
    assert.equal(sum('failed'), report.totals.failed + report.totals.expired);
    assert.equal(sum('deferred'), report.totals.deferred);
  });

  it('failures by code: the dsn= of each bounced pair', () => {
    const expected = [...bouncedByDsn].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
    for (const [code, count] of expected) {
      const row = report.failureCodes.find((r) => r.label === code);
      // Expired recipients add their last reply's code to the same table.
      assert.ok(row && row.count >= count && row.count <= count + counted['expired']!, `${code}: ${row?.count} vs ${count}`);
      assert.equal(row.query, `code:${code}`);
    }
  });

  it('the domain failing most, with its count', () => {
    const [domain, failed] = [...failedByDomain].sort((a, b) => b[1] - a[1])[0]!;
    const row = report.domains.find((d) => d.domain === domain);
    assert.equal(row?.failed, failed);
    assert.equal(row?.query, `recipient:*@${domain}`);
  });

  it('delay percentiles from the delay= of each delivered pair (nearest rank), and the slowest', () => {
    assert.equal(report.delays.count, sentDelays.length);
    assert.deepEqual([report.delays.p50Ms, report.delays.p90Ms, report.delays.p99Ms], [rank(sentDelays, 50), rank(sentDelays, 90), rank(sentDelays, 99)]);
    assert.equal(report.delays.slowest[0]!.delayMs, sentDelays.at(-1));
    assert.match(report.delays.slowest[0]!.slowestPart ?? '', /^(before the queue manager|in the queue manager|connection set-up|transmission) \(delays= [abcd]\) /);
  });

  it('the deferral queue: rows add up to the deferred total, each with the trace script of its oldest message', () => {
    assert.equal(report.deferrals.reduce((n, r) => n + r.count, 0), report.totals.deferred);
    for (const row of report.deferrals.filter((r) => r.destination !== '(other)')) {
      assert.equal(row.command?.language, 'shellscript');
      assert.match(row.command!.text, /^#!\/bin\/sh\n/);
      assert.match(row.command!.text, /\npostqueue -p \| grep -A 3 -F -- '[0-9A-Z]+'\n/);
      assert.match(row.query ?? '', /^status:deferred /);
      assert.ok(row.oldestAgeMs !== undefined && row.oldestAgeMs >= 0);
    }
  });

  it('every failed recipient listed is the line its problem is on', async () => {
    const everyProblem = { ...defaultSettings, diagnostics: { ...defaultSettings.diagnostics, maxProblems: 1e9 } };
    const problems = await getLanguageService().doValidation(document, everyProblem);
    const problemLines = new Set(problems.map((p) => p.range.start.line));
    assert.equal(report.failedRecipients.total, counted['bounced']! + counted['expired']!);
    for (const row of report.failedRecipients.rows) assert.ok(problemLines.has(row.at!.line), `line ${row.at!.line}`);
    const row = report.failedRecipients.rows[0]!;
    assert.ok(lines[row.at!.line]!.includes(`to=<${row.recipient}>`));
  });

  it('the slowest part of each delivered recipient, asked by its index, is the largest of the delays= on its line', async () => {
    const document = open(text);
    const records = await getLanguageModes({ yieldControl: () => Promise.resolve() }).modeFor(document).mailFlow!(document, defaultSettings);
    let named = 0;
    records.recipients.forEach((recipient, index) => {
      if (recipient.outcome !== 'delivered') return;
      const part = records.slowestPartOf?.(index);
      const delays = /delays=([\d.]+)\/([\d.]+)\/([\d.]+)\/([\d.]+),/.exec(lines[recipient.line]!)?.slice(1).map(Number);
      const largest = delays ? Math.max(...delays) : 0;
      if (!delays || largest === 0) return assert.equal(part, undefined, lines[recipient.line]);
      assert.ok(part?.includes(`(delays= ${'abcd'[delays.indexOf(largest)]}) `), `${part} for ${lines[recipient.line]}`);
      named++;
    });
    assert.ok(named > 1000, `${named} named`);
  });

  it('reuses the index the Problems panel built for this version', async () => {
    const again = open(text);
    await getLanguageService().doValidation(again);
    const index = builtIndex(again);
    assert.ok(index);
    await reportOf(again);
    assert.equal(builtIndex(again), index);
  });

  it('is cancelled while the log is read: null, and no half-built index is kept', async () => {
    const fresh = open(text);
    const token = { isCancellationRequested: false };
    let yields = 0;
    const service = getLanguageService({ yieldControl: async () => { if (++yields === 3) token.isCancellationRequested = true; } });
    assert.equal(await service.mailFlowReport([{ document: fresh }], [], token), null);
    assert.equal(builtIndex(fresh), undefined);
  });
});

describe('mail flow of rejections and other systems', () => {
  it('Postfix rejects (NOQUEUE and queued) are rejections with their client, block list and a refused recipient', async () => {
    const text = readShared(`${CORPUS}/fail2ban/postfix`);
    // Lines with a syslog time stamp (the day padded to two characters or not) whose program is Postfix's.
    const rejectLines = text.split('\n').filter((l) => /^[A-Z][a-z]{2} {1,2}\d\d? \d\d:\d\d:\d\d \S+ postfix[\w-]*\/[\w/]+\[\d+\]: (?:NOQUEUE|[0-9A-Za-z]{6,20}): (?:milter-)?reject: /.test(l));
    const withRecipient = rejectLines.filter((l) => / to=<[^>]+>/.test(l));
    const blocked = rejectLines.map((l) => / blocked using ([A-Za-z0-9.-]+)/.exec(l)?.[1]).filter((x): x is string => x !== undefined);
    const report = await reportOf(open(text));
    assert.ok(rejectLines.length > 10);
    assert.equal(report.totals.rejected, rejectLines.length);
    assert.equal(report.failedRecipients.rows.filter((r) => r.outcome === 'rejected').length, withRecipient.length);
    assert.equal(report.blockLists.reduce((n, r) => n + r.count, 0), blocked.length);
    const firstClient = /reject: [A-Z]+ from (\S+\[[0-9a-fA-F.:]+\]):/.exec(rejectLines[0]!)![1]!;
    assert.ok(report.rejectedClients.some((r) => r.label === firstClient), firstClient);
  });

  it('Exim: deliveries (=> and -> for more addresses of one delivery), bounces and time-outs (**) of the main log', async () => {
    const text = readShared(`${CORPUS}/exim_exporter/mainlog`);
    // A pair is (id, address) within one life of the id: "Completed" ends it, a later line starts the next.
    const life = new Map<string, number>();
    const outcomes = new Map<string, string>();
    for (const line of text.split('\n')) {
      const m = /([0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}) (=>|->|\*\*|Completed)(?: (\S+?):? |$)/.exec(line);
      if (!m) continue;
      if (m[2] === 'Completed') { life.set(m[1]!, (life.get(m[1]!) ?? 0) + 1); continue; }
      const key = `${m[1]}#${life.get(m[1]!) ?? 0}|${m[3]}`;
      if (outcomes.has(key)) continue;
      outcomes.set(key, m[2] === '**' ? (line.endsWith('retry timeout exceeded') ? 'expired' : 'failed') : 'delivered');
    }
    const count = (o: string) => [...outcomes.values()].filter((v) => v === o).length;
    const report = await reportOf(open(text, 'mainlog'));
    assert.deepEqual([report.totals.delivered, report.totals.failed, report.totals.expired], [count('delivered'), count('failed'), count('expired')]);
    assert.ok(count('delivered') > 0 && count('failed') > 0 && count('expired') > 0);
  });

  it('a synthetic log without time stamps has nothing a report counts, and no span', async () => {
    const report = await reportOf(open(['postfix/smtp[3]: 4A1B2C3D4E: to=<b@contoso.com>, relay=none, status=bounced (no)', 'no time here'].join('\n')));
    assert.equal(report.totals.recipients, 0);
    assert.equal(report.span, undefined);
  });

  it('a synthetic message with 20,000 recipients of one domain: bounded, and the bound is noted', async () => {
    const head = ['Dec  7 08:00:00 mx postfix/qmgr[2]: 4A1B2C3D4E: from=<a@example.org>, size=100, nrcpt=20000 (queue active)'];
    const attempts = Array.from({ length: 20_000 }, (_, i) => `Dec  7 08:00:01 mx postfix/smtp[3]: 4A1B2C3D4E: to=<u${i}@contoso.com>, relay=none, delay=1, delays=1/0/0/0, dsn=4.4.1, status=deferred (connect to mx.contoso.com: Connection timed out)`);
    const report = await reportOf(open([...head, ...attempts].join('\n')));
    assert.ok(report.totals.recipients <= 1000);
    assert.deepEqual(report.domains.map((d) => d.domain), ['contoso.com']);
    assert.equal(report.deferrals.length, 1);
    assert.match(report.sources[0]!.notes.join(' '), /recipients past the bound/);
  });
});

describe('mail flow of a folder of bounces', () => {
  it('one failed recipient per recipient of each bounce, each with an id: query and the line of its problem', async () => {
    const expected = readTsv('corpus/bounces/expected-results.tsv').filter((r) => r['expected_hardbounce'] === 'true' && r['expected_reason'] === 'userunknown');
    const files = [...new Set(expected.map((r) => r['file']!))].slice(0, 12);
    const documents = files.map((file) => TextDocument.create(`file:///bounces/${file}`, 'email', 1, readShared(`corpus/bounces/maildir/bsd/${file}`)));
    const report = await reportOf(...documents);
    const rows = expected.filter((r) => files.includes(r['file']!));
    assert.equal(report.sources.length, files.length);
    assert.equal(report.totals.messages, files.length);
    assert.equal(report.totals.failed, rows.length);
    const userUnknown = report.failureReasons.find((r) => r.label === 'userunknown');
    assert.equal(userUnknown?.count, rows.length);
    assert.equal(userUnknown?.hardbounce, true);
    const listed = report.failedRecipients.rows.map((r) => r.recipient.toLowerCase()).sort();
    assert.deepEqual(listed, rows.map((r) => r['recipient']!.toLowerCase()).sort());
    for (const row of report.failedRecipients.rows) {
      assert.match(row.query ?? '', /^id:\S+ recipient:/);
      assert.ok(row.at!.line > 0);
    }
  });
});

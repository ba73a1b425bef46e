// Filter Lines (#15): the query language, and matching per family against lines picked here
// independently of the engine (plain `includes` and regular expressions over the logs' own text).
// Real logs come from ../shared/corpus; hand-written documents are labelled synthetic.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type GlobPattern, globMatches, globOccursIn, type LineQuery, MAX_QUERY_CHARS, parseLineQuery } from '../../server/src/common/lineQuery';
import { getLanguageService } from '../../server/src/languageService';
import { readShared, sharedPath } from '../support/shared';
import { traceFixture } from '../support/messageTraceFixtures';
import { splitCsv as csvCells } from '../support/plainCsv';

const service = getLanguageService();
let version = 1;
const open = (text: string, languageId: string, uri = 'file:///logs/doc.log'): TextDocument => TextDocument.create(uri, languageId, version++, text);
const linesOf = (text: string): string[] => text.split(/\r?\n/);
/** Indexes of the lines that pass `test`. */
const pick = (text: string, test: (line: string) => boolean): number[] => linesOf(text).flatMap((line, i) => (test(line) ? [i] : []));
const filter = async (document: TextDocument, query: string, limit?: number) => service.filterLines(document, query, limit);
const query = (text: string): LineQuery => {
  const parsed = parseLineQuery(text);
  assert.ok('query' in parsed, `${text}: ${'error' in parsed ? parsed.error : ''}`);
  return parsed.query;
};
const errorOf = (text: string): string => {
  const parsed = parseLineQuery(text);
  assert.ok('error' in parsed, text);
  return parsed.error;
};
const glob = (value: string): GlobPattern => query(`recipient:${value}`).terms[0]!.pattern;

describe('Filter Lines: the query', () => {
  it('reads fields, quoted values, wildcards, free text and AND', () => {
    const { terms } = query('status:deferred  Recipient:*@contoso.com AND "mailbox full" reason:"user unknown" 5.1.1');
    assert.deepEqual(terms.map((t) => [t.field ?? 'text', t.pattern.parts]), [
      ['status', ['deferred']], ['recipient', ['', '@contoso.com']], ['text', ['mailbox full']], ['reason', ['user unknown']], ['text', ['5.1.1']],
    ]);
  });

  it('every field of the protocol is known; escapes keep * and " literal', () => {
    for (const field of ['event', 'status', 'recipient', 'sender', 'reason', 'id', 'code', 'client']) assert.equal(query(`${field}:x`).terms[0]!.field, field);
    assert.deepEqual(query(String.raw`a\*b "say \"hi\""`).terms.map((t) => t.pattern.parts), [['a*b'], ['say "hi"']]);
  });

  it('says in one line what is wrong with a query that cannot be read', () => {
    assert.match(errorOf('foo:bar'), /^unknown field "foo": the fields are event, status, recipient, sender, reason, id, code, client/);
    assert.match(errorOf('status:"deferred'), /double quote is not closed/);
    assert.match(errorOf('status:'), /^status: needs a value/);
    assert.match(errorOf('status:failed OR status:deferred'), /joined by AND only/);
    assert.match(errorOf('"a"b'), /after a closing quote/);
    assert.match(errorOf('   '), /query is empty/);
    assert.match(errorOf('x'.repeat(MAX_QUERY_CHARS + 1)), /at most 1000/);
    assert.match(errorOf(Array.from({ length: 33 }, (_, i) => `w${i}`).join(' ')), /more than 32 terms/);
    for (const text of ['foo:bar', 'status:"x', 'status:']) assert.ok(!errorOf(text).includes('\n'), text);
  });

  it('text with a colon is free text when quoted, or when what comes before the colon is not a name', () => {
    assert.deepEqual(query('"http://x" 10:42:01').terms.map((t) => t.field), [undefined, undefined]);
  });

  it('globs match whole values, case-insensitively; free text matches anywhere', () => {
    assert.ok(globMatches(glob('*@contoso.com'), 'Bob@Contoso.COM'));
    assert.ok(!globMatches(glob('*@contoso.com'), 'bob@contoso.com.evil'));
    assert.ok(globMatches(glob('b*@*.com'), 'bob@contoso.com'));
    assert.ok(!globMatches(glob('b*@*.com'), 'alice@contoso.com'));
    assert.ok(globMatches(glob('ab*ba'), 'aba') === false, 'the two ends may not overlap');
    assert.ok(globMatches(glob('ab*ba'), 'abba'));
    assert.ok(globMatches(glob('*'), ''));
    assert.ok(globOccursIn(query('"mailbox FULL"').terms[0]!.pattern, '550 5.2.2 Mailbox full'));
    assert.ok(globOccursIn(query('5.*.1').terms[0]!.pattern, 'said: 550 5.1.1 unknown'));
    assert.ok(!globOccursIn(query('5.*.9').terms[0]!.pattern, 'said: 550 5.1.1 unknown'));
  });

  it('hostile patterns such as *a*a*a*a*b give the right answer on long runs of a (matched in one pass per part)', () => {
    const run = 'a'.repeat(200_000);
    const hostile = glob('*a*a*a*a*b');
    assert.equal(globMatches(hostile, run), false);
    assert.equal(globMatches(hostile, `${run}b`), true);
    assert.equal(globOccursIn(hostile, run), false);
    assert.equal(globOccursIn(hostile, `${run}b${run}`), true);
    const many = glob(`${'*a'.repeat(400)}*b`);
    assert.equal(globMatches(many, run), false);
  });
});

const UNIX = 'corpus/unix-mail-logs';
/** Every plain-text Postfix, Exim or Sendmail log of the corpus (compressed ones and licences aside). */
function corpusMailLogs(): string[] {
  const files: string[] = [];
  const walk = (relative: string): void => {
    for (const name of readdirSync(sharedPath(relative))) {
      const path = `${relative}/${name}`;
      if (statSync(join(sharedPath(relative), name)).isDirectory()) walk(path);
      else if (!/\.(gz|md|txt|yml|tar|tsv|json|csv|yaml)$|LICENSE|SOURCE|README|dep5/.test(name)) files.push(path);
    }
  };
  walk(UNIX);
  return files;
}

describe('Filter Lines: Postfix, Exim and Sendmail logs (corpus)', () => {
  const logs = corpusMailLogs().map((file) => ({ file, text: readShared(file) })).filter(({ text }) => /status=(deferred|bounced|sent)/.test(text));

  it('status:deferred, status:bounced and status:sent find exactly the lines that say status=deferred, bounced, sent', async () => {
    assert.ok(logs.length >= 10, `${logs.length} corpus logs with status= lines`);
    for (const { file, text } of logs) {
      const document = open(text, 'mail-log');
      for (const status of ['deferred', 'bounced', 'sent']) {
        const expected = pick(text, (line) => line.includes(`status=${status} `) || line.endsWith(`status=${status}`));
        const result = await filter(document, `status:${status}`);
        assert.deepEqual(result.lines, expected, `${file} status:${status}`);
        assert.equal(result.total, expected.length);
      }
    }
  });

  it('status:failed is what bounced (the report\'s word for it), status:delivered what was sent', async () => {
    const { text } = logs.find((l) => l.file.endsWith('2_multiple_recipients_some_bounces.log'))!;
    const document = open(text, 'mail-log');
    assert.deepEqual((await filter(document, 'status:failed')).lines, pick(text, (l) => l.includes('status=bounced')));
    assert.deepEqual((await filter(document, 'status:delivered')).lines, pick(text, (l) => l.includes('status=sent')));
  });

  it('recipient:*@domain finds the to=<...@domain> lines; event:qmgr the lines of the queue manager', async () => {
    for (const { file, text } of logs.slice(0, 8)) {
      const document = open(text, 'mail-log');
      const domain = /to=<[^@>]+@([^>]+)>/.exec(text)?.[1];
      if (domain) {
        // A delivery line names its recipient right after the queue id ("3F2A: to=<...>"); other lines quoting to=<> are not about one.
        const expected = pick(text, (line) => new RegExp(`: [0-9A-Za-z]+: to=<[^>]*@${domain.replace(/\./g, '\\.')}>`, 'i').test(line));
        assert.deepEqual((await filter(document, `recipient:*@${domain}`)).lines, expected, `${file} ${domain}`);
      }
      assert.deepEqual((await filter(document, 'event:qmgr')).lines, pick(text, (line) => /postfix[^/\s]*\/qmgr\[/.test(line)), file);
    }
  });

  it('id:<queue id> finds every line of the message and of the bounce notification it caused', async () => {
    const { text } = logs.find((l) => l.file.endsWith('2_multiple_recipients_some_bounces.log'))!;
    const bounced = linesOf(text).find((l) => l.includes('status=bounced'))!;
    const id = /: ([0-9A-F]{8,}): to=/.exec(bounced)![1]!;
    const notification = new RegExp(`${id}: sender non-delivery notification: ([0-9A-F]+)`).exec(text)![1]!;
    const expected = pick(text, (line) => line.includes(`: ${id}:`) || line.includes(`: ${notification}:`));
    assert.ok(expected.length > 5, 'lines of the message');
    assert.deepEqual((await filter(open(text, 'mail-log'), `id:${id}`)).lines, expected);
    // A lower-case id, or its start with a wildcard, finds the same lines.
    assert.deepEqual((await filter(open(text, 'mail-log'), `id:${id.toLowerCase().slice(0, 6)}*`)).lines, expected);
  });

  it('terms are joined by AND; free text narrows the lines', async () => {
    const { text } = logs.find((l) => l.file.endsWith('2_multiple_recipients_some_bounces.log'))!;
    const document = open(text, 'mail-log');
    const expected = pick(text, (line) => line.includes('status=bounced') && line.toLowerCase().includes('google'));
    assert.ok(expected.length > 0, 'bounced lines naming google');
    assert.deepEqual((await filter(document, 'status:bounced google')).lines, expected);
    assert.deepEqual((await filter(document, 'status:bounced AND "GOOGLE"')).lines, expected);
  });

  it('code:5.* and reason:* find the failed and deferred lines the Problems panel reports', async () => {
    const { text } = logs.find((l) => l.file.endsWith('2_multiple_recipients_some_bounces.log'))!;
    const document = open(text, 'mail-log');
    const failed = pick(text, (line) => line.includes('status=bounced'));
    assert.deepEqual((await filter(document, 'code:5.*')).lines, failed);
    assert.deepEqual((await filter(document, 'reason:*')).lines, failed);
    const problems = await service.doValidation(document);
    const reasons = new Set(problems.map((p) => (p.data as { reason?: string } | undefined)?.reason).filter(Boolean));
    for (const reason of reasons) assert.ok((await filter(document, `reason:${reason}`)).total > 0, reason!);
  });

  it('Exim: status:deferred finds the == lines; the ** lines are failed, or expired when the retry time ran out', async () => {
    const { text } = { text: readShared(`${UNIX}/exim_exporter/mainlog`) };
    const document = open(text, 'mail-log');
    const deferred = pick(text, (line) => / [0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4} == /.test(line));
    const failed = pick(text, (line) => / [0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4} \*\* /.test(line));
    assert.ok(deferred.length > 0 || failed.length > 0, 'Exim delivery failures');
    assert.deepEqual((await filter(document, 'status:deferred')).lines, deferred);
    const expired = pick(text, (line) => failed.includes(linesOf(text).indexOf(line)) && line.includes('retry timeout exceeded'));
    assert.ok(expired.length > 0, 'expired lines');
    assert.deepEqual((await filter(document, 'status:expired')).lines, expired);
    assert.deepEqual((await filter(document, 'status:failed')).lines, failed.filter((line) => !expired.includes(line)));
  });

  it('client: on refused connections (synthetic Postfix lines)', async () => {
    // Synthetic.
    const text = [
      'Nov 23 09:14:02 mx postfix/smtpd[2211]: NOQUEUE: reject: RCPT from bad.example[192.0.2.7]: 554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using zen.spamhaus.org; from=<a@bad.example> to=<bob@example.com> proto=ESMTP helo=<bad>',
      'Nov 23 09:14:03 mx postfix/smtpd[2211]: connect from good.example[198.51.100.1]',
      'Nov 23 09:14:04 mx postfix/smtpd[2212]: NOQUEUE: reject: RCPT from other.example[198.51.100.9]: 450 4.1.8 <a@other.example>: Sender address rejected: Domain not found; from=<a@other.example> to=<bob@example.com> proto=ESMTP helo=<o>',
    ].join('\n');
    const document = open(text, 'mail-log');
    assert.deepEqual((await filter(document, 'client:192.0.2.7')).lines, [0]);
    assert.deepEqual((await filter(document, 'client:bad.example')).lines, [0]);
    assert.deepEqual((await filter(document, 'status:rejected')).lines, [0, 2]);
    assert.deepEqual((await filter(document, 'status:rejected code:4.*')).lines, [2]);
    assert.deepEqual((await filter(document, 'sender:a@bad.example')).lines, [0]);
  });

  it('answers at most `limit` lines and counts them all', async () => {
    const { text } = logs.find((l) => l.file.endsWith('2_multiple_recipients_some_bounces.log'))!;
    const all = pick(text, (line) => line.includes('postfix/'));
    const result = await filter(open(text, 'mail-log'), 'postfix/', 3);
    assert.deepEqual(result.lines, all.slice(0, 3));
    assert.equal(result.total, all.length);
  });
});


const naiveColumn = (line: string, index: number): string => csvCells(line)[index] ?? '';

describe('Filter Lines: Exchange logs', () => {
  // The in-editor suite's hand-written (synthetic) tracking and protocol logs: FAIL, DSN, DELIVER, DEFER; a refused relay.
  const trackingLog = readFileSync('test/e2e/fixtures/MSGTRK20261123-1.LOG', 'utf8');
  const protocolLog = readFileSync('test/e2e/fixtures/RECV2026112310-1.LOG', 'utf8');
  const fieldIndex = (text: string, name: string): number => linesOf(text).find((l) => l.startsWith('#Fields: '))!.slice(9).split(',').indexOf(name);

  it('tracking: event: and status: read the event-id column (FAIL failed, DEFER deferred, DELIVER delivered)', async () => {
    const document = open(trackingLog, 'exchange-tracking-log');
    const event = fieldIndex(trackingLog, 'event-id');
    const rowsOf = (...ids: string[]) => pick(trackingLog, (line) => !line.startsWith('#') && ids.includes(naiveColumn(line, event)));
    for (const [query, ids] of [['event:FAIL', ['FAIL']], ['event:deliver', ['DELIVER']], ['status:failed', ['FAIL']], ['status:deferred', ['DEFER']], ['status:delivered', ['DELIVER', 'SEND']]] as const) {
      const expected = rowsOf(...ids);
      assert.ok(expected.length > 0, query);
      assert.deepEqual((await filter(document, query)).lines, expected, query);
    }
  });

  it('tracking: id: gives every row of the message and the DSN that names it; recipient, sender, client and code read their columns', async () => {
    const document = open(trackingLog, 'exchange-tracking-log');
    const failLine = linesOf(trackingLog).find((l) => l.includes(',FAIL,'))!;
    const messageId = naiveColumn(failLine, fieldIndex(trackingLog, 'message-id'));
    const dsnId = naiveColumn(linesOf(trackingLog).find((l) => l.includes(',DSN,') && l.includes(messageId))!, fieldIndex(trackingLog, 'message-id'));
    const expected = pick(trackingLog, (line) => !line.startsWith('#') && (line.includes(messageId) || line.includes(dsnId)));
    assert.deepEqual((await filter(document, `id:${messageId}`)).lines, expected);
    assert.deepEqual((await filter(document, `id:${messageId.slice(1, -1)}`)).lines, expected, 'without its angle brackets');
    const internal = naiveColumn(failLine, fieldIndex(trackingLog, 'internal-message-id'));
    assert.ok((await filter(document, `id:${internal}`)).lines.includes(linesOf(trackingLog).indexOf(failLine)));

    const recipient = naiveColumn(failLine, fieldIndex(trackingLog, 'recipient-address')).split(';')[0]!;
    const recipientColumn = fieldIndex(trackingLog, 'recipient-address');
    assert.deepEqual((await filter(document, `recipient:${recipient}`)).lines,
      pick(trackingLog, (line) => !line.startsWith('#') && naiveColumn(line, recipientColumn).toLowerCase().split(';').includes(recipient.toLowerCase())));
    const senderColumn = fieldIndex(trackingLog, 'sender-address');
    const sender = naiveColumn(failLine, senderColumn);
    assert.deepEqual((await filter(document, `sender:${sender}`)).lines, pick(trackingLog, (line) => !line.startsWith('#') && naiveColumn(line, senderColumn) === sender));
    const clientColumn = fieldIndex(trackingLog, 'client-ip');
    const client = linesOf(trackingLog).map((l) => naiveColumn(l, clientColumn)).find((v) => /^\d+\.\d+\.\d+\.\d+$/.test(v))!;
    assert.deepEqual((await filter(document, `client:${client}`)).lines, pick(trackingLog, (line) => !line.startsWith('#') && naiveColumn(line, clientColumn) === client));
    assert.deepEqual((await filter(document, 'code:5.1.1 status:failed')).lines, pick(trackingLog, (line) => line.includes(',FAIL,') && line.includes('5.1.1')));
  });

  it('tracking (corpus): every row of a real log is a line the filter can find by its event', async () => {
    const text = readShared('corpus/exchange-logs/kinesis-agent-windows/exchange2013-message-tracking-sample.log');
    const document = open(text, 'exchange-tracking-log');
    const event = fieldIndex(text, 'event-id');
    const rows = (l: string): boolean => l !== '' && !l.startsWith('#') && !l.startsWith('\uFEFF#');
    const events = new Set(linesOf(text).filter(rows).map((l) => naiveColumn(l, event)));
    assert.ok(events.size >= 2, [...events].join());
    for (const id of events) assert.deepEqual((await filter(document, `event:${id}`)).lines, pick(text, (l) => rows(l) && naiveColumn(l, event) === id), id);
  });

  it('protocol: status from the reply class, client the remote endpoint, id the whole session, sender and recipient from MAIL FROM and RCPT TO', async () => {
    const document = open(protocolLog, 'exchange-protocol-log');
    const event = fieldIndex(protocolLog, 'event');
    const data = fieldIndex(protocolLog, 'data');
    const session = fieldIndex(protocolLog, 'session-id');
    const remote = fieldIndex(protocolLog, 'remote-endpoint');
    const replies = (digit: string) => pick(protocolLog, (l) => ['>', '<'].includes(naiveColumn(l, event)) && new RegExp(`^${digit}\\d\\d[ -]`).test(naiveColumn(l, data)));
    assert.ok(replies('5').length > 0, '5xx replies');
    assert.deepEqual((await filter(document, 'status:failed')).lines, replies('5'));
    assert.deepEqual((await filter(document, 'status:rejected')).lines, replies('5'));
    assert.deepEqual((await filter(document, 'status:deferred')).lines, replies('4'));
    const failed = linesOf(protocolLog)[replies('5')[0]!]!;
    const sessionId = naiveColumn(failed, session);
    assert.deepEqual((await filter(document, `id:${sessionId}`)).lines, pick(protocolLog, (l) => naiveColumn(l, session) === sessionId));
    const ip = naiveColumn(failed, remote).split(':')[0]!;
    assert.deepEqual((await filter(document, `client:${ip}`)).lines, pick(protocolLog, (l) => naiveColumn(l, remote).startsWith(`${ip}:`)));
    assert.deepEqual((await filter(document, 'sender:*')).lines, pick(protocolLog, (l) => naiveColumn(l, data).toUpperCase().startsWith('MAIL FROM:')));
    assert.deepEqual((await filter(document, 'recipient:*')).lines, pick(protocolLog, (l) => naiveColumn(l, data).toUpperCase().startsWith('RCPT TO:')));
    assert.deepEqual((await filter(document, 'code:5.7.1')).lines, pick(protocolLog, (l) => /^5\d\d 5\.7\.1\b/.test(naiveColumn(l, data))));
  });
});

describe('Filter Lines: message traces, e-mail and other text', () => {
  it('message trace (synthetic cmdlet export): status, recipient, sender and id', async () => {
    const text = traceFixture('synthetic-get-messagetracev2-ps51.csv');
    const document = open(text, 'exchange-message-trace', 'file:///traces/trace.csv');
    const header = linesOf(text)[1]!.split(',').map((c) => c.replace(/"/g, '').toLowerCase());
    const cell = (line: string, column: string): string => (line.match(/("[^"]*"|[^,]*)(,|$)/g) ?? [])[header.indexOf(column)]?.replace(/,$/, '').replace(/^"|"$/g, '') ?? '';
    const rows = (test: (line: string) => boolean) => pick(text, (line, ) => line.startsWith('"outlook') && test(line));
    for (const status of ['Delivered', 'Failed']) {
      const expected = rows((l) => cell(l, 'status') === status);
      assert.ok(expected.length > 0, status);
      assert.deepEqual((await filter(document, `status:${status.toLowerCase()}`)).lines, expected, status);
    }
    const first = linesOf(text)[rows(() => true)[0]!]!;
    const recipient = cell(first, 'recipientaddress');
    assert.deepEqual((await filter(document, `recipient:${recipient}`)).lines, rows((l) => cell(l, 'recipientaddress').toLowerCase() === recipient.toLowerCase()));
    const sender = cell(first, 'senderaddress');
    assert.deepEqual((await filter(document, `sender:${sender}`)).lines, rows((l) => cell(l, 'senderaddress').toLowerCase() === sender.toLowerCase()));
    const traceId = cell(first, 'messagetraceid');
    assert.deepEqual((await filter(document, `id:${traceId}`)).lines, rows((l) => cell(l, 'messagetraceid') === traceId));
  });

  it('message trace (synthetic extended report): event: reads the event_id column', async () => {
    const text = traceFixture('synthetic-extended-utf16le.csv');
    const document = open(text, 'exchange-message-trace', 'file:///traces/extended.csv');
    const expected = pick(text, (line) => /^[^"]*?,(?:[^,]*,){7}RECEIVE,/.test(line));
    assert.ok(expected.length > 0, 'RECEIVE rows');
    assert.deepEqual((await filter(document, 'event:RECEIVE')).lines, expected);
  });

  it('e-mail (corpus bounce): recipient: finds the failed recipient\'s lines; fields an e-mail lacks are named in the error', async () => {
    const dir = 'corpus/bounces/maildir/bsd';
    const name = readdirSync(sharedPath(dir)).find((f) => f.startsWith('rfc3464'))!;
    const text = readShared(`${dir}/${name}`);
    const document = open(text, 'email', 'file:///mail/bounce.eml');
    const problems = await service.doValidation(document);
    const failed = problems.find((p) => (p.data as { recipient?: string } | undefined)?.recipient);
    assert.ok(failed, name);
    const recipient = (failed.data as { recipient: string }).recipient;
    const found = await filter(document, `recipient:${recipient}`);
    assert.ok(found.lines.includes(failed.range.start.line), `${name}: the problem's line`);
    for (const line of found.lines) assert.ok(linesOf(text)[line]!.toLowerCase().includes(recipient.toLowerCase()) || line === failed.range.start.line, `${name}:${line}`);
    assert.match((await filter(document, 'event:FAIL')).error ?? '', /^e-mail messages have no event field: filter them by recipient, status, code, reason or free text$/);
    assert.match((await filter(document, 'id:x client:y')).error ?? '', /no id or client fields/);
  });

  it('plain text: free text only, and a field query says so', async () => {
    // Synthetic.
    const text = 'one 550 5.1.1\r\ntwo\r\nthree 550 5.7.1 Relay\r\n';
    const document = open(text, 'plaintext', 'file:///notes.txt');
    assert.deepEqual((await filter(document, '550 5.*.1')).lines, [0, 2]);
    assert.deepEqual((await filter(document, '"relay"')).lines, [2]);
    assert.match((await filter(document, 'status:failed')).error ?? '', /plain text documents have no status field: filter them by free text/);
  });
});

describe('Filter Lines: hostile documents and queries (synthetic)', () => {
  it('a 5 MB line and 100,000 short lines are read without error; a hostile glob finds what includes finds', async () => {
    const long = `Nov 23 09:14:02 mx postfix/smtp[1]: 4F1A2B3C4D: to=<${'a'.repeat(5_000_000)}@x.example>, status=bounced (550 5.1.1 x)\n`;
    const many = 'Nov 23 09:14:02 mx postfix/smtpd[1]: connect from a[192.0.2.1]\n'.repeat(100_000);
    for (const text of [long, many, `${long}${many}`]) {
      const document = open(text, 'mail-log');
      // Independently: a line holds four a's and then a b.
      const fourAsThenB = (line: string): boolean => {
        const lower = line.toLowerCase();
        let at = -1;
        for (let n = 0; n < 4; n++) if ((at = lower.indexOf('a', at + 1)) < 0) return false;
        return lower.indexOf('b', at + 1) >= 0;
      };
      assert.deepEqual((await filter(document, '*a*a*a*a*b')).lines, pick(text, fourAsThenB));
      const expected = pick(text, (line) => line.includes('192.0.2.1'));
      assert.equal((await filter(document, 'client:*a*a*a*a*b')).total, 0);
      assert.equal((await filter(document, '192.0.2.1')).total, expected.length);
    }
  });

  it('stops when cancelled and answers nothing', async () => {
    const text = 'Nov 23 09:14:02 mx postfix/smtpd[1]: connect from a[192.0.2.1]\n'.repeat(50_000);
    const result = await service.filterLines(open(text, 'mail-log'), 'connect', undefined, { isCancellationRequested: true });
    assert.deepEqual(result, { lines: [], total: 0 });
  });
});

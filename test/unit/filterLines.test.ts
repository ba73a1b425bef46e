// Filter Lines (#15): the query language, and matching per family against lines picked here
// independently of the engine (plain `includes` and regular expressions over the logs' own text).
// Real logs come from ../shared/corpus; hand-written documents are labelled synthetic.
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type GlobPattern, globMatches, globOccursIn, type LineQuery, MAX_QUERY_CHARS, parseLineQuery } from '../../server/src/common/lineQuery';
import { getLanguageService } from '../../server/src/languageService';
import { readShared, sharedPath } from '../support/shared';
import { traceFixture } from '../support/messageTraceFixtures';

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
    assert.ok(expected.length > 5);
    assert.deepEqual((await filter(open(text, 'mail-log'), `id:${id}`)).lines, expected);
    // A lower-case id, or its start with a wildcard, finds the same lines.
    assert.deepEqual((await filter(open(text, 'mail-log'), `id:${id.toLowerCase().slice(0, 6)}*`)).lines, expected);
  });

  it('terms are joined by AND; free text narrows the lines', async () => {
    const { text } = logs.find((l) => l.file.endsWith('2_multiple_recipients_some_bounces.log'))!;
    const document = open(text, 'mail-log');
    const expected = pick(text, (line) => line.includes('status=bounced') && line.toLowerCase().includes('google'));
    assert.ok(expected.length > 0);
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
    assert.ok(deferred.length > 0 || failed.length > 0);
    assert.deepEqual((await filter(document, 'status:deferred')).lines, deferred);
    const expired = pick(text, (line) => failed.includes(linesOf(text).indexOf(line)) && line.includes('retry timeout exceeded'));
    assert.ok(expired.length > 0);
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


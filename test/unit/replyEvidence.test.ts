// The codes a bounce states and how each is written (formats/bounce/replyEvidence.ts): a reply
// quoted inside another, a continuation line of a multi-line reply (RFC 5321 §4.2.1: "550-"), the
// remote server's own words (a transcript's "<<<", "said:", "returned", Exim's "host [ip]:"), repeats
// kept once, and only the first lines of a long block read. Lines are worded as the sisimai corpus's
// reports word them (../shared/corpus/bounces), with synthetic addresses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evidenceInLine, evidenceInText, type CodeEvidence } from '../../server/src/formats/bounce/replyEvidence';

const summary = (e: CodeEvidence) => [e.basic?.value ?? '', e.enhanced?.value ?? '', e.transport?.value ?? '', e.nested, e.continuation, e.remote, e.order];
const line = (text: string, base = 0) => evidenceInLine(text, (o) => o + 500, 'report-text', base).map(summary);

describe('reply evidence on one line', () => {
  it('a plain reply: its codes, located, not nested, remote or continued', () => {
    const [e] = evidenceInLine('550 5.1.1 user unknown', (o) => o + 500, 'diagnostic-code', 100);
    assert.deepEqual(summary(e!), ['550', '5.1.1', '', false, false, false, 100]);
    assert.equal(e!.source, 'diagnostic-code');
    assert.deepEqual(e!.enhanced!.span, { start: 504, end: 509 });
    assert.deepEqual(e!.basic!.span, { start: 500, end: 503 });
  });

  it('a continuation line of a multi-line reply', () => {
    assert.deepEqual(line('550-5.7.1 The user or domain that you are sending to'), [['550', '5.7.1', '', false, true, false, 0]]);
    assert.deepEqual(line('550 5.7.1 The user'), [['550', '5.7.1', '', false, false, false, 0]]);
  });

  it('the remote server\'s words: a transcript line and the phrases that lead to a reply', () => {
    assert.deepEqual(line('<<< 550 5.1.1 user unknown')[0]!.slice(5, 6), [true]);
    for (const lead of ['host mx.example.net[192.0.2.1] said: ', 'Remote Server returned \'', 'The server responded with: ', 'Reason: ', 'response: ', 'error: ',
      'failed with: ', 'failure: ', 'SMTP error from remote mail server after RCPT TO:<bob@example.net>: ', 'host mx.example.net [192.0.2.1]: ']) {
      assert.equal(line(`${lead}550 5.1.1 user unknown`)[0]![5], true, lead);
    }
    assert.equal(line('Your message was refused: 550 5.1.1 user unknown')[0]![5], false, 'a lead the table does not list');
    assert.equal(line('  550 5.1.1 user unknown')[0]![5], false);
  });

  it('a reply inside another, after a bracket, a quote or a "said:" between them', () => {
    const relay = line('554 5.4.7 delivery expired <421 4.4.2 connection dropped>');
    assert.deepEqual(relay.map((e) => [e[1], e[3]]), [['5.4.7', false], ['4.4.2', true]]);
    assert.equal(line('451 4.4.0 DNS failure (550 5.1.2 host unknown)')[1]![3], true);
    assert.equal(line('451 4.4.0 relay said: 550 5.1.2 host unknown')[1]![3], true);
    assert.equal(line('451 4.4.0 remote error "550 5.1.2 host unknown"')[1]![3], true);
    assert.equal(line('451 4.4.0 and later 550 5.1.2 host unknown')[1]![3], false, 'two replies side by side');
  });

  it('a reply repeated with the same standing is kept once, at its first place', () => {
    const repeated = line('550 5.1.1 unknown; 550 5.1.1 unknown; 550 5.1.1 unknown', 10);
    assert.deepEqual(repeated, [['550', '5.1.1', '', false, false, false, 10]]);
    const two = line('550 5.1.1 unknown; 550 5.2.2 full; 550 5.1.1 unknown');
    assert.deepEqual(two.map((e) => [e[1], e[6]]), [['5.1.1', 0], ['5.2.2', 1]]);
  });

  it('an Exchange transport string with its codes', () => {
    const [e] = line('550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup');
    assert.deepEqual(e!.slice(0, 3), ['550', '5.1.10', 'RESOLVER.ADR.RecipientNotFound']);
  });
});

describe('reply evidence over the lines of a block', () => {
  it('every line in the range, in order, located in the raw text', () => {
    const text = 'bob@example.net\n  host said: 550 5.1.1 unknown\n  no code here\n  421 4.4.2 dropped\n';
    const found = evidenceInText(text, 0, text.length, (o) => o + 7, 'report-text', 1000);
    assert.deepEqual(found.map((e) => [e.enhanced?.value, e.order, e.remote]), [['5.1.1', 1000, true], ['4.4.2', 1001, false]]);
    assert.equal(found[1]!.enhanced!.span.start, text.indexOf('4.4.2') + 7);
  });

  it('only lines inside the range', () => {
    const text = '550 5.1.1 a\n550 5.2.2 b\n550 5.3.0 c\n';
    const from = text.indexOf('550 5.2.2');
    assert.deepEqual(evidenceInText(text, from, text.indexOf('550 5.3.0'), (o) => o, 'report-text', 0).map((e) => e.enhanced?.value), ['5.2.2']);
  });

  it('reads the first 80 lines of a block only', () => {
    const text = `${'filler line\n'.repeat(80)}550 5.1.1 too late\n`;
    assert.deepEqual(evidenceInText(text, 0, text.length, (o) => o, 'report-text', 0), []);
    const within = `${'filler line\n'.repeat(79)}550 5.1.1 in time\n`;
    assert.equal(evidenceInText(within, 0, within.length, (o) => o, 'report-text', 0).length, 1);
  });

  it('finds a transport string on a line without digits', () => {
    const text = 'Remote Server returned RESOLVER.ADR.RecipNotFound; not found\n';
    assert.deepEqual(evidenceInText(text, 0, text.length, (o) => o, 'report-text', 0).map((e) => e.transport?.value), ['RESOLVER.ADR.RecipNotFound']);
  });
});

// What each kind of message trace says happened to each recipient, read row by row: the Status
// column (summary, cmdlet export), Recipient_status entries (enhanced summary), and the row's own
// event with its reason (detail export, extended report), plus the reply reader and the clipping of
// quoted values. Expected outcomes follow Microsoft's documented Status values and events; the
// replies are read by their codes (RFC 3463 class 5 permanent, 4 transient). Every report is synthetic.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clip, rowRecipientOutcomes, TraceReplyReader } from '../../server/src/analysis/messageTraceOutcomes';
import { parseTraceTable, type TraceTable } from '../../server/src/formats/messageTrace/traceTable';

const tableOf = (lines: string[]): TraceTable => {
  const table = parseTraceTable(lines.join('\n'));
  assert.ok(table);
  return table;
};
const outcomesOf = (table: TraceTable, row: number, withoutDelivered = false) =>
  rowRecipientOutcomes(table, table.rows[row]!, new TraceReplyReader(), withoutDelivered);
/** Offsets of the n-th occurrence (from 0) of `needle` in the table's text. */
const spanOf = (table: TraceTable, needle: string, n = 0): { start: number; end: number } => {
  let at = -1;
  for (let i = 0; i <= n; i++) at = table.text.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  return { start: at, end: at + needle.length };
};
const NOT_FOUND = '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found';
/** The same reply without its semicolon, which separates Recipient_status entries. */
const NOT_FOUND_ENTRY = '550 5.1.1 RESOLVER.ADR.RecipNotFound address unknown';
const NOT_FOUND_REPLY = { label: '550 5.1.1 RESOLVER.ADR.RecipNotFound', permanent: true, enhanced: '5.1.1', basic: '550', transport: 'RESOLVER.ADR.RecipNotFound' };
/** A reply without its summary, whose words are the knowledge base's. */
const codesOf = (reply: object | undefined): Record<string, unknown> | undefined =>
  reply && Object.fromEntries(Object.entries(reply).filter(([key]) => key !== 'summary'));
const replyOf = (o: { reply?: object }) => codesOf(o.reply);

const DETAIL_HEADER = '"Action","Data","Date","Detail","Event","MessageId","MessageTraceId","Organization","RecipientAddress","SenderAddress"';
const EXTENDED_HEADER = 'date_time_utc,event_id,recipient_address,recipient_status,related_recipient_address,message_id,network_message_id';

describe('trace outcomes: Status column', () => {
  it('summary: the recipient and the Status value, with its offsets; deliveries left out on request', () => {
    const table = tableOf([
      'Date,Sender,Recipient,Subject,Status',
      '2026-11-20 08:15:02,alice@contoso.example,bob@fabrikam.example,Figures,Delivered',
      '2026-11-20 08:20:00,mallory@fabrikam.example,carol@contoso.example,Invoice,Failed',
    ]);
    assert.deepEqual(outcomesOf(table, 0), [{ recipient: 'bob@fabrikam.example', outcome: 'delivered', verdict: 'Delivered', ...spanOf(table, 'Delivered') }]);
    assert.deepEqual(outcomesOf(table, 0, true), []);
    assert.deepEqual(outcomesOf(table, 1), [{ recipient: 'carol@contoso.example', outcome: 'failed', verdict: 'Failed', ...spanOf(table, 'Failed') }]);
  });

  it('cmdlet export: the recipient from RecipientAddress', () => {
    const table = tableOf([
      '"Received","SenderAddress","RecipientAddress","Subject","Status","MessageId","MessageTraceId"',
      '"11/20/2026 10:00:00 AM","a@fabrikam.example","b@contoso.example","Hi","FilteredAsSpam","<a@x>","t1"',
    ]);
    assert.deepEqual(outcomesOf(table, 0), [{ recipient: 'b@contoso.example', outcome: 'filtered', verdict: 'FilteredAsSpam', ...spanOf(table, 'FilteredAsSpam') }]);
  });
});

describe('trace outcomes: Recipient_status entries', () => {
  it('enhanced summary: each recipient\'s last event that decides, no entry without a recipient or a deciding event', () => {
    const status = `bob@fabrikam.example##Receive, Fail;carol@contoso.example##Receive, Deliver;dave@contoso.example##Receive, Quarantined, Resolved;`
      + `##Receive, Fail;erin@contoso.example##Receive;frank@contoso.example##Receive, Fail ${NOT_FOUND_ENTRY}`;
    const table = tableOf([
      'origin_timestamp_utc,sender_address,Recipient_status,message_subject,total_bytes,message_id,network_message_id',
      `2026-11-20T08:15:02.000Z,alice@contoso.com,"${status}",Figures,24512,<a1@contoso.com>,nid-1`,
    ]);
    const at = (text: string) => spanOf(table, text);
    assert.deepEqual(outcomesOf(table, 0).map((o) => ({ ...o, reply: replyOf(o) })), [
      { recipient: 'bob@fabrikam.example', outcome: 'failed', verdict: 'Fail', ...at('Receive, Fail;'), end: at('Receive, Fail;').end - 1, reply: undefined },
      { recipient: 'carol@contoso.example', outcome: 'delivered', verdict: 'Deliver', ...at('Receive, Deliver'), reply: undefined },
      { recipient: 'dave@contoso.example', outcome: 'quarantined', verdict: 'Quarantined', ...at('Receive, Quarantined, Resolved'), reply: undefined },
      {
        recipient: 'frank@contoso.example', outcome: 'failed', verdict: 'Fail', ...at(`Receive, Fail ${NOT_FOUND_ENTRY}`),
        reason: `Receive, Fail ${NOT_FOUND_ENTRY}`, reply: NOT_FOUND_REPLY,
      },
    ]);
    assert.deepEqual(outcomesOf(table, 0, true).map((o) => o.recipient), ['bob@fabrikam.example', 'dave@contoso.example', 'frank@contoso.example']);
  });

  it('gives nothing for a report without the column', () => {
    const table = tableOf(['origin_timestamp_utc,sender_address,message_subject,message_id,Recipient_status', '2026-11-20T08:15:02.000Z,a@x.example,Hi,<a@x>']);
    assert.deepEqual(outcomesOf(table, 0), []);
  });
});

describe('trace outcomes: events', () => {
  const detailRow = (detail: string, event: string, recipient: string) => `"","","20.11.2026 10:00:00","${detail}","${event}","<a@x>","t1","contoso","${recipient}","s@fabrikam.example"`;

  it('detail export: the event, the recipient, and the reason from Detail, with its reply when it has one', () => {
    const table = tableOf([DETAIL_HEADER, detailRow(NOT_FOUND, 'Fail', 'bob@contoso.example'), detailRow('Message queued for retry', 'Defer', 'carol@contoso.example'),
      detailRow('The message was delivered', 'Deliver', 'dave@contoso.example'), detailRow('Received', 'Receive', 'erin@contoso.example')]);
    const fail = outcomesOf(table, 0);
    assert.deepEqual(fail.map((o) => ({ ...o, reply: replyOf(o) })), [{
      recipient: 'bob@contoso.example', outcome: 'failed', verdict: 'Fail', ...spanOf(table, 'Fail"'), end: spanOf(table, 'Fail"').end - 1, reason: NOT_FOUND, reply: NOT_FOUND_REPLY,
    }]);
    assert.deepEqual(outcomesOf(table, 1).map((o) => [o.recipient, o.outcome, o.verdict, o.reason, o.reply]), [['carol@contoso.example', 'pending', 'Defer', 'Message queued for retry', undefined]]);
    assert.deepEqual(outcomesOf(table, 2), [{ recipient: 'dave@contoso.example', outcome: 'delivered', verdict: 'Deliver', start: spanOf(table, 'Deliver"').start, end: spanOf(table, 'Deliver"').end - 1 }]);
    assert.deepEqual(outcomesOf(table, 2, true), []);
    assert.deepEqual(outcomesOf(table, 3), []);
  });

  const extended = (event: string, recipients: string, status: string, related = '') => `2026-11-20T00:00:01Z,${event},${recipients},"${status}",${related},<a@x>,nid-a`;

  it('extended report: each recipient of an event row, its reason and reply from its own Recipient_status entry', () => {
    const table = tableOf([
      EXTENDED_HEADER,
      extended('FAIL', 'bob@contoso.example;Carol@contoso.example', `BOB@contoso.example##${NOT_FOUND_ENTRY};carol@contoso.example##451 4.7.500 Server busy`),
      extended('FAIL', 'dave@contoso.example', `other@contoso.example##${NOT_FOUND_ENTRY}`),
      extended('FAIL', 'erin@contoso.example', 'erin@contoso.example##Failed'),
      extended('FAIL', '', `x@contoso.example##${NOT_FOUND_ENTRY};y@contoso.example##Failed`),
    ]);
    const read = (row: number) => outcomesOf(table, row).map((o) => [o.recipient, o.outcome, o.verdict, o.reason, replyOf(o)?.label]);
    assert.deepEqual(read(0), [
      ['bob@contoso.example', 'failed', 'FAIL', NOT_FOUND_ENTRY, NOT_FOUND_REPLY.label],
      ['Carol@contoso.example', 'failed', 'FAIL', '451 4.7.500 Server busy', '451 4.7.500'],
    ]);
    // One entry for another address is still the row's only reason.
    assert.deepEqual(read(1), [['dave@contoso.example', 'failed', 'FAIL', NOT_FOUND_ENTRY, NOT_FOUND_REPLY.label]]);
    // A status without a reply is no reason.
    assert.deepEqual(outcomesOf(table, 2), [{ recipient: 'erin@contoso.example', outcome: 'failed', verdict: 'FAIL', start: spanOf(table, 'FAIL', 2).start, end: spanOf(table, 'FAIL', 2).end }]);
    // No recipient, two entries: none is the reason.
    assert.deepEqual(read(3), [['', 'failed', 'FAIL', undefined, undefined]]);
  });

  it('extended report: an expansion is about the group in related_recipient_address', () => {
    const table = tableOf([EXTENDED_HEADER, extended('EXPAND', 'm1@contoso.example;m2@contoso.example', 'group@contoso.example##Expand', 'group@contoso.example'),
      extended('EXPAND', 'm1@contoso.example', 'group@contoso.example##Expand')]);
    assert.deepEqual(outcomesOf(table, 0).map((o) => [o.recipient, o.outcome, o.verdict]), [['group@contoso.example', 'expanded', 'EXPAND']]);
    assert.deepEqual(outcomesOf(table, 1).map((o) => [o.recipient, o.outcome]), [['m1@contoso.example', 'expanded']]);
  });

  it('extended report: quarantine and spam verdicts only from Recipient_status, in any case, added to the row\'s own event', () => {
    const table = tableOf([
      EXTENDED_HEADER,
      extended('RECEIVE', 'bob@contoso.example', 'bob@contoso.example##Receive, QUARANTINED'),
      extended('DELIVER', 'carol@contoso.example', 'carol@contoso.example##Receive, spam;dave@contoso.example##Receive, Deliver'),
      extended('RECEIVE', 'erin@contoso.example', 'erin@contoso.example##Receive, Malware'),
      extended('RECEIVE', 'frank@contoso.example', 'frank@contoso.example##Receive, Deliver (not spam)'),
      extended('RECEIVE', 'gus@contoso.example', 'gus@contoso.example##Receive, Deliver, spa'),
    ]);
    const read = (row: number) => outcomesOf(table, row).map((o) => [o.recipient, o.outcome, o.verdict]);
    assert.deepEqual(read(0), [['bob@contoso.example', 'quarantined', 'QUARANTINED']]);
    assert.deepEqual(read(1), [['carol@contoso.example', 'delivered', 'DELIVER'], ['carol@contoso.example', 'filtered', 'spam']]);
    assert.deepEqual(read(2), [['erin@contoso.example', 'quarantined', 'Malware']]);
    assert.deepEqual(read(3), []);
    assert.deepEqual(read(4), []);
  });
});

describe('trace outcomes: replies and clipping', () => {
  it('reads a reply\'s codes, transient or permanent, prefers the {LED=} part, and none from plain words', () => {
    const replies = new TraceReplyReader();
    assert.deepEqual(codesOf(replies.read(NOT_FOUND)), NOT_FOUND_REPLY);
    assert.deepEqual(codesOf(replies.read('451 4.7.500 Server busy')), { label: '451 4.7.500', permanent: false, enhanced: '4.7.500', basic: '451' });
    assert.equal(replies.read('550 5.1.1 first [{LED=450 4.4.316 Connection refused [Message=x]};{MSG=};{FQDN=mx};{IP=192.0.2.1};{LRT=}]')?.label, '450 4.4.316');
    assert.equal(replies.read('Delivered to mailbox'), undefined);
  });

  it('reads each text once, up to 10,000 texts, and only its first 2,000 characters', () => {
    const replies = new TraceReplyReader();
    assert.equal(replies.read(NOT_FOUND), replies.read(NOT_FOUND));
    assert.equal(replies.read(`${'x'.repeat(2000)} ${NOT_FOUND}`), undefined);
    // With the two texts above, 10,000 texts are kept: the next one is read every time it comes.
    for (let i = 1; i < 9_999; i++) replies.read(`reason ${i}`);
    const late = `451 4.7.500 Server busy, try ${10_000}`;
    assert.notEqual(replies.read(late), replies.read(late));
    assert.equal(replies.read(late)?.enhanced, '4.7.500');
  });

  it('clips a value to one line of at most 160 characters, from its first 400', () => {
    assert.equal(clip('a  b\n\tc'), 'a b c');
    assert.equal(clip('x'.repeat(160)), 'x'.repeat(160));
    assert.equal(clip('x'.repeat(161)), `${'x'.repeat(157)}...`);
    assert.equal(clip(`a${' '.repeat(500)}b`), 'a ');
  });
});

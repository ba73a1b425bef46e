// Replies read one at a time: forEachReply hands each reply on in order with its offsets, and a bounce
// whose Diagnostic-Code repeats one reply thousands of times still names the first of them (the
// analysis keeps one copy of a repeated reply). Synthetic lines and messages; expected offsets found
// by searching the text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachReply, type ReplyMention } from '../../server/src/detection/replyScanner';
import { analyzeBounce } from '../../server/src/analysis/bounce/analyzeBounce';
import type { Located } from '../../server/src/formats/bounce/model';

const visited = (line: string, atLineStart = true): string[] => {
  const seen: string[] = [];
  forEachReply(line, (m: ReplyMention) => { seen.push(`${m.start}-${m.end}:${[m.basic?.text, m.enhanced?.text, m.transport?.text].filter(Boolean).join(' ')}`); }, atLineStart);
  return seen;
};

describe('forEachReply', () => {
  it('hands on each reply of a line in order, its codes joined, with exact offsets', () => {
    const line = '550 5.1.1 RESOLVER.ADR.RecipNotFound; then 421-4.4.2 timeout and 452 4.2.2';
    const second = line.indexOf('421');
    const third = line.indexOf('452');
    assert.deepEqual(visited(line), [
      '0-36:550 5.1.1 RESOLVER.ADR.RecipNotFound',
      `${second}-${second + 9}:421 4.4.2`,
      `${third}-${third + 9}:452 4.2.2`,
    ]);
  });

  it('hands on nothing for a version-bearing header, and a bare code only at the start of a line', () => {
    assert.deepEqual(visited('X-Mailer: Mailer 5.1.1 build 550'), []);
    assert.deepEqual(visited('550 mailbox unavailable'), ['0-3:550']);
    assert.deepEqual(visited('550 mailbox unavailable', false), []);
  });
});

describe('a Diagnostic-Code repeating one reply', () => {
  const spanOf = (located: Located | undefined): [number, number] | undefined => (located ? [located.span.start, located.span.end] : undefined);
  const message = (diagnostic: string): string => [
    'From: MAILER-DAEMON@mx.example.org', 'To: alice@example.com', 'Subject: Undelivered Mail Returned to Sender',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b"', '',
    '--b', 'Content-Type: text/plain', '', 'Delivery failed.', '--b', 'Content-Type: message/delivery-status', '',
    'Reporting-MTA: dns; mx.example.org', '', 'Final-Recipient: rfc822; bob@example.net', 'Action: failed', 'Status: 5.0.0',
    `Diagnostic-Code: smtp; ${diagnostic}`, '--b--', '',
  ].join('\n');

  it('keeps the first reply of thousands, and a different reply after them still counts', () => {
    const text = message(`${'550 5.1.1 unknown; '.repeat(3000)}said: 550 5.7.1 blocked`);
    const recipient = analyzeBounce(text).recipients[0]!;
    // 5.7.1 comes after a "said:", the remote server's own words: it beats the repeated 5.1.1.
    const remote = text.indexOf('5.7.1');
    assert.deepEqual(spanOf(recipient.status), [remote, remote + 5]);
    assert.deepEqual(spanOf(recipient.replyCode), [remote - 4, remote - 1]);
  });

  it('with only one reply repeated, the status and reply code are those of its first place', () => {
    const text = message('550 5.1.1 unknown; '.repeat(3000));
    const recipient = analyzeBounce(text).recipients[0]!;
    const first = text.indexOf('550 5.1.1');
    assert.deepEqual(spanOf(recipient.replyCode), [first, first + 3]);
    assert.deepEqual(spanOf(recipient.status), [first + 4, first + 9]);
  });
});

// The Received chain at its edges: hops without a stamp, the Date header's 30-day window, the words
// after each keyword, keywords inside (nested) comments or at the end of a word, and where the
// connecting address is found. Headers are synthetic, after the forms real MTAs write (qmail's
// "(HELO x) (address)" and "invoked by uid", sendmail's bracketed literals).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHeaderBlock } from '../../server/src/formats/mime/headers';
import { MappedText } from '../../server/src/formats/mime/mappedText';
import { readReceivedChain, type Hop } from '../../server/src/formats/mime/receivedChain';

function chainOf(...lines: string[]): ReturnType<typeof readReceivedChain> {
  const text = [...lines, '', ''].join('\n');
  return readReceivedChain(parseHeaderBlock(text, 0), MappedText.identity(text, 0));
}
const onlyHop = (value: string): Hop => chainOf(`Received: ${value}`).hops[0]!;

describe('hop times', () => {
  it('measure each delay from the last stamped hop, skipping hops without a stamp', () => {
    // Newest first, as headers are written: the middle hop has no stamp.
    const chain = chainOf(
      'Received: from b.example by c.example; Mon, 23 Nov 2026 09:20:00 +0000',
      'Received: from a.example by b.example with SMTP',
      'Received: from client by a.example; Mon, 23 Nov 2026 09:14:00 +0000',
    );
    assert.deepEqual(chain.hops.map((h) => [h.by, h.time, h.delayMs, h.delaySince, h.sinceFirstMs]), [
      ['a.example', Date.UTC(2026, 10, 23, 9, 14), undefined, undefined, 0],
      ['b.example', undefined, undefined, undefined, undefined],
      ['c.example', Date.UTC(2026, 10, 23, 9, 20), 360_000, 'previous hop', 360_000],
    ]);
    assert.equal(chain.totalMs, 360_000);
  });

  it('total only the stamped hops, whichever end lacks a stamp', () => {
    const chain = chainOf(
      'Received: from c.example by d.example with SMTP',
      'Received: from b.example by c.example; Mon, 23 Nov 2026 09:20:00 +0000',
      'Received: from a.example by b.example; Mon, 23 Nov 2026 09:15:00 +0000',
      'Received: from client by a.example',
    );
    assert.equal(chain.totalMs, 300_000);
    assert.deepEqual(chain.hops.map((h) => h.sinceFirstMs), [undefined, 0, 300_000, undefined]);
  });

  it('measure the first hop from the Date header only when there is one within 30 days', () => {
    const hop = 'Received: from client by a.example; Mon, 23 Nov 2026 09:14:00 +0000';
    assert.deepEqual([chainOf(hop).hops[0]!.delayMs, chainOf(hop).hops[0]!.delaySince], [undefined, undefined]);
    const days = (date: string): number | undefined => chainOf(hop, `Date: ${date}`).hops[0]!.delayMs;
    assert.equal(days('Mon, 23 Nov 2026 09:13:00 +0000'), 60_000);
    assert.equal(days('Sat, 24 Oct 2026 09:14:00 +0000'), undefined);
    assert.equal(days('Sat, 24 Oct 2026 09:14:01 +0000'), 30 * 86_400_000 - 1000);
    assert.equal(days('Thu, 24 Sep 2026 09:14:00 +0000'), undefined);
  });

  it('take a stamp only after the semicolon', () => {
    assert.equal(onlyHop('from a.example by b.example Mon, 23 Nov 2026 09:14:00 +0000').time, undefined);
    assert.equal(onlyHop('; Mon, 23 Nov 2026 09:14:00 +0000').time, Date.UTC(2026, 10, 23, 9, 14));
  });
});

describe('hop words', () => {
  it('read the word after each keyword, a for address without its angle brackets', () => {
    const hop = onlyHop('from a.example by b.example with ESMTPS id 4XyZ1 for <c@example.org>; Mon, 23 Nov 2026 09:14:00 +0000');
    assert.deepEqual([hop.from, hop.by, hop.with, hop.id, hop.for], ['a.example', 'b.example', 'ESMTPS', '4XyZ1', 'c@example.org']);
  });

  it('leave out the keywords a hop lacks, and read the last word of a hop without a stamp', () => {
    const hop = onlyHop('from a.example by b.example');
    assert.deepEqual([hop.from, hop.by, hop.with, hop.id, hop.for, hop.time], ['a.example', 'b.example', undefined, undefined, undefined, undefined]);
  });

  it('find no keyword inside a comment, nested ones included', () => {
    const qmail = onlyHop('(qmail 4662 invoked by uid 1000); 23 Nov 2026 09:14:00 -0000');
    assert.equal(qmail.by, undefined);
    const nested = onlyHop('(qmail 4662 invoked (from network) by uid 1000) by mx.example.net; 23 Nov 2026 09:14:00 -0000');
    assert.deepEqual([nested.from, nested.by], [undefined, 'mx.example.net']);
  });

  it('find a keyword only as a whole word', () => {
    const hop = onlyHop('from standby (standby [192.0.2.1]) by b.example; Mon, 23 Nov 2026 09:14:00 +0000');
    assert.deepEqual([hop.from, hop.by], ['standby', 'b.example']);
  });
});

describe('the connecting address', () => {
  it('is read from the from part, not from the by part', () => {
    assert.equal(onlyHop('from localhost by mx.example.net ([192.0.2.7]) with ESMTP').fromIp, undefined);
    assert.equal(onlyHop('from localhost by mx.example.net (198.51.100.7) with ESMTP').fromIp, undefined);
  });

  it('is the bare address in parentheses that qmail writes', () => {
    const hop = onlyHop('from unknown (HELO mail.example.org) (198.51.100.77) by mx.example.net with SMTP; 23 Nov 2026 09:14:00 -0000');
    assert.equal(hop.fromIp, '198.51.100.77');
    assert.equal(onlyHop('from a.example (helo a.example 198.51.100.77) by b.example').fromIp, '198.51.100.77');
    // With no by part, up to the end of the path.
    assert.equal(onlyHop('from a.example (198.51.100.77)').fromIp, '198.51.100.77');
  });

  it('is an address literal when nothing in parentheses names one', () => {
    assert.equal(onlyHop('from [192.0.2.1] by b.example').fromIp, '192.0.2.1');
    assert.equal(onlyHop('from [IPv6:2001:db8::1] by b.example').fromIp, '2001:db8::1');
  });
});

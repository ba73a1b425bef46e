// Trails by queue id and by Message-ID (TrailLookups), and the trail builder's recognition of the
// line before's message: every answer compared with a scan of all trails. The logs are synthetic
// (labelled below) with ids reused, Message-IDs shared and the lines of messages interleaved.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MessageTrail } from '../../server/src/analysis/mailLog/messageTrail';
import { MailLogIndexBuilder, TrailLookups } from '../../server/src/modes/mailLog/mailLogIndex';

/**
 * A synthetic Postfix log: `messages` messages over `ids` queue ids (so ids are reused, after removal)
 * and `messageIds` Message-IDs, their lines interleaved by `stride`; every seventh message goes
 * through a second instance under the id of the message before it.
 */
function syntheticLog(messages: number, ids: number, messageIds: number, stride: number): string {
  const lines: string[][] = [];
  for (let m = 0; m < messages; m++) {
    // A message of the second instance takes the queue id of the message before, in the other queue.
    const program = m % 7 === 3 ? 'postfix-out' : 'postfix';
    const id = queueId(program === 'postfix' ? m : m - 1, ids);
    const messageId = m % 5 === 4 ? '' : `<${m % messageIds}.synthetic@example.test>`;
    lines.push([
      `Jun 10 06:27:30 mx ${program}/smtpd[1]: ${id}: client=unknown[192.0.2.${m % 250}]`,
      `Jun 10 06:27:31 mx ${program}/cleanup[2]: ${id}: message-id=${messageId}`,
      `Jun 10 06:27:32 mx ${program}/qmgr[3]: ${id}: from=<sender${m % 3}@example.test>, size=${100 + m}, nrcpt=1 (queue active)`,
      `Jun 10 06:27:33 mx ${program}/smtp[4]: ${id}: to=<rcpt${m}@example.net>, relay=mx${m % 4}.example.net[198.51.100.${m % 4}]:25, delay=1, delays=0.1/0/0.4/0.5, dsn=2.0.0, status=sent (250 2.0.0 Ok)`,
      `Jun 10 06:27:34 mx ${program}/qmgr[3]: ${id}: removed`,
    ]);
  }
  // Interleave: message m's k-th line goes after message (m - stride)'s last line.
  const out: string[] = [];
  for (let step = 0; step < messages + 5 * stride; step++) {
    for (let k = 0; k < 5; k++) {
      const m = step - k * stride;
      if (m >= 0 && m < messages) out.push(lines[m]![k]!);
    }
  }
  return out.join('\n') + '\n';
}

const queueId = (m: number, ids: number): string => (0xa0000 + (m % ids) * 7919).toString(16).toUpperCase();

function trailsOf(text: string): readonly MessageTrail[] {
  const builder = new MailLogIndexBuilder(TextDocument.create('file:///synthetic/mail.log', 'mail-log', 1, text));
  builder.step(Number.MAX_SAFE_INTEGER);
  return builder.index.trails;
}

const scan = (trails: readonly MessageTrail[], keep: (trail: MessageTrail) => boolean): number[] =>
  trails.map((trail, t) => (keep(trail) ? t : -1)).filter((t) => t >= 0);

describe('mail-log trail lookups', () => {
  for (const stride of [0, 1, 3]) {
    it(`every queue id and Message-ID gives the trails that carry it, in order (synthetic log, stride ${stride})`, () => {
      const trails = trailsOf(syntheticLog(120, 17, 23, stride));
      assert.equal(trails.length, 120);
      const lookups = new TrailLookups(trails);
      for (const id of new Set(trails.map((t) => t.id))) assert.deepEqual(lookups.withId(id), scan(trails, (t) => t.id === id), id);
      for (const messageId of new Set(trails.map((t) => t.messageId ?? ''))) {
        assert.deepEqual(lookups.withMessageId(messageId), messageId ? scan(trails, (t) => t.messageId === messageId) : [], messageId);
      }
      assert.deepEqual(lookups.withId('NOTANID'), []);
      assert.deepEqual(lookups.withId(''), []);
      assert.deepEqual(lookups.withMessageId('<absent@example.test>'), []);
    });

    it(`each message's lines join its own trail, across instances and reused ids (synthetic log, stride ${stride})`, () => {
      const text = syntheticLog(120, 17, 23, stride);
      const trails = trailsOf(text);
      for (const trail of trails) {
        assert.equal(trail.lineCount, 5, trail.id);
        assert.equal(trail.end, 'removed', trail.id);
        assert.equal(trail.recipients.length, 1, trail.id);
        assert.equal(trail.recipients[0]!.outcome, 'delivered', trail.id);
        const line = text.split('\n')[trail.firstLine]!;
        assert.equal(trail.instance, line.includes(' postfix-out/') ? 'postfix-out' : '', trail.id);
        assert.ok(line.includes(` ${trail.id}: client=`), trail.id);
      }
    });
  }
});

// The edges of reading a mail log into trails that the corpus tests do not reach: a log that opens
// with an empty line, and line numbers counted by the streaming reader itself. The log lines are
// synthetic, in Postfix's format (qmgr's from= line, smtp's to= line).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MailLogReader, readMailLogTrails } from '../../server/src/analysis/mailLog/mailLogTrails';
import type { MessageTrail } from '../../server/src/analysis/mailLog/messageTrail';

const FROM = 'Nov 23 09:14:05 mx postfix/qmgr[2213]: 8D4B32A1C3: from=<alice@example.net>, size=900, nrcpt=1 (queue active)';
const TO = 'Nov 23 09:14:06 mx postfix/smtp[2211]: 8D4B32A1C3: to=<carol@example.org>, relay=mx.example.org[192.0.2.9]:25, delay=1, '
  + 'delays=0.1/0/0.4/0.5, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 4F1A2B3C4D)';

describe('mail log trails: edges', () => {
  it('a log opening with an empty line still reads the lines after it, numbered from the empty one', () => {
    for (const lineEnd of ['\n', '\r\n']) {
      const [trail, ...rest] = readMailLogTrails(`${lineEnd}${FROM}${lineEnd}${TO}${lineEnd}`);
      assert.equal(rest.length, 0);
      assert.equal(trail!.id, '8D4B32A1C3');
      assert.deepEqual([trail!.firstLine, trail!.lastLine], [1, 2]);
      assert.equal(trail!.recipients[0]!.outcome, 'delivered');
    }
  });

  it('the streaming reader numbers the lines it is given from 0 when no number is passed', () => {
    const trails: MessageTrail[] = [];
    const reader = new MailLogReader({ onTrail: (t) => trails.push(t) });
    reader.readLine('');
    reader.readLine(FROM);
    reader.readLine(TO);
    reader.finish();
    assert.deepEqual(trails.map((t) => [t.id, t.firstLine, t.lastLine]), [['8D4B32A1C3', 1, 2]]);
  });
});

// Issue #13, hostile mail logs (all synthetic): a 5 MB line, a million lines of one queue id, ids
// that never close. Bounded memory (every list and map has its bound, checked here) and a clear
// problem; the time is the sweep's business (test/support/superlinearity.ts, mail log families).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MailLogReader } from '../../server/src/analysis/mailLog/mailLogTrails';
import type { MessageTrail } from '../../server/src/analysis/mailLog/messageTrail';
import { TRAIL_LIMITS } from '../../server/src/analysis/mailLog/trailBuilder';
import { getLanguageService } from '../../server/src/languageService';

const service = getLanguageService();
const attempt = (id: string, status = 'deferred', reply = '(connect to mx.example.net[192.0.2.1]:25: Connection timed out)', dsn = '4.4.1'): string =>
  `Nov 23 09:14:02 mx postfix/smtp[2211]: ${id}: to=<bob@example.com>, relay=none, delay=1, delays=1/0/0/0, dsn=${dsn}, status=${status} ${reply}`;

describe('hostile mail logs', () => {
  it('a 5 MB line: its problem, hover and outline come from bounded windows of it', async () => {
    const huge = attempt('4F1A2B3C4D', 'bounced', `(host mx.example.net[192.0.2.1] said: 550 5.1.1 ${'x'.repeat(5 * 1024 * 1024)})`, '5.1.1');
    const document = TextDocument.create('file:///mail.log', 'mail-log', 1, `${huge}\n`);
    const diagnostics = await service.doValidation(document);
    assert.equal(diagnostics.length, 1);
    assert.ok((diagnostics[0]!.message as string).startsWith('bob@example.com: bounced, 550 5.1.1'));
    assert.ok((diagnostics[0]!.message as string).length < 2000);
    assert.ok(service.doHover(document, { line: 0, character: huge.indexOf('4F1A2B3C4D') + 1 }));
    assert.equal(service.doHover(document, { line: 0, character: huge.length - 10 }), null);
    assert.equal(service.findDocumentSymbols(document)[0]!.children![0]!.name.length <= 100, true);
  });

  it('a million lines of one queue id: one trail, its line list bounded, counts exact', () => {
    const trails: MessageTrail[] = [];
    const reader = new MailLogReader({ keepLines: true, onTrail: (t) => trails.push(t) });
    const line = attempt('4F1A2B3C4D');
    for (let i = 0; i < 1_000_000; i++) reader.readLine(line, 0, line.length, i);
    reader.finish();
    assert.equal(trails.length, 1);
    const [trail] = trails;
    assert.equal(trail!.lineCount, 1_000_000);
    assert.equal(trail!.lines!.length, TRAIL_LIMITS.maxLinesPerTrail);
    assert.equal(trail!.linesDropped, 1_000_000 - TRAIL_LIMITS.maxLinesPerTrail);
    assert.equal(trail!.recipients.length, 1);
    assert.equal(trail!.recipients[0]!.attempts, 1_000_000);
    assert.equal(trail!.recipients[0]!.outcome, 'deferred');
  });

  it('a long trail in the editor gets a clear problem saying what is listed', async () => {
    const lines = Array.from({ length: TRAIL_LIMITS.maxLinesPerTrail + 5 }, () => attempt('4F1A2B3C4D'));
    const document = TextDocument.create('file:///mail.log', 'mail-log', 1, lines.join('\n'));
    const diagnostics = await service.doValidation(document);
    const long = diagnostics.find((d) => d.code === 'too-many-lines')!;
    assert.equal(long.message, `4F1A2B3C4D has ${lines.length} lines in this log; its outline and references list the first ${TRAIL_LIMITS.maxLinesPerTrail}`);
    assert.ok(diagnostics.some((d) => d.code === 'deferred'));
  });

  it('ids that never close: at most maxOpen are kept, the oldest handed on as unknown', () => {
    const trails: MessageTrail[] = [];
    const reader = new MailLogReader({ maxOpen: 1000, onTrail: (t) => trails.push(t) });
    for (let i = 0; i < 5000; i++) {
      const line = attempt(`A${i.toString(16).toUpperCase().padStart(9, '0')}`);
      reader.readLine(line, 0, line.length, i);
    }
    assert.equal(reader.evicted, 4000);
    assert.equal(trails.length, 4000);
    assert.ok(trails.every((t) => t.end === 'evicted' && t.recipients[0]!.outcome === 'unknown'));
    reader.finish();
    assert.equal(trails.length, 5000);
    assert.ok(trails.slice(4000).every((t) => t.end === 'log-end' && t.recipients[0]!.outcome === 'deferred'));
  });

  it('more open messages than followed at once: one information problem, the rest still reported', async () => {
    const count = TRAIL_LIMITS.maxOpen + 10;
    const lines = Array.from({ length: count }, (_, i) => attempt(`B${i.toString(16).toUpperCase().padStart(9, '0')}`));
    const document = TextDocument.create('file:///mail.log', 'mail-log', 1, lines.join('\n'));
    const diagnostics = await service.doValidation(document);
    assert.equal(diagnostics[0]!.code, 'too-many-open-messages');
    assert.ok((diagnostics[0]!.message as string).startsWith('10 messages were still open'));
  });
});

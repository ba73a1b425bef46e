// Hostile and broken messages: each must be read to the end without throwing, whatever its size
// or shape, and the editor features must still answer. Random mutations of real bounces (fast-check)
// check that every range stays inside the document.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeBounce } from '../../server/src/analysis/bounce/analyzeBounce';
import type { BounceAnalysis } from '../../server/src/analysis/bounce/bounceAnalysis';
import { parseMime } from '../../server/src/formats/mime/mimeTree';
import { getLanguageService } from '../../server/src/languageService';
import {
  encodedWordSubject, HOSTILE_HEAD as HEAD, invalidBase64, megabyteHeaderLine, messagesThousandDeep, missingClosingBoundary,
  multipartsThousandDeep, tenThousandParts, twentyMegabyteAttachment,
} from '../support/hostileBounces';
import { sharedPath } from '../support/shared';
import '../support/fuzzSeed';

const service = getLanguageService();
/** Guards against a hang only; speed is measured by npm run bench. */
const HANG_GUARD = { timeout: 120_000 };

/** Every span the analysis returns lies inside the text. */
function assertSpansInside(analysis: BounceAnalysis, length: number): void {
  const spans = analysis.recipients.flatMap((r) =>
    [r.recipient.span, r.anchor, r.status?.span, r.diagnostic?.span, r.remoteMta?.span].filter((s) => s !== undefined));
  for (const span of spans) assert.ok(span.start >= 0 && span.start <= span.end && span.end <= length, `span ${span.start}-${span.end} outside 0-${length}`);
}

/**
 * What a reading of any text must hold, from the formats themselves: each recipient is an address
 * (RFC 5321: local part "@" domain), each status an RFC 3463 code, each action one of RFC 3464's,
 * and a delivered recipient has no failure reason. (Spans may point at encoded text, so
 * the values are not looked for there.)
 */
function assertReadFromText(analysis: BounceAnalysis): void {
  for (const r of analysis.recipients) {
    assert.match(r.recipient.value, /^[^@\s]+@[^@\s]+$/, `recipient ${r.recipient.value}`);
    assert.ok(['failed', 'delayed', 'delivered', 'relayed', 'expanded'].includes(r.action), r.action);
    if (r.status) assert.match(r.status.value, /^[245]\.\d{1,3}\.\d{1,3}$/);
    // A feedback report (RFC 5965) is about a message delivered and then complained of: its reason is the complaint.
    if (r.action === 'delivered' && analysis.kind !== 'feedback-report') assert.equal(r.reason, 'delivered');
  }
}

async function everyFeature(text: string): Promise<BounceAnalysis> {
  const analysis = analyzeBounce(text);
  assertSpansInside(analysis, text.length);
  const document = TextDocument.create('file:///hostile.eml', 'email', 1, text);
  await service.doValidation(document);
  service.getInlayHints(document);
  service.doHover(document, { line: 0, character: 2 });
  service.doHover(document, document.positionAt(Math.floor(text.length / 2)));
  assert.ok(service.explainBounce(document)!.markdown.length > 0);
  return analysis;
}

describe('hostile messages', () => {
  it('a 20 MB base64 attachment', HANG_GUARD, async () => {
    const analysis = await everyFeature(twentyMegabyteAttachment());
    assert.deepEqual(analysis.recipients.map((r) => [r.recipient.value, r.status?.value]), [['bob@example.net', '5.1.1']]);
  });

  it('10,000 MIME parts', HANG_GUARD, async () => {
    const text = tenThousandParts();
    assert.equal(parseMime(text).nodes.length, 10_001);
    await everyFeature(text);
  });

  it('MIME nesting 1,000 deep, as multiparts and as message/rfc822', HANG_GUARD, async () => {
    const analysis = await everyFeature(multipartsThousandDeep());
    assert.match(analysis.problems.map((p) => p.message).join(), /nested deeper than/);
    await everyFeature(messagesThousandDeep());
  });

  it('a missing closing boundary', async () => {
    const analysis = await everyFeature(missingClosingBoundary());
    assert.deepEqual(analysis.recipients.map((r) => [r.recipient.value, r.status?.value]), [['bob@example.net', '5.1.1']]);
  });

  it('a header line of 1 MB, and a Subject of 60,000 encoded words', HANG_GUARD, async () => {
    await everyFeature(megabyteHeaderLine());
    await everyFeature(encodedWordSubject());
  });

  it('invalid base64 and quoted-printable, binary bytes and NUL', async () => {
    await everyFeature(invalidBase64());
    await everyFeature(`${HEAD}Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\n${'=ZZ=\n=4'.repeat(10_000)}=\n`);
    await everyFeature(`${HEAD}Content-Type: text/plain; charset=x-unknown-thing\n\n${'\u0000\u00ff\ufffd'.repeat(10_000)}\n`);
  });

  it('text that defeats naive scanners: runs of @, quotes, ampersands, dashes', HANG_GUARD, async () => {
    await everyFeature(`${HEAD}\n${'@'.repeat(500_000)}\n${'"@'.repeat(200_000)}\n${'a@b '.repeat(100_000)}\n`);
    await everyFeature(`${HEAD}Content-Type: text/html\n\n${'&'.repeat(500_000)}${'<'.repeat(50_000)}\n`);
    await everyFeature(`${HEAD}Content-Type: multipart/mixed; boundary="b"\n\n${`--${'x'.repeat(1000)}\n`.repeat(2000)}`);
  });
});

describe('fuzzing', () => {
  const maildir = sharedPath('corpus/bounces/maildir/bsd');
  const samples = readdirSync(maildir).sort().filter((_, i) => i % 20 === 0).map((f) => new TextDecoder().decode(readFileSync(join(maildir, f))));

  it('random edits of real bounces never throw and keep every range inside the text', HANG_GUARD, () => {
    const edit = fc.tuple(fc.nat(), fc.nat(40), fc.string({ unit: fc.constantFrom('-', '\n', '\r', ':', ';', '=', '@', '<', '>', ' ', '5', '.', '"', 'b', '\t', '?', '&') , maxLength: 12 }));
    fc.assert(fc.property(fc.constantFrom(...samples), fc.array(edit, { maxLength: 10 }), (sample, edits) => {
      const text = edits.reduce((s, [at, del, ins]) => { const i = at % (s.length + 1); return s.slice(0, i) + ins + s.slice(i + del); }, sample);
      const analysis = analyzeBounce(text);
      assertSpansInside(analysis, text.length);
      assertReadFromText(analysis);
    }), { numRuns: 300 });
  });

  it('random MIME structures (boundaries, headers, encodings) never throw, and what they report is read from the text', HANG_GUARD, () => {
    const line = fc.oneof(
      fc.constantFrom('--b', '--b--', '--c', '--c--', '', 'Content-Type: multipart/mixed; boundary="c"', 'Content-Type: message/rfc822',
        'Content-Type: message/delivery-status', 'Content-Transfer-Encoding: base64', 'Content-Transfer-Encoding: quoted-printable',
        'Final-Recipient: rfc822; x@example.com', 'Action: failed', 'Status: 5.1.1', 'Diagnostic-Code: smtp; 550 5.1.1 no', ' folded', '=3D=', 'QUJD'),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(fc.property(fc.array(line, { maxLength: 60 }), (body) => {
      const text = `${HEAD}Content-Type: multipart/report; boundary="b"\n\n${body.join('\n')}`;
      const analysis = analyzeBounce(text);
      assertSpansInside(analysis, text.length);
      assertReadFromText(analysis);
    }), { numRuns: 500 });
  });
});

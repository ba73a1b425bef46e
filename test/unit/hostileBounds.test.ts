// Issue #10: the bounds that keep hostile input linear still read real input as before. Every
// message and line here is synthetic, written for the test.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanReplies, scanTokens } from '../../server/src/detection/replyScanner';
import { explainReply, explainText } from '../../server/src/analysis/replyExplanation';
import { analyzeBounce } from '../../server/src/analysis/bounce/analyzeBounce';
import { parseStructured } from '../../server/src/formats/mime/contentType';
import { parseHeaderBlock, valueOffsetToRaw } from '../../server/src/formats/mime/headers';
import { lookupTransport, MAX_TRANSPORT_LENGTH, MAX_TRANSPORT_PARTS } from '../../server/src/knowledge/knowledgeBase';

const HEAD = 'From: MAILER-DAEMON@mx.example.org\nTo: alice@example.com\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n';

describe('transport strings are a handful of parts', () => {
  const transports = (line: string): string[] => scanTokens(line).filter((t) => t.kind === 'transport').map((t) => t.text);

  it('reads known strings and unknown ones up to the bound', () => {
    assert.deepEqual(transports('550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'), ['RESOLVER.ADR.RecipNotFound']);
    const sixParts = `RESOLVER${'.Part'.repeat(MAX_TRANSPORT_PARTS - 1)}`;
    assert.deepEqual(transports(`550 5.1.1 ${sixParts}`), [sixParts]);
  });

  it('skips a dotted run with more parts or characters, and still reads the codes before it', () => {
    const tooManyParts = `RESOLVER${'.a'.repeat(MAX_TRANSPORT_PARTS)}`;
    const tooLong = `RESOLVER.ADR.${'x'.repeat(MAX_TRANSPORT_LENGTH)}`;
    for (const run of [tooManyParts, tooLong, `RESOLVER${'.a'.repeat(50_000)}`]) {
      const [mention, ...rest] = scanReplies(`550 5.1.1 ${run} 421 4.4.2 QUEUE.Expired`);
      assert.deepEqual([mention?.basic?.text, mention?.enhanced?.text, mention?.transport], ['550', '5.1.1', undefined]);
      // Scanning goes on after the skipped run.
      assert.deepEqual(rest.map((m) => m.transport?.text), ['QUEUE.Expired']);
    }
  });

  it('looks up the family of a long unknown string, and nothing for names beyond the bounds', () => {
    assert.equal(lookupTransport('RESOLVER.ADR.One.Two.Three')?.name, 'RESOLVER.ADR');
    assert.equal(lookupTransport(`RESOLVER.ADR${'.a'.repeat(MAX_TRANSPORT_PARTS)}`), undefined);
    assert.equal(lookupTransport(`RESOLVER.ADR.${'a'.repeat(MAX_TRANSPORT_LENGTH)}`), undefined);
    assert.equal(lookupTransport(`RESOLVER${'.a'.repeat(100_000)}`), undefined);
  });

  it('the CLI explains the reply in front of a 100,000-part run', () => {
    const [explanation, ...more] = explainText(`550 5.1.1 RESOLVER${'.a'.repeat(100_000)}`);
    assert.equal(explanation?.label, '550 5.1.1');
    assert.equal(more.length, 0);
  });
});

describe('explanations are built once per distinct reply', () => {
  it('the same codes and preference give the same explanation object; another preference another', () => {
    const parts = { basic: '550', enhanced: '5.1.10' };
    const online = explainReply(parts, { prefer: ['Exchange Online'] });
    assert.equal(explainReply({ ...parts }, { prefer: ['Exchange Online'] }), online);
    const standard = explainReply(parts);
    assert.notEqual(standard, online);
    assert.notEqual(standard?.sections[0]?.heading, online?.sections[0]?.heading);
  });
});

describe('header values folded thousands of times', () => {
  it('valueOffsetToRaw maps every offset of the unfolded value back to its raw character', () => {
    const raw = `Diagnostic-Code: smtp; 550${'\n 5.1.1 x'.repeat(2000)}\n\n`;
    const field = parseHeaderBlock(raw, 0).fields[0]!;
    assert.equal(field.folds.length, 2000);
    for (let offset = 0; offset < field.value.length; offset += 7) {
      assert.equal(raw[valueOffsetToRaw(field, offset)], field.value[offset], `offset ${offset}`);
    }
  });
});

describe('RFC 2231 continuations', () => {
  it('a section number far beyond any real one is ignored, the others are joined', () => {
    const { params } = parseStructured('text/plain; name*0=a; name*1=b; name*4294967294=c; other*99999999=d');
    assert.equal(params.get('name'), 'ab');
    assert.equal(params.has('other'), false);
  });
});

describe('many parts and recipients', () => {
  it('an HTML alternative beside a plain one is not read, however many there are', () => {
    const html = '--b\nContent-Type: text/html\n\n<p>carol@example.net: 550 5.7.1 denied</p>\n'.repeat(300);
    const text = `${HEAD}Content-Type: multipart/alternative; boundary="b"\n\n${html}--b\nContent-Type: text/plain\n\n<bob@example.net>: 550 5.1.1 unknown\n--b--\n`;
    const analysis = analyzeBounce(text);
    assert.deepEqual(analysis.recipients.map((r) => [r.recipient.value, r.status?.value]), [['bob@example.net', '5.1.1']]);
  });

  it('thousands of distinct recipients are each reported once, in order, whatever their case', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `<r${i}@example.net>: 550 5.1.1 unknown\n`).join('');
    const analysis = analyzeBounce(`${HEAD}Content-Type: text/plain\n\n<R0@example.net>: 550 5.1.1 unknown\n${lines}`);
    // Outcomes stop at the analysis' cap of 500 recipients.
    assert.equal(analysis.recipients.length, 500);
    assert.deepEqual(analysis.recipients.slice(0, 3).map((r) => r.recipient.value), ['R0@example.net', 'r1@example.net', 'r2@example.net']);
  });

  it('an SES recipient named twice is located at each of its own entries', () => {
    const json = '{"notificationType":"Bounce","bounce":{"bounceType":"Permanent","bouncedRecipients":['
      + '{"emailAddress":"bob@example.net","status":"5.1.1"},{"emailAddress":"bob@example.net","status":"5.2.2"}]}}';
    const text = `${HEAD}Content-Type: text/plain\n\n${json}\n`;
    const analysis = analyzeBounce(text);
    const spans = analysis.recipients.map((r) => r.recipient.span.start);
    assert.equal(spans.length, 2);
    assert.equal(spans[0], text.indexOf('bob@example.net'));
    assert.equal(spans[1], text.lastIndexOf('bob@example.net'));
    assert.deepEqual(analysis.recipients.map((r) => r.status?.value), ['5.1.1', '5.2.2']);
  });
});

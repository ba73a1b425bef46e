// Which of the codes a bounce states for one recipient describes its failure
// (analysis/bounce/chooseCodes.ts). RFC 3464 §2.3.4 and §2.3.6: the Status field is the code the
// reporting system derived, the Diagnostic-Code the receiving server's own reply; RFC 3463 §3: a
// code with a subject and a detail says more than x.0.0. The evidence lists are synthetic, each
// shaped as a report states it (a transcript, a relay's summary quoting the remote reply).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseCodes, isOutOfSequence, specificity } from '../../server/src/analysis/bounce/chooseCodes';
import type { CodeEvidence, EvidenceSource } from '../../server/src/formats/bounce/replyEvidence';

let place = 0;
const located = (value: string | undefined) => (value === undefined ? undefined : { value, span: { start: place, end: (place += value.length + 1) } });

/** Evidence as replyEvidence.ts reports it; `order` is the place of discovery. */
function ev(source: EvidenceSource, order: number, codes: { enhanced?: string; basic?: string; transport?: string }, standing: Partial<Pick<CodeEvidence, 'nested' | 'continuation' | 'remote'>> = {}): CodeEvidence {
  return {
    source, order, enhanced: located(codes.enhanced), basic: located(codes.basic), transport: located(codes.transport),
    nested: standing.nested ?? false, continuation: standing.continuation ?? false, remote: standing.remote ?? false,
  };
}
const chosen = (evidence: CodeEvidence[], expect: '2' | '4' | '5' | undefined = '5') => {
  const c = chooseCodes(evidence, expect);
  return { enhanced: c.enhanced?.value, basic: c.basic?.value, transport: c.transport?.value, conflict: c.conflict };
};

describe('chooseCodes: specificity (RFC 3463)', () => {
  it('x.0.0 says least, a subject or a detail more, both most; a non-code is below all', () => {
    assert.equal(specificity('5.0.0'), 0);
    assert.equal(specificity('5.1.0'), 1);
    assert.equal(specificity('5.0.1'), 1);
    assert.equal(specificity('5.1.1'), 2);
    assert.equal(specificity('5.1'), -1);
    assert.equal(specificity('5.1.1'), 2, 'a second reading gives the same');
  });

  it('keeps answering rightly past its cache of codes', () => {
    for (let i = 0; i < 1100; i++) specificity(`5.${i % 1000}.${Math.floor(i / 1000)}`);
    assert.equal(specificity('5.7.1'), 2);
    assert.equal(specificity('4.0.0'), 0);
  });

  it('503 is the out-of-sequence reply', () => {
    assert.ok(isOutOfSequence(ev('report-text', 0, { basic: '503', enhanced: '5.5.1' })));
    assert.ok(!isOutOfSequence(ev('report-text', 0, { basic: '550', enhanced: '5.5.1' })));
    assert.ok(!isOutOfSequence(ev('report-text', 0, { enhanced: '5.5.1' })));
  });
});

describe('chooseCodes: whose words decide', () => {
  it('success and intermediate lines of a failure transcript are not its outcome', () => {
    const transcript = [
      ev('report-text', 0, { basic: '250', enhanced: '2.1.0' }), ev('report-text', 1, { basic: '354' }), ev('report-text', 2, { basic: '550', enhanced: '5.1.1' }),
    ];
    assert.deepEqual(chosen(transcript), { enhanced: '5.1.1', basic: '550', transport: undefined, conflict: undefined });
    assert.equal(chosen([ev('report-text', 0, { basic: '250', enhanced: '2.1.0' }), ev('report-text', 1, { basic: '451', enhanced: '4.3.0' })], '4').enhanced, '4.3.0');
    assert.equal(chosen([ev('report-text', 0, { basic: '250', enhanced: '2.0.0' })], '2').enhanced, '2.0.0', 'a delivery keeps its success code');
    assert.equal(chooseCodes([ev('report-text', 0, { basic: '250', enhanced: '2.0.0' })], undefined).enhanced?.value, '2.0.0', 'no action known');
  });

  it('"503 5.5.1 RCPT first" after every recipient was refused is not the cause, nor its 5.5.1 Status', () => {
    const evidence = [
      ev('status-field', 0, { enhanced: '5.5.1' }), ev('report-text', 1, { basic: '550', enhanced: '5.7.1' }), ev('report-text', 2, { basic: '503', enhanced: '5.5.1' }),
    ];
    assert.deepEqual(chosen(evidence), { enhanced: '5.7.1', basic: '550', transport: undefined, conflict: undefined });
  });

  it('a 503 stays when nothing else but the Status says anything', () => {
    assert.equal(chosen([ev('status-field', 0, { enhanced: '5.5.1' }), ev('report-text', 1, { basic: '503', enhanced: '5.5.1' })]).basic, '503');
    assert.equal(chosen([ev('report-text', 0, { basic: '503', enhanced: '5.5.1' })]).enhanced, '5.5.1');
  });

  it('the Diagnostic-Code beats the Status field and says why when they differ', () => {
    const c = chosen([ev('status-field', 0, { enhanced: '5.1.1' }), ev('diagnostic-code', 1, { basic: '550', enhanced: '5.7.1' })]);
    assert.equal(c.enhanced, '5.7.1');
    assert.equal(c.conflict, 'The Status field says 5.1.1 but the diagnostic text says 5.7.1; 5.7.1 is kept as the receiving server\'s own reply.');
  });

  it('a more specific code over a bare x.0.0 Status, said as such', () => {
    const c = chosen([ev('status-field', 0, { enhanced: '5.0.0' }), ev('report-text', 1, { basic: '550', enhanced: '5.1.1' })]);
    assert.equal(c.enhanced, '5.1.1');
    assert.equal(c.conflict, 'The Status field says 5.0.0 but the diagnostic text says 5.1.1; 5.1.1 is kept as the more specific.');
  });

  it('a Status with a subject beats codes the reporting system printed itself', () => {
    const c = chosen([ev('report-text', 0, { basic: '550', enhanced: '5.1.1' }), ev('status-field', 1, { enhanced: '5.2.2' })]);
    assert.equal(c.enhanced, '5.2.2');
    assert.equal(c.conflict, undefined, 'no conflict when the Status itself is kept');
  });

  it('the remote server\'s words in the text ("said:", "<<<") beat the Status field', () => {
    assert.equal(chosen([ev('status-field', 0, { enhanced: '5.2.2' }), ev('report-text', 1, { basic: '550', enhanced: '5.1.1' }, { remote: true })]).enhanced, '5.1.1');
    assert.equal(chosen([ev('status-field', 0, { enhanced: '5.2.2' }), ev('report-text', 1, { basic: '550', enhanced: '5.1.1' }, { nested: true })]).enhanced, '5.1.1');
  });

  it('the Diagnostic-Code beats the remote words in the text, and a reply nested in it beats it', () => {
    assert.equal(chosen([ev('report-text', 0, { basic: '550', enhanced: '5.1.1' }, { remote: true }), ev('diagnostic-code', 1, { basic: '550', enhanced: '5.7.1' })]).enhanced, '5.7.1');
    const relay = [ev('diagnostic-code', 0, { basic: '554', enhanced: '5.4.7' }), ev('diagnostic-code', 1, { basic: '550', enhanced: '5.1.1' }, { nested: true })];
    assert.deepEqual(chosen(relay), { enhanced: '5.1.1', basic: '550', transport: undefined, conflict: undefined });
  });

  it('a bare x.0.0 Status is below the reporting system\'s own text, however unspecific', () => {
    assert.equal(chosen([ev('status-field', 0, { enhanced: '5.0.0' }), ev('report-text', 1, { enhanced: '5.0.0', basic: '554' })]).basic, '554');
    assert.equal(chosen([ev('status-field', 0, { enhanced: '5.0.0' }), ev('report-text', 1, { enhanced: '5.0.0', basic: '554' })]).enhanced, '5.0.0');
    const c = chooseCodes([ev('status-field', 0, { enhanced: '5.0.0' }), ev('report-text', 1, { enhanced: '5.0.0', basic: '554' })], '5');
    assert.equal(c.from?.source, 'report-text');
  });

  it('among equals the more specific wins, then the first found', () => {
    assert.equal(chosen([ev('report-text', 0, { enhanced: '5.1.0' }), ev('report-text', 1, { enhanced: '5.1.1' })]).enhanced, '5.1.1');
    assert.equal(chosen([ev('report-text', 0, { enhanced: '5.1.1' }), ev('report-text', 1, { enhanced: '5.7.1' })]).enhanced, '5.1.1');
    assert.equal(chosen([ev('report-text', 5, { enhanced: '5.7.1' }), ev('report-text', 2, { enhanced: '5.1.1' })]).enhanced, '5.1.1', 'by order of discovery, not of the list');
    assert.equal(chosen([ev('report-text', 5, { enhanced: '5.1.1' }), ev('report-text', 2, { enhanced: '5.1.0' })]).enhanced, '5.1.1', 'an earlier find says less: order only breaks ties');
    assert.equal(chosen([ev('report-text', 0, { enhanced: '5.1.1' }), ev('report-text', 0, { enhanced: '5.7.1' })]).enhanced, '5.1.1', 'found at the same place: the first listed');
  });

  it('a success code without a reply code is passed over in a failure too', () => {
    assert.equal(chosen([ev('report-text', 0, { enhanced: '2.1.0' }), ev('report-text', 1, { enhanced: '5.1.0' })]).enhanced, '5.1.0');
  });

  it('a Status value that is no code (an SES notification passes its field through as written) is passed over', () => {
    assert.equal(chosen([ev('status-field', 0, { enhanced: 'n/a' }), ev('report-text', 1, { basic: '550', enhanced: '5.1.1' })]).enhanced, '5.1.1');
  });

  it('a reply whose class differs from its enhanced code ("550 4.4.7") is a summary, below the reply it sums up', () => {
    const evidence = [ev('diagnostic-code', 0, { basic: '550', enhanced: '4.4.7' }), ev('report-text', 1, { basic: '421', enhanced: '4.4.2' }, { remote: true })];
    assert.equal(chosen(evidence, '4').enhanced, '4.4.2');
    assert.equal(chosen([ev('diagnostic-code', 0, { basic: '450', enhanced: '4.4.7' }), ev('report-text', 1, { basic: '421', enhanced: '4.4.2' }, { remote: true })], '4').enhanced, '4.4.7');
  });
});

describe('chooseCodes: the reply code and the transport string', () => {
  it('the chosen reply\'s own code, else the first of the same class that ends its reply, else any', () => {
    assert.equal(chosen([ev('status-field', 0, { enhanced: '5.1.1' }), ev('report-text', 1, { basic: '550' })]).basic, '550');
    const multiLine = [ev('status-field', 0, { enhanced: '5.1.1' }), ev('report-text', 1, { basic: '550' }, { continuation: true }), ev('report-text', 2, { basic: '551' })];
    assert.equal(chosen(multiLine).basic, '551', 'not the continuation line');
    assert.equal(chosen([ev('status-field', 0, { enhanced: '5.1.1' }), ev('report-text', 1, { basic: '421' }), ev('report-text', 2, { basic: '550' })]).basic, '550', 'of the same class');
    assert.equal(chosen([ev('status-field', 0, { enhanced: '5.1.1' }), ev('report-text', 1, { basic: '421' })]).basic, '421', 'any, when none is of the class');
    assert.equal(chosen([ev('report-text', 0, { basic: '550' }, { continuation: true })]).basic, '550', 'without an enhanced code');
    assert.equal(chosen([ev('report-text', 0, { basic: '421' }), ev('report-text', 1, { basic: '550' })]).basic, '421', 'without an enhanced code, the first');
  });

  it('the chosen reply\'s transport string, else the first one given', () => {
    assert.equal(chosen([ev('diagnostic-code', 0, { basic: '550', enhanced: '5.1.10', transport: 'RESOLVER.ADR.RecipientNotFound' })]).transport, 'RESOLVER.ADR.RecipientNotFound');
    assert.equal(chosen([ev('status-field', 0, { enhanced: '5.1.10' }), ev('report-text', 1, { transport: 'RESOLVER.ADR.RecipNotFound' })]).transport, 'RESOLVER.ADR.RecipNotFound');
  });

  it('nothing chosen from no evidence', () => {
    assert.deepEqual(chosen([]), { enhanced: undefined, basic: undefined, transport: undefined, conflict: undefined });
  });
});

// What counts as a status code, from the standards that define them: RFC 3463 §2 (enhanced codes:
// a class of 2, 4 or 5, then a subject and a detail of one to three digits each) and RFC 5321 §4.2
// (basic replies: three digits, the first 2 to 5 in replies to mail, the second 0 to 5). The inputs
// are synthetic strings built from those grammars.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isBasicReplyCode, parseEnhancedCode, parseEnhancedRange, rangeContains } from '../../server/src/knowledge/statusCode';

describe('enhanced status codes (RFC 3463 §2)', () => {
  it('reads a subject or detail of up to three digits, and drops leading zeros', () => {
    assert.deepEqual(parseEnhancedCode('5.7.1'), { statusClass: '5', subject: 7, detail: 1, text: '5.7.1' });
    assert.equal(parseEnhancedCode('5.7.606')?.detail, 606);
    assert.equal(parseEnhancedCode('4.10.2')?.subject, 10, 'a two-digit subject');
    assert.equal(parseEnhancedCode('5.01.001')?.text, '5.1.1');
  });

  it('refuses a string that only contains a code, or a part longer than three digits', () => {
    for (const text of ['x5.1.1', '15.1.1', '5.1.1x', '5.1.1.1', '5.1.1000', '5.1000.1', '3.1.1', '5.1', '']) {
      assert.equal(parseEnhancedCode(text), undefined, text);
    }
  });

  it('reads a range of details written short or in full, and refuses one that runs backwards', () => {
    assert.deepEqual(parseEnhancedRange('5.7.606-649'), { statusClass: '5', subject: 7, low: 606, high: 649 });
    assert.deepEqual(parseEnhancedRange('4.7.500-4.7.699'), { statusClass: '4', subject: 7, low: 500, high: 699 });
    assert.deepEqual(parseEnhancedRange('5.10.1-5.10.9'), { statusClass: '5', subject: 10, low: 1, high: 9 }, 'two-digit subjects in both ends');
    assert.equal(parseEnhancedRange('5.7.649-606'), undefined);
    assert.equal(parseEnhancedRange('5.7.7-7')?.high, 7, 'a range of one detail');
    for (const text of ['x5.7.1-9', '5.7.1-9x', '5.7.1-9-12', '5.7.1-1000', '5.7.1']) assert.equal(parseEnhancedRange(text), undefined, text);
  });

  it('a range holds the codes of its class and subject between its ends, both included', () => {
    const range = parseEnhancedRange('5.7.606-649')!;
    const code = (text: string) => parseEnhancedCode(text)!;
    assert.ok(rangeContains(range, code('5.7.606')) && rangeContains(range, code('5.7.649')) && rangeContains(range, code('5.7.620')));
    for (const text of ['5.7.605', '5.7.650', '4.7.620', '5.1.620']) assert.ok(!rangeContains(range, code(text)), text);
  });
});

describe('basic reply codes (RFC 5321 §4.2)', () => {
  it('takes three digits with a first digit of 2 to 5 and a second of 0 to 5', () => {
    for (const text of ['250', '354', '421', '450', '550', '554', '205', '500']) assert.ok(isBasicReplyCode(text), text);
  });

  it('refuses other first or second digits, other lengths, and codes inside longer strings', () => {
    for (const text of ['150', '650', '560', '290', '55a', '5x0', '55', '5500', '1550', ' 550', '550 ', '']) assert.ok(!isBasicReplyCode(text), JSON.stringify(text));
  });
});

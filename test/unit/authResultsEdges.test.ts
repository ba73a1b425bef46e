// Authentication results at their edges: offsets of each verdict, comments that hold pairs, keys
// that are not methods, the authserv-id (and ARC's instance) skipped, Received-SPF's leading result,
// and the results that count as failing. Values are synthetic, after the forms of real headers
// (Gmail's "(p=NONE sp=NONE dis=NONE)", Microsoft's "action=none").
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { authVerdicts, FAILING_RESULTS } from '../../server/src/formats/mime/authResults';

const read = (key: string, value: string): string[] => authVerdicts({ key, value }).map((v) => `${v.method}=${v.result}@${value.slice(v.start, v.end)}`);

describe('Authentication-Results verdicts', () => {
  it('give each verdict the offsets of its method=result in the value', () => {
    const value = 'mx.example.com; spf=pass smtp.mailfrom=a.example;dkim = fail header.d=a.example';
    assert.deepEqual(authVerdicts({ key: 'authentication-results', value }).map((v) => [v.start, v.end]), [[16, 24], [49, 60]]);
    assert.deepEqual(read('authentication-results', value), ['spf=pass@spf=pass', 'dkim=fail@dkim = fail']);
  });

  it('read no pair inside a comment, and keep the offsets after it', () => {
    const value = 'mx.google.com; dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=a.example; arc=none';
    assert.deepEqual(read('authentication-results', value), ['dmarc=pass@dmarc=pass', 'arc=none@arc=none']);
  });

  it('skip keys that are no methods', () => {
    const value = 'mx.example.com; dmarc=fail action=none header.from=a.example; spf=pass reason=listed client-ip=fe80::1 receiver=mx helo=host';
    assert.deepEqual(read('authentication-results', value), ['dmarc=fail@dmarc=fail', 'spf=pass@spf=pass']);
  });

  it('read nothing without an authserv-id before the results, and the results after an empty one', () => {
    assert.deepEqual(read('authentication-results', 'spf=pass smtp.mailfrom=a.example'), []);
    assert.deepEqual(read('authentication-results', '; spf=pass smtp.mailfrom=a.example'), ['spf=pass@spf=pass']);
  });

  it('in ARC, skip the instance tag and then the authserv-id', () => {
    assert.deepEqual(read('arc-authentication-results', 'i=1; spf=pass smtp.mailfrom=a.example'), []);
    assert.deepEqual(read('arc-authentication-results', 'i=1; mx.example.net; spf=pass'), ['spf=pass@spf=pass']);
  });

  it('look at the first 20,000 characters only', () => {
    const value = `mx.example.com; dkim=pass${' '.repeat(20_000)} spf=fail`;
    assert.deepEqual(read('authentication-results', value), ['dkim=pass@dkim=pass']);
  });
});

describe('Received-SPF verdicts', () => {
  it('take the result that opens the value, with its offsets (RFC 7208 section 9.1)', () => {
    const value = '  SoftFail (example.com: transitioning domain) client-ip=192.0.2.1;';
    const [verdict] = authVerdicts({ key: 'received-spf', value });
    assert.deepEqual(verdict, { method: 'spf', result: 'softfail', start: 2, end: 10 });
  });

  it('read nothing from a value that does not open with a result', () => {
    assert.deepEqual(authVerdicts({ key: 'received-spf', value: '(example.com: no result) client-ip=192.0.2.1' }), []);
    assert.deepEqual(authVerdicts({ key: 'received-spf', value: '      pass' }), []);
  });
});

describe('failing results', () => {
  it('are the results of a check that did not pass, not pass, neutral, none or policy', () => {
    for (const result of ['fail', 'softfail', 'permerror', 'temperror', 'hardfail']) assert.equal(FAILING_RESULTS.has(result), true, result);
    for (const result of ['pass', 'neutral', 'none', 'policy', '']) assert.equal(FAILING_RESULTS.has(result), false, result);
  });
});

// The Filter Lines queries the report writes: values from hostile documents are written so they can
// only be read back as the value they were (syntax: common/protocol.ts). Synthetic values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { freeText, query, queryValue, term } from '../../server/src/analysis/flow/flowQueries';

describe('report queries', () => {
  it('a value of exactly the longest length is kept whole; one character more is cut and ends in *', () => {
    const longest = 'a'.repeat(200);
    assert.equal(queryValue(longest), longest);
    assert.equal(queryValue(`${longest}b`), `${'a'.repeat(199)}*`);
  });

  it('free text is always quoted, a plain value only when it must be', () => {
    assert.equal(freeText('OR'), '"OR"');
    assert.equal(term('recipient', 'bob@contoso.com'), 'recipient:bob@contoso.com');
    assert.equal(term('reason', 'user unknown'), 'reason:"user unknown"');
    assert.equal(term('reason', 'say "hi" \\ now'), 'reason:"say *hi* * now"', 'quotes and backslashes become *');
  });

  it('terms that are missing are left out; no term at all is no query', () => {
    assert.equal(query('event:FAIL', undefined, 'recipient:bob@contoso.com'), 'event:FAIL recipient:bob@contoso.com');
    assert.equal(query(undefined, undefined), undefined);
    assert.equal(query(), undefined);
  });
});

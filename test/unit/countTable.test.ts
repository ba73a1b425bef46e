// The report's bounded tallies: keys past the bound counted as "(other)", rows sorted by count then
// by key in code-unit order (the same on every machine and locale). Synthetic keys and places.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareText, CountTable, countRows, OTHER_LABEL, withQuery } from '../../server/src/analysis/flow/countTable';

const at = (line: number) => ({ source: 0, line });

describe('count tables', () => {
  it('takes at most maxKeys keys; later keys are counted as other', () => {
    const table = new CountTable(2);
    table.add('a', at(0));
    table.add('b', at(1));
    table.add('c', at(2), 5);
    table.add('a', at(3));
    assert.equal(table.size, 2);
    assert.equal(table.other, 5);
    assert.deepEqual(countRows(table, 10, () => undefined), [
      { label: 'a', count: 2, at: at(0) },
      { label: 'b', count: 1, at: at(1) },
      { label: '(other)', count: 5 },
    ]);
    assert.equal(OTHER_LABEL, '(other)');
  });

  it('equal counts in code-unit order of their keys: upper case before lower case', () => {
    const table = new CountTable(10);
    for (const key of ['b', 'a', 'B']) table.add(key, at(0));
    assert.deepEqual(countRows(table, 10, () => undefined).map((r) => r.label), ['B', 'a', 'b']);
    assert.deepEqual([compareText('a', 'b'), compareText('b', 'a'), compareText('a', 'a')], [-1, 1, 0]);
  });

  it('rows past the limit join the other row', () => {
    const table = new CountTable(10);
    table.add('x', at(0), 3);
    table.add('y', at(1), 2);
    table.add('z', at(2), 1);
    assert.deepEqual(countRows(table, 1, () => undefined), [{ label: 'x', count: 3, at: at(0) }, { label: OTHER_LABEL, count: 3 }]);
  });

  it('a row gets a query only when there is one', () => {
    assert.deepEqual(withQuery({ label: 'x' }, undefined), { label: 'x' });
    assert.ok(!('query' in withQuery({ label: 'x' }, undefined)));
    assert.deepEqual(withQuery({ label: 'x' }, 'event:FAIL'), { label: 'x', query: 'event:FAIL' });
  });
});

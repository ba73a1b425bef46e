// The sliced, cancellable loop both validators run their rows and lines in.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SlicedWork } from '../../server/src/common/cancellation';

describe('SlicedWork', () => {
  it('ends a slice every perSlice steps, yields there, and stops once cancelled', async () => {
    let yields = 0;
    const token = { isCancellationRequested: false };
    const slices = new SlicedWork(3, token, async () => { yields++; });
    const ends: number[] = [];
    let step = 0;
    for (; step < 100; step++) {
      if (!slices.step()) continue;
      ends.push(step);
      if (ends.length === 2) token.isCancellationRequested = true;
      if (!(await slices.next())) break;
    }
    assert.deepEqual(ends, [2, 5]);
    assert.equal(yields, 2);
    assert.equal(step, 5);
  });

  it('runs to the end without a token', async () => {
    const slices = new SlicedWork(4, undefined, () => Promise.resolve());
    let continued = 0;
    for (let step = 0; step < 10; step++) if (slices.step() && (await slices.next())) continued++;
    assert.equal(continued, 2);
  });
});

// Issue #10, linear time on every input: each hostile payload family (test/support/superlinearity.ts,
// all synthetic) through each entry point it targets at 25k, 50k, 100k and 200k characters. Each
// doubling of the input may at most multiply the time by MAX_RATIO, as the bench prints it. The only
// timed assertions of the unit tests: each size keeps its best of several batched runs after a
// warm-up, a miss is measured again before it fails (and, if it stays, at twice the sizes, where a
// garbage-collection step between two sizes has passed and real superlinearity is worse), and a
// doubling whose two times are both under NOISE_FLOOR_MS passes (timer noise).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_RATIO, NOISE_FLOOR_MS, PAYLOAD_FAMILIES, SWEEP_SIZES, fill, hoverTargets, judgeGrowth, judgeWithLarger, sweepOne } from '../support/superlinearity';

describe('the sweep itself', () => {
  it('has at least 26 payload families, each built at about the size asked for', () => {
    assert.ok(PAYLOAD_FAMILIES.length >= 26, `${PAYLOAD_FAMILIES.length} families`);
    for (const family of PAYLOAD_FAMILIES) {
      for (const size of SWEEP_SIZES) {
        const length = family.build(size).length;
        assert.ok(length > size * 0.9 && length < size * 1.1, `${family.name} at ${size}: ${length} characters`);
      }
    }
  });

  it('judges growth: linear passes, a single doubling over 2.5x fails, n^1.5 and n^2 fail', () => {
    const judged = (ms: number[]) => judgeGrowth(ms).ok;
    assert.equal(judged([10, 20, 40, 80]), true);
    assert.equal(judged([10, 24, 59, 147]), true); // 2.4x to 2.5x every time
    assert.equal(judged([10, 19, 38, 109]), false); // 2.87x on the last doubling, 2x before it
    assert.equal(judged([10, 26, 52, 104]), false); // 2.6x on the first doubling only
    assert.equal(judged([10, 28.3, 80, 226]), false); // n^1.5
    assert.equal(judged([10, 20, 40, 160]), false); // quadratic from 100k on
    assert.equal(judged([1, 4, 16, 64]), false); // quadratic, small at first
    assert.equal(judged([0.5, 1, 2, 4.5]), true); // all under the noise floor
    assert.equal(judged([1, 4.9, 6, 15]), true); // 4.9x between two times under the floor, then 2.5x exactly
    assert.equal(judged([10, 20, 40]), false); // gave up before the largest size
  });

  it('at twice the sizes: passes on that measurement, or with each size at its best of both; superlinear growth still fails', () => {
    // A noisy CI run (tracking-log id filter): 2.60x once at the usual sizes, 2.65x once at twice them,
    // at different sizes; the best of each size grows at most 2.28x.
    assert.equal(judgeWithLarger([1.54, 3.64, 9.45, 16.39], [3.51, 7.38, 19.56, 21.79]), true);
    // Load that rose between the two measurements (CSV many commas, references): at twice the sizes
    // every doubling is within 2.18x; mixed with the quieter first measurement, 15.24 -> 42.49 is not.
    assert.equal(judgeWithLarger([1.85, 5.25, 8.32, 15.24], [6.25, 11.20, 24.43, 42.49]), true);
    // A fresh-clone CI run (ISO-2022-JP bounce, diagnostics): a step of 3.0x between two times under
    // the floor, 2.6x between two others at twice the sizes, each doubling above it within 2.1x.
    assert.equal(judgeWithLarger([0.97, 2.28, 3.21, 9.77], [2.15, 5.67, 11.94, 19.98]), true);
    assert.equal(judgeWithLarger([10, 20, 40, 80], [20, 40, 80, 240]), false); // 3x on the last doubling
    assert.equal(judgeWithLarger([10, 28.3, 80, 226], [28, 80, 226, 640]), false); // n^1.5
    assert.equal(judgeWithLarger([10, 20, 40, 160], [20, 40, 160, 640]), false); // quadratic from 100k on
    assert.equal(judgeWithLarger([10, 20, 40, 80], [20, 40, 80]), false); // gave up before the largest size
  });

  it('fill repeats the unit between head and tail', () => {
    assert.equal(fill('<', 'ab', '>', 8), '<ababab>');
  });

  // Synthetic documents: where the hover entry point hovers.
  const targets = (text: string) => hoverTargets(TextDocument.create('file:///t', 'plaintext', 1, text)).map((p) => `${p.line}:${p.character}`);

  it('hovers the start of the middle line and of the eleven lines after it', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `line ${i}`);
    const middleLine = lines.join('\n').slice(0, Math.floor(lines.join('\n').length / 2)).split('\n').length - 1;
    assert.deepEqual(targets(lines.join('\n')), Array.from({ length: 12 }, (_, i) => `${middleLine + i}:0`));
  });

  it('stops at the last line, and takes CRLF, LF and a bare CR as one line break each', () => {
    assert.deepEqual(targets('aaaa\r\nbbbb\r\ncccc\r\ndddd'), ['1:0', '2:0', '3:0']);
    assert.deepEqual(targets('aaaa\rbbbb\rcccc\rdddd'), ['1:0', '2:0', '3:0']);
  });

  it('inside one long line, hovers the middle itself', () => {
    assert.deepEqual(targets(`${'x'.repeat(5000)}\nshort`), ['0:2503']);
  });
});

describe('each doubling of the input at most multiplies the time by 2.5', () => {
  for (const family of PAYLOAD_FAMILIES) {
    for (const entry of family.entries) {
      it(`${family.name} → ${entry.name}`, async () => {
        const result = await sweepOne(family, entry);
        const times = (ms: readonly number[]) => ms.map((t) => `${t.toFixed(2)} ms`).join(', ');
        const again = result.atDoubleSize ? `; at twice the sizes: ${times(result.atDoubleSize)}` : '';
        assert.ok(result.ok, `times at ${SWEEP_SIZES.slice(0, result.ms.length).join(', ')} characters: ${times(result.ms)}; `
          + `ratios ${result.ratios.map((r) => r.toFixed(2)).join(', ')}${again}: a doubling over ${MAX_RATIO}x (pairs both under ${NOISE_FLOOR_MS} ms pass)`);
      });
    }
  }
});

// The superlinearity sweep of issue #10 as bench rows: every hostile payload family through each
// entry point it targets at 25k, 50k, 100k and 200k characters, and the worst time ratio of a
// single doubling. The unit test asserts the same sweep (test/support/superlinearity.ts).
import { MAX_RATIO, PAYLOAD_FAMILIES, SWEEP_SIZES, sweepAll, type SweepResult } from '../test/support/superlinearity';
import type { BenchRow } from './benchLogs';

const sizes = SWEEP_SIZES.map((n) => `${n / 1000}k`).join(' / ');

const milliseconds = (ms: readonly number[]): string => ms.map((t) => t.toFixed(t < 10 ? 2 : 0)).join(' / ');

function row(result: SweepResult): BenchRow {
  // A miss that stayed after measuring again is judged at twice the sizes: said so, with those times.
  const confirmed = result.atDoubleSize ? ` (measured again at 50k to 400k: ${milliseconds(result.atDoubleSize)} ms)` : '';
  return [`  ${result.family} → ${result.entry}: ${milliseconds(result.ms)} ms${confirmed}`, `${result.worstRatio.toFixed(2)}x`, `<= ${MAX_RATIO}x`, result.ok];
}

export async function sweepRows(onResult?: (result: SweepResult) => void, families = PAYLOAD_FAMILIES): Promise<BenchRow[]> {
  const results = await sweepAll(onResult, families);
  const missed = results.filter((r) => !r.ok).length;
  return [
    [`superlinearity sweep: ${results.length} runs, ms at ${sizes} characters; worst ratio of a doubling`, `${missed} missed`, '0 missed', missed === 0],
    ...results.map(row),
  ];
}

// Run alone (node --import tsx scripts/benchSweep.ts [family name part]), print each row as it is measured.
if (process.argv[1]?.endsWith('benchSweep.ts')) {
  const only = process.argv[2]?.toLowerCase();
  void sweepRows((r) => {
    const [name, value, target, ok] = row(r);
    console.log(`${name}  ${value}  ${target}  ${ok ? 'ok' : 'MISSED'}`);
  }, PAYLOAD_FAMILIES.filter((f) => !only || f.name.toLowerCase().includes(only)));
}

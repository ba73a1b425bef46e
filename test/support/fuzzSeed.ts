// Every fast-check property of a test file runs from one seed, printed so that a failing run can be
// replayed exactly: FUZZ_SEED=<seed> node --import tsx --test test/unit/<file>.test.ts
// (fast-check also prints the seed and path of a failure; this line is there when a kill is not.)
import fc from 'fast-check';

function chooseSeed(): number {
  const given = process.env.FUZZ_SEED;
  if (given === undefined || given === '') return (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
  const seed = Number(given);
  if (!Number.isInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, got "${given}"`);
  return seed;
}

export const fuzzSeed = chooseSeed();
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: fuzzSeed });
console.log(`fast-check seed ${fuzzSeed} (replay: FUZZ_SEED=${fuzzSeed})`);

// Types of scripts/mutationResults.mjs, for its unit test.
export const SCORES: string;
export function hasKeptResults(slug: string): boolean;
export function restoreResults(slug: string): void;
export function hashTests(tests: readonly string[]): Record<string, string>;
export function keepResults(slug: string, hashes?: Record<string, string>): void;
export function readScores(): Map<string, Record<string, string>>;
export function recordScores(
  result: {
    module: string; score: number; mutants: number; killed: number; survived: number; noCoverage: number; ignored: number;
    tests: number; seconds: number; fromScratch: boolean;
  },
  target: number,
): void;

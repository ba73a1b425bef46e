// Corpus checks that fail when one sample regresses. A corpus test reduces each sample to checks
// (sample, field, agrees with the corpus's own expected value). A list file per corpus,
// test/corpus/<corpus>-agreeing.tsv, records every (sample, field) on which the engine agreed; the
// test fails naming any listed pair that no longer agrees. The expected values stay the corpus's:
// the list only records which of them we meet. `npm run corpus:record` runs the corpus tests with
// CORPUS_RECORD=1, which adds the pairs that agree now and reports them; it never removes one.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from './shared';

export interface AgreementCheck {
  /** The sample, as the corpus names it (file, and recipient where a file has several). */
  readonly sample: string;
  /** What was compared: status, recipient, reason, hard/soft... */
  readonly field: string;
  readonly agrees: boolean;
  /** What was expected and what we found, for the failure message. */
  readonly detail?: string;
}

/** The checks of one sample from per-field results; a field left undefined is not measured for it. */
export function checksOf(sample: string, fields: Readonly<Record<string, boolean | undefined>>, detail?: (field: string) => string): AgreementCheck[] {
  return Object.entries(fields)
    .filter((entry): entry is [string, boolean] => entry[1] !== undefined)
    .map(([field, agrees]) => ({ sample, field, agrees, detail: detail?.(field) }));
}

const keyOf = (sample: string, field: string): string => `${sample}\t${field}`;
const HEADER = 'sample\tfield';

export const agreementListPath = (corpus: string): string => join(repoRoot, 'test', 'corpus', `${corpus}-agreeing.tsv`);

/** The (sample, field) keys a list file holds; none when the file does not exist yet. */
export function readAgreementList(path: string): Set<string> {
  if (!existsSync(path)) return new Set();
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.length > 0 && !l.startsWith('#') && l !== HEADER);
  return new Set(lines);
}

export function writeAgreementList(path: string, keys: Iterable<string>, corpus: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const sorted = [...new Set(keys)].sort();
  const preamble = `# Every (sample, field) of corpus "${corpus}" on which the engine agreed with the corpus's expected values; written by npm run corpus:record (adds only).`;
  writeFileSync(path, [preamble, HEADER, ...sorted].join('\n') + '\n');
}

export interface AgreementOutcome {
  /** Listed pairs that no longer agree, or whose sample no longer produced the check. */
  readonly regressed: readonly { readonly key: string; readonly detail: string }[];
  /** Pairs that agree and are not listed yet. */
  readonly newlyAgreeing: readonly string[];
  readonly listed: number;
}

/** Compares one run's checks with a list. A key checked twice agrees only when every check of it agrees. */
export function compareWithList(listed: ReadonlySet<string>, checks: readonly AgreementCheck[]): AgreementOutcome {
  const agreeing = new Map<string, { agrees: boolean; detail: string }>();
  for (const check of checks) {
    const key = keyOf(check.sample, check.field);
    const before = agreeing.get(key);
    const detail = check.agrees ? before?.detail ?? '' : check.detail ?? 'disagrees';
    agreeing.set(key, { agrees: (before?.agrees ?? true) && check.agrees, detail });
  }
  const regressed = [...listed]
    .filter((key) => agreeing.get(key)?.agrees !== true)
    .map((key) => ({ key, detail: agreeing.get(key)?.detail ?? 'no longer checked (sample or field gone)' }));
  const newlyAgreeing = [...agreeing].filter(([key, r]) => r.agrees && !listed.has(key)).map(([key]) => key);
  return { regressed, newlyAgreeing, listed: listed.size };
}

/** Whether this run records: adds the newly agreeing pairs to the lists. */
export const recording = (): boolean => process.env.CORPUS_RECORD === '1';

/**
 * Checks a corpus run against its list and returns a failure message naming every sample that
 * stopped agreeing (undefined when none did). When recording, first adds what agrees now.
 */
export function agreementRegressions(corpus: string, checks: readonly AgreementCheck[], path = agreementListPath(corpus)): string | undefined {
  const listed = readAgreementList(path);
  const outcome = compareWithList(listed, checks);
  if (recording()) {
    if (outcome.newlyAgreeing.length > 0 || !existsSync(path)) writeAgreementList(path, [...listed, ...outcome.newlyAgreeing], corpus);
    console.log(`${corpus}: ${outcome.newlyAgreeing.length} (sample, field) pairs added to ${path}`);
    for (const key of outcome.newlyAgreeing) console.log(`  + ${key.replace('\t', '  ')}`);
  } else if (outcome.newlyAgreeing.length > 0) {
    console.log(`${corpus}: ${outcome.newlyAgreeing.length} (sample, field) pairs agree and are not listed yet: npm run corpus:record adds them`);
  }
  if (outcome.regressed.length === 0) return undefined;
  const shown = outcome.regressed.slice(0, 40).map(({ key, detail }) => `  ${key.replace('\t', '  ')}: ${detail}`);
  const more = outcome.regressed.length > shown.length ? [`  ... and ${outcome.regressed.length - shown.length} more`] : [];
  return [`${corpus}: ${outcome.regressed.length} of ${outcome.listed} listed (sample, field) pairs no longer agree with the corpus:`, ...shown, ...more].join('\n');
}

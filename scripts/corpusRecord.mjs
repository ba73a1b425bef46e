// npm run corpus:record: runs the corpus tests with CORPUS_RECORD=1, so each adds to its list
// (test/corpus/<corpus>-agreeing.tsv) the samples that agree now and prints them. It never removes a
// sample: one that stops agreeing still fails the test. The corpus tests are the unit tests whose
// name ends in Corpus.test.ts.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const files = readdirSync('test/unit').filter((f) => f.endsWith('Corpus.test.ts')).sort().map((f) => `test/unit/${f}`);
const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...files], { stdio: 'inherit', env: { ...process.env, CORPUS_RECORD: '1' } });
process.exitCode = run.status ?? 1;

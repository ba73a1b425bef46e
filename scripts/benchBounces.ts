// Bounce rows of npm run bench: the analysis engine over the 629 real bounces of the shared corpus,
// measured on the bundle esbuild builds (as the extension ships it), in a process of its own (so the
// heap the other rows leave behind does not weigh on it), after start-up and a warm-up long enough
// for the JIT to settle. The median of the timed rounds is the figure.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

type Row = [string, string, string, boolean | undefined];

const TARGET_PER_SECOND = 12_000;
const WARM_UP_ROUNDS = 20;
const TIMED_ROUNDS = 20;

/** Runs in the child process: reads the corpus, warms up, then times each round. */
const RUNNER = `
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { analyzeBounce } = require(process.argv[2]);
const maildir = process.argv[3];
const decoder = new TextDecoder('utf-8');
const texts = readdirSync(maildir).sort().map((f) => decoder.decode(readFileSync(join(maildir, f))));
for (let round = 0; round < ${WARM_UP_ROUNDS}; round++) for (const text of texts) analyzeBounce(text);
const perSecond = [];
let recipients = 0;
for (let round = 0; round < ${TIMED_ROUNDS}; round++) {
  recipients = 0;
  const started = performance.now();
  for (const text of texts) recipients += analyzeBounce(text).recipients.length;
  perSecond.push(texts.length / ((performance.now() - started) / 1000));
}
const characters = texts.reduce((n, t) => n + t.length, 0);
process.stdout.write(JSON.stringify({ samples: texts.length, characters, recipients, perSecond }));
`;

export async function bounceRows(shared: string, benchDir: string): Promise<Row[]> {
  mkdirSync(benchDir, { recursive: true });
  const bundle = join(benchDir, 'analyzeBounce.cjs');
  await esbuild.build({ entryPoints: ['server/src/formats/bounce/analyzeBounce.ts'], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, logLevel: 'error' });
  const runner = join(benchDir, 'bounceBench.cjs');
  writeFileSync(runner, RUNNER);
  const maildir = join(shared, 'corpus', 'bounces', 'maildir', 'bsd');
  const result = JSON.parse(execFileSync(process.execPath, [runner, bundle, maildir], { encoding: 'utf8' })) as { samples: number; characters: number; recipients: number; perSecond: number[] };
  const perSecond = [...result.perSecond].sort((a, b) => a - b);
  const median = perSecond[Math.floor(perSecond.length / 2)]!;
  const format = (n: number): string => `${Math.round(n).toLocaleString('en-US')}/s`;
  return [
    [`classify ${result.samples} real bounces (${(result.characters / 1e6).toFixed(1)} MB, ${result.recipients} recipients), median of ${TIMED_ROUNDS} rounds`, format(median), `>= ${format(TARGET_PER_SECOND)}`, median >= TARGET_PER_SECOND],
    ['  slowest and fastest round', `${format(perSecond[0]!)} / ${format(perSecond[perSecond.length - 1]!)}`, '', undefined],
  ];
}

// Bounce rows of npm run bench: the analysis engine over the 629 real bounces of the shared corpus,
// measured on the bundle esbuild builds (as the extension ships it), in a process of its own (so the
// heap the other rows leave behind does not weigh on it), after start-up and a warm-up long enough
// for the JIT to settle. The median of the timed rounds is the figure.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../server/src/languageService';
import * as hostile from '../test/support/hostileBounces';
import { type BenchRow as Row, ms } from './benchLogs';

const TARGET_PER_SECOND = 12_000;
/** Issue #12: at least this many times Sisimai's messages per second, on the same corpus in the same run. */
const TARGET_TIMES_SISIMAI = 20;
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
  await esbuild.build({ entryPoints: ['server/src/analysis/bounce/analyzeBounce.ts'], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, logLevel: 'error' });
  const runner = join(benchDir, 'bounceBench.cjs');
  writeFileSync(runner, RUNNER);
  const maildir = join(shared, 'corpus', 'bounces', 'maildir', 'bsd');
  const result = JSON.parse(execFileSync(process.execPath, [runner, bundle, maildir], { encoding: 'utf8' })) as { samples: number; characters: number; recipients: number; perSecond: number[] };
  const perSecond = [...result.perSecond].sort((a, b) => a - b);
  const median = perSecond[Math.floor(perSecond.length / 2)]!;
  const format = (n: number): string => `${Math.round(n).toLocaleString('en-US')}/s`;
  const sisimai = sisimaiPerSecond(shared, benchDir, maildir);
  const ratio = typeof sisimai === 'number' ? median / sisimai : undefined;
  return [
    [`classify ${result.samples} real bounces (${(result.characters / 1e6).toFixed(1)} MB, ${result.recipients} recipients), median of ${TIMED_ROUNDS} rounds`, format(median), `>= ${format(TARGET_PER_SECOND)}`, median >= TARGET_PER_SECOND],
    ['  slowest and fastest round', `${format(perSecond[0]!)} / ${format(perSecond[perSecond.length - 1]!)}`, '', undefined],
    typeof sisimai === 'number'
      ? [`  Sisimai 5.1.0 on the same ${result.samples} messages, right after (${format(sisimai)}): ours / Sisimai's`, `${ratio!.toFixed(1)}x`, `>= ${TARGET_TIMES_SISIMAI}x`, ratio! >= TARGET_TIMES_SISIMAI]
      : [`  Sisimai 5.1.0 on the same messages: not measured (${sisimai})`, '-', `>= ${TARGET_TIMES_SISIMAI}x`, false],
  ];
}

/**
 * Sisimai's messages per second on the same folder, from the last line of shared/tools/sisimai/run.sh
 * (every message read into memory first, then the median of its timed rounds), or why it could not run.
 */
function sisimaiPerSecond(shared: string, benchDir: string, maildir: string): number | string {
  const script = join(shared, 'tools', 'sisimai', 'run.sh');
  if (!existsSync(script)) return `${script} is missing`;
  // run.sh reads a folder of folders: one holding just this corpus.
  const parent = join(benchDir, 'sisimai-corpus');
  const link = join(parent, 'bsd');
  mkdirSync(parent, { recursive: true });
  if (!existsSync(link)) symlinkSync(resolve(maildir), link, 'dir');
  const run = spawnSync('bash', [script, parent], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const summary = /^# sisimai \S+: (\d+) messages, \d+ records, (\d+) msgs\/s/m.exec(run.stdout ?? '');
  if (run.status !== 0 || !summary) return (run.stderr || `run.sh exited with ${run.status}`).trim().split('\n')[0]!;
  const counted = Number(summary[1]);
  if (counted !== readdirSync(maildir).length) return `Sisimai read ${counted} messages, not the corpus's ${readdirSync(maildir).length}`;
  return Number(summary[2]);
}

/** The hostile messages of issue #5: the Problems panel's analysis of each, median of 3, and what it found. */
export async function hostileBounceRows(): Promise<Row[]> {
  const bob = /^bob@example\.net: 5\.1\.1 /;
  const cases: [string, () => string, RegExp][] = [
    ['a 20 MB base64 attachment', hostile.twentyMegabyteAttachment, bob],
    ['10,000 MIME parts', hostile.tenThousandParts, /names no recipient/],
    ['multiparts nested 1,000 deep', hostile.multipartsThousandDeep, /nested deeper than/],
    ['message/rfc822 nested 1,000 deep', hostile.messagesThousandDeep, /nested deeper than/],
    ['a missing closing boundary', hostile.missingClosingBoundary, bob],
    ['a header line of 1 MB', hostile.megabyteHeaderLine, bob],
    ['a Subject of 60,000 encoded words', hostile.encodedWordSubject, bob],
    ['invalid base64', hostile.invalidBase64, /names no recipient/],
  ];
  const service = getLanguageService();
  const rows: Row[] = [];
  for (const [name, build, expected] of cases) {
    const text = build();
    const times: number[] = [];
    let found = false;
    for (let run = 0; run < 3; run++) {
      // A new document each run, so nothing comes from the per-version cache.
      const document = TextDocument.create('file:///bench/hostile.eml', 'email', run, text);
      const started = performance.now();
      const diagnostics = await service.doValidation(document);
      times.push(performance.now() - started);
      found = diagnostics.some((d) => expected.test(typeof d.message === 'string' ? d.message : d.message.value));
    }
    const median = times.sort((a, b) => a - b)[1]!;
    rows.push([`hostile bounce: ${name} (${found ? 'expected problem reported' : 'expected problem MISSING'})`, ms(median), '<= 2000 ms', found && median <= 2000]);
  }
  return rows;
}

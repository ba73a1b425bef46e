// npm run bench: speed figures printed side by side with their targets, in one run.
// Machines here are noisy, so these are measured here and never asserted in unit tests.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { allEntries } from '../server/src/knowledge/knowledgeBase';
import { explainReply } from '../server/src/analysis/replyExplanation';
import { renderPlainText } from '../server/src/modes/shared/renderPlainText';
import { defaultSettings, getLanguageService } from '../server/src/languageService';
import { grammarRows, hostileRows, lspRows, scalingRows } from './benchLogs';
import { bounceRows, hostileBounceRows } from './benchBounces';
import { sweepRows } from './benchSweep';
import { bigDocumentRows } from './benchBigDocs';
import { cliRows } from './benchCli';
import { mailLogRows } from './benchMailLogs';
import { reportRows } from './benchReport';
import { messageTraceRows } from './benchMessageTraces';

const shared = process.env.MAILFLOW_SHARED ?? resolve('..', 'shared');
const benchDir = resolve('.bench');
const logFile = join(benchDir, 'MSGTRK-10MB.LOG');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function ensureLog(): string {
  if (!existsSync(logFile)) {
    mkdirSync(benchDir, { recursive: true });
    execFileSync(process.execPath, [join(shared, 'tools', 'gen-tracking-log.mjs'), logFile, '10']);
  }
  return readFileSync(logFile, 'utf8');
}

type Row = [string, string, string, boolean | undefined];

async function hoverAndValidationRows(text: string): Promise<Row[]> {
  const rows: Row[] = [];
  const service = getLanguageService();
  const document = TextDocument.create('file:///bench/MSGTRK-10MB.LOG', 'exchange-tracking-log', 1, text);
  document.positionAt(text.length); // line offsets are built once per document version, not per hover

  // Hover on every code-bearing position of a sample of lines, plus random positions.
  const lines = text.split('\n');
  const positions: { line: number; character: number }[] = [];
  for (let line = 5; line < lines.length; line += 11) {
    const at = lines[line]!.search(/\d{3} \d\.\d/);
    positions.push({ line, character: at >= 0 ? at + 5 : Math.floor(lines[line]!.length / 2) });
  }
  for (let i = 0; i < 200; i++) service.doHover(document, positions[i % positions.length]!); // warm-up
  const times: number[] = [];
  let hits = 0;
  for (const position of positions) {
    const t = performance.now();
    if (service.doHover(document, position)) hits++;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const p99 = percentile(times, 99);
  rows.push([`hover p50 (${positions.length} hovers, ${hits} on codes)`, `${percentile(times, 50).toFixed(3)} ms`, '', undefined]);
  rows.push(['hover p99', `${p99.toFixed(3)} ms`, '<= 2 ms', p99 <= 2]);

  const tValidate = performance.now();
  const diagnostics = await service.doValidation(document, { ...defaultSettings, hover: { detail: 'full' }, diagnostics: { enable: true, maxProblems: 1_000_000 } });
  rows.push([`validate 10 MB tracking log (${diagnostics.length} problems)`, `${(performance.now() - tValidate).toFixed(0)} ms`, '', undefined]);

  const codes: { basic?: string; enhanced?: string; transport?: string }[] = [
    ...allEntries.basicReplyCodes.map((e) => ({ basic: e.code })),
    ...allEntries.enhancedDetails.flatMap((e) => ['2', '4', '5'].map((c) => ({ enhanced: e.code.replace('X', c) }))),
    ...[...allEntries.exchangeServerCodes, ...allEntries.exchangeOnlineCodes].map((e) => ({ enhanced: e.code.split('-')[0] })),
    ...allEntries.transportStatusStrings.map((e) => ({ transport: e.name })),
  ];
  const tExplain = performance.now();
  let chars = 0;
  for (const parts of codes) chars += renderPlainText(explainReply(parts)!).length;
  rows.push([`explain every code in the knowledge base (${codes.length} codes, ${(chars / 1024).toFixed(0)} KiB of text)`, `${(performance.now() - tExplain).toFixed(1)} ms`, '', undefined]);
  return rows;
}

/**
 * The bench's groups, in the order they run. `npm run bench -- --only logs,bounces` runs some;
 * a full run (no --only) is the one whose figures go into the README.
 */
const groups: { name: string; rows: (text: string) => Promise<Row[]> }[] = [
  { name: 'hover', rows: hoverAndValidationRows },
  // Exchange logs: grammar speed, LSP end to end against csv-parse, hover and memory, scaling, hostile input.
  { name: 'logs', rows: async (text) => [...await grammarRows(text), ...await lspRows(text), ...await scalingRows(text, shared, benchDir), ...await hostileRows(text)] },
  // Bounces: the analysis engine over the real corpus, then hostile messages.
  { name: 'bounces', rows: async () => [...await bounceRows(shared, benchDir), ...await hostileBounceRows()] },
  // Issue #10: every hostile payload family at 25k to 200k characters, doubling at most x2.5 the time.
  { name: 'sweep', rows: () => sweepRows() },
  { name: 'bigdocs', rows: () => bigDocumentRows(shared, benchDir) },
  // Issue #16: the command line on a 100 MB log against DuckDB, its memory, the README's DuckDB query.
  { name: 'cli', rows: () => cliRows(shared, benchDir) },
  // Issue #13: the production Postfix log (grammar, LSP against the tracking log per MB, hover, memory), 10 vs 50 MB generated;
  // issue #15: report against check on the same log.
  { name: 'maillogs', rows: async (text) => [...await mailLogRows(text, shared, benchDir), ...await reportRows(shared, benchDir)] },
  // Issue #14: a generated 50 MB UTF-16LE extended trace report over LSP against the tracking log per MB, hover, memory.
  { name: 'traces', rows: (text) => messageTraceRows(text, benchDir) },
];

function chosenGroups(argv: readonly string[]): Set<string> | undefined {
  const at = argv.indexOf('--only');
  if (at < 0) return undefined;
  const names = new Set((argv[at + 1] ?? '').split(',').filter(Boolean));
  const unknown = [...names].filter((name) => !groups.some((g) => g.name === name));
  if (!names.size || unknown.length) throw new Error(`--only takes some of: ${groups.map((g) => g.name).join(', ')}`);
  return names;
}

async function main(): Promise<void> {
  const only = chosenGroups(process.argv.slice(2));
  const text = ensureLog();
  const rows: Row[] = [];
  for (const group of groups) {
    if (!only || only.has(group.name)) rows.push(...await group.rows(text));
  }

  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`${'measure'.padEnd(width)}  ${'result'.padStart(12)}  ${'target'.padEnd(10)}  verdict`);
  for (const [name, value, target, ok] of rows) {
    console.log(`${name.padEnd(width)}  ${value.padStart(12)}  ${target.padEnd(10)}  ${ok === undefined ? '' : ok ? 'ok' : 'MISSED'}`);
  }
  const missed = rows.filter((r) => r[3] === false).length;
  console.log(missed === 0 ? 'bench: every target met' : `bench: ${missed} target${missed === 1 ? '' : 's'} MISSED`);
  // A missed target fails the run, so a script or CI job can act on it.
  if (missed > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

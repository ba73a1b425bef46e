// Benchmark rows for the command line (issue #16), run by scripts/bench.ts as group "cli": the
// generated 100 MB tracking log checked with --format ndjson (every problem written out) against
// DuckDB selecting the same failure rows with read_csv, in the same run, alternating; the peak
// memory of that run and of a directory of 100 logs; and the README's DuckDB query over our ndjson.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';

type BenchRow = [measure: string, result: string, target: string, ok: boolean | undefined];

const CLI = resolve('dist', 'cli.js');
const ROUNDS = 5;
const EVENTS = ['FAIL', 'DEFER', 'DSN', 'POISONMESSAGE', 'BADMAIL'];

interface ChildRun {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakMb: number;
  readonly lines: number;
}

/**
 * Writes the child's peak resident memory and CPU time (all threads) to a file when it exits. The
 * peak is /proc's VmHWM: getrusage's maxRSS starts a spawned child at its parent's size on Linux.
 */
export function resourceHook(benchDir: string): string {
  const hook = join(benchDir, 'resource-hook.cjs');
  writeFileSync(hook, `process.on('exit', () => {
  const fs = require('node:fs');
  const usage = process.resourceUsage();
  let peakKb = usage.maxRSS;
  try { peakKb = Number(/VmHWM:\\s*(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]); } catch {}
  fs.writeFileSync(process.env.MAILFLOW_BENCH_USAGE, JSON.stringify({ maxRssKb: peakKb, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
});\n`);
  return hook;
}

/** Runs the command line; counts the lines it writes, holding none of them. */
export function runCli(args: readonly string[], hook: string, benchDir: string): Promise<ChildRun> {
  const usageFile = join(benchDir, 'cli-usage.json');
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--require', hook, CLI, ...args], { env: { ...process.env, MAILFLOW_BENCH_USAGE: usageFile }, stdio: ['ignore', 'pipe', 'inherit'] });
    let lines = 0;
    child.stdout.on('data', (chunk: Buffer) => { for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines++; });
    child.on('error', fail);
    child.on('close', () => {
      const wallMs = performance.now() - started;
      const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssKb: number; cpuMs: number };
      done({ wallMs, cpuMs: usage.cpuMs, peakMb: usage.maxRssKb / 1024, lines });
    });
  });
}

function fieldNames(logFile: string): string[] {
  const head = readFileSync(logFile, 'latin1').slice(0, 8192);
  const fields = head.split(/\r?\n/).find((line) => line.startsWith('#Fields:'));
  if (!fields) throw new Error(`${logFile} has no #Fields line`);
  return fields.slice('#Fields:'.length).trim().split(',');
}

const sqlString = (value: string): string => `'${value.replaceAll("'", "''")}'`;

export async function cliRows(shared: string, benchDir: string): Promise<BenchRow[]> {
  mkdirSync(benchDir, { recursive: true });
  const logFile = join(benchDir, 'MSGTRK-100MB.LOG');
  if (!existsSync(logFile)) execFileSync(process.execPath, [join(shared, 'tools', 'gen-tracking-log.mjs'), logFile, '100']);
  const hook = resourceHook(benchDir);
  const names = fieldNames(logFile);
  const headerLines = readFileSync(logFile, 'latin1').slice(0, 8192).split('\n').findIndex((line) => !line.startsWith('#'));

  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  const selectFailures = `SELECT * FROM read_csv(${sqlString(logFile)}, skip=${headerLines}, header=false, all_varchar=true, delim=',', quote='"', escape='"',
    names=[${names.map(sqlString).join(',')}]) WHERE "event-id" IN (${EVENTS.map(sqlString).join(',')})`;
  const duckRun = async (): Promise<{ wallMs: number; cpuMs: number; rows: number }> => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = await duck.runAndReadAll(selectFailures);
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    return { wallMs, cpuMs: (used.user + used.system) / 1000, rows: result.currentRowCount };
  };

  // Alternating, so both see the same load on this shared machine; the median of each.
  const ours: ChildRun[] = [];
  const theirs: { wallMs: number; cpuMs: number; rows: number }[] = [];
  await duckRun(); // warm-up: the extension load and the file in the page cache
  for (let round = 0; round < ROUNDS; round++) {
    ours.push(await runCli(['check', '--format', 'ndjson', logFile], hook, benchDir));
    theirs.push(await duckRun());
  }
  const median = <T>(runs: T[], key: (run: T) => number): number => runs.map(key).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  const oursWall = median(ours, (r) => r.wallMs);
  const duckWall = median(theirs, (r) => r.wallMs);
  const ratio = oursWall / duckWall;
  const peak = Math.max(...ours.map((r) => r.peakMb));

  const rows: BenchRow[] = [
    [`check --format ndjson, 100 MB tracking log (${ours[0]!.lines} problems written), median of ${ROUNDS}`,
      `${(oursWall / 1000).toFixed(2)} s`, '', undefined],
    ['  its CPU time (all threads)', `${(median(ours, (r) => r.cpuMs) / 1000).toFixed(2)} s`, '', undefined],
    [`DuckDB read_csv, the ${EVENTS.join('/')} rows (${theirs[0]!.rows} rows), median of ${ROUNDS}`, `${(duckWall / 1000).toFixed(2)} s`, '', undefined],
    ['  its CPU time (all threads)', `${(median(theirs, (r) => r.cpuMs) / 1000).toFixed(2)} s`, '', undefined],
    ['  check vs DuckDB, wall time', `${ratio.toFixed(2)}x`, '<= 2x', ratio <= 2],
    ['  check vs DuckDB, CPU time', `${(median(ours, (r) => r.cpuMs) / median(theirs, (r) => r.cpuMs)).toFixed(2)}x`, '', undefined],
    ['  check, peak resident memory', `${peak.toFixed(0)} MB`, '<= 200 MB', peak <= 200],
  ];
  rows.push(...await directoryRow(shared, benchDir, hook));
  rows.push(...await duckDbQueryRow(duck, logFile, benchDir));
  duck.closeSync();
  return rows;
}

/** A directory of 100 logs, checked on the default worker threads: memory stays bounded too. */
async function directoryRow(shared: string, benchDir: string, hook: string): Promise<BenchRow[]> {
  const dir = join(benchDir, 'logs-100');
  const one = join(benchDir, 'MSGTRK-1MB.LOG');
  if (!existsSync(one)) execFileSync(process.execPath, [join(shared, 'tools', 'gen-tracking-log.mjs'), one, '1']);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  for (let i = 0; i < 100; i++) copyFileSync(one, join(dir, `MSGTRK20261123-${i + 1}.LOG`));
  const run = await runCli(['check', '--format', 'ndjson', dir], hook, benchDir);
  rmSync(dir, { recursive: true, force: true });
  return [
    [`check --format ndjson, a directory of 100 1 MB logs (${run.lines} problems)`, `${(run.wallMs / 1000).toFixed(2)} s`, '', undefined],
    ['  its peak resident memory', `${run.peakMb.toFixed(0)} MB`, '<= 200 MB', run.peakMb <= 200],
  ];
}

/** The README's worked query: which enhanced codes failed how many recipients, from our ndjson. */
export const README_QUERY = `SELECT deliverystatus, count(*) AS recipients, count(DISTINCT recipient) AS addresses, any_value(message) AS example
FROM read_json('problems.ndjson', format = 'newline_delimited')
WHERE severity = 'error' AND recipient IS NOT NULL
GROUP BY deliverystatus
ORDER BY recipients DESC`;

async function duckDbQueryRow(duck: Awaited<ReturnType<DuckDBInstance['connect']>>, logFile: string, benchDir: string): Promise<BenchRow[]> {
  const ndjson = join(benchDir, 'problems.ndjson');
  const small = join(benchDir, 'MSGTRK-1MB.LOG');
  // The query's file name is the README's; the bench writes that file first.
  // It exits 1 (the log has errors), so its output is taken whatever the status.
  const output = spawnSync(process.execPath, [CLI, 'check', '--format', 'ndjson', existsSync(small) ? small : logFile], { maxBuffer: 1 << 30, encoding: 'utf8' }).stdout;
  writeFileSync(ndjson, output);
  const expected = new Map<string, number>();
  for (const line of output.split('\n')) {
    if (!line) continue;
    const record = JSON.parse(line) as { severity: string; recipient?: string; deliverystatus?: string };
    if (record.severity === 'error' && record.recipient) expected.set(String(record.deliverystatus ?? null), (expected.get(String(record.deliverystatus ?? null)) ?? 0) + 1);
  }
  const result = await duck.runAndReadAll(README_QUERY.replace("'problems.ndjson'", sqlString(ndjson)));
  const got = new Map(result.getRowObjects().map((row) => [String(row['deliverystatus'] ?? null), Number(row['recipients'])]));
  const same = got.size === expected.size && [...expected].every(([status, count]) => got.get(status) === count);
  return [[`README DuckDB query over ndjson (${got.size} codes, ${[...got.values()].reduce((a, b) => a + b, 0)} failed recipients)`,
    same ? 'same counts' : 'differs', 'as computed', same && got.size > 0]];
}

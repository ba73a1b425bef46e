// Benchmark rows for the mail flow report (#15), run by scripts/bench.ts in the group "maillogs":
// `mailflow-lens report` against `check` on the 95,000-line production Postfix log and on the 10 MB
// generated tracking log, the two alternated in the same run, CPU time of the whole process (the machine is shared: wall time is
// shown, CPU time decides).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { resourceHook, runCli } from './benchCli';
import { type BenchRow, median } from './benchLogs';

const PRODUCTION_LOG = join('corpus', 'unix-mail-logs', 'postfix-deliverability-analytics', 'real-mail.log.2.gz');
const ROUNDS = 5;

export async function reportRows(shared: string, benchDir: string): Promise<BenchRow[]> {
  mkdirSync(benchDir, { recursive: true });
  return [
    ...await reportAgainstCheck(join(shared, PRODUCTION_LOG), 'production Postfix log (95,000 lines)', benchDir),
    ...await reportAgainstCheck(join(benchDir, 'MSGTRK-10MB.LOG'), '10 MB tracking log', benchDir),
  ];
}

async function reportAgainstCheck(log: string, name: string, benchDir: string): Promise<BenchRow[]> {
  const hook = resourceHook(benchDir);
  const check: { cpuMs: number; wallMs: number }[] = [];
  const report: { cpuMs: number; wallMs: number }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    check.push(await runCli(['check', '--format', 'json', log], hook, benchDir));
    report.push(await runCli(['report', '--format', 'json', log], hook, benchDir));
  }
  const ratio = median(report.map((r) => r.cpuMs)) / median(check.map((r) => r.cpuMs));
  return [
    [`report --format json, ${name}, median of ${ROUNDS}`, `${(median(report.map((r) => r.wallMs)) / 1000).toFixed(2)} s`, '', undefined],
    ['  report vs check, CPU time', `${ratio.toFixed(2)}x`, '<= 2x', ratio <= 2],
    ['  report vs check, wall time', `${(median(report.map((r) => r.wallMs)) / median(check.map((r) => r.wallMs))).toFixed(2)}x`, '', undefined],
  ];
}

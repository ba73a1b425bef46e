// npm test's runner after the typecheck and build: each layer through node's test runner (the spec
// report on the terminal, a TAP copy counted), then one line per layer and a total.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const files = (dir, suffix, keep = () => true) => readdirSync(dir).filter((f) => f.endsWith(suffix) && keep(f)).sort().map((f) => join(dir, f));
const CLI_TESTS = 'cli.test.mjs';
// Timed, so it runs alone: no other test file shares the cores with it.
const SWEEP_TESTS = 'superlinearity.test.ts';
const layers = [
  { name: 'unit', args: ['--import', 'tsx', '--test', ...files('test/unit', '.test.ts', (f) => f !== SWEEP_TESTS)] },
  { name: 'linear time', args: ['--import', 'tsx', '--test', join('test/unit', SWEEP_TESTS)] },
  { name: 'language server', args: ['--test', ...files('test/lsp', '.test.mjs', (f) => f !== CLI_TESTS)] },
  { name: 'command line', args: ['--test', join('test/lsp', CLI_TESTS)] },
];

const scratch = mkdtempSync(join(tmpdir(), 'mailflow-tests-'));
const results = [];
for (const [index, layer] of layers.entries()) {
  const tap = join(scratch, `${index}.tap`);
  console.log(`\n── ${layer.name} tests ──`);
  const run = spawnSync(process.execPath, [
    '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...layer.args,
  ], { stdio: 'inherit' });
  const report = readFileSync(tap, 'utf8');
  // The run's own totals are the last of these lines (subtests print none of their own at column 0).
  const total = (key) => Number([...report.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))].at(-1)?.[1] ?? 0);
  const reported = total('fail') + total('cancelled');
  // A runner that exits non-zero without a failing test (a crash, a file that does not load) still fails.
  const failed = run.status !== 0 && reported === 0 ? 1 : reported;
  results.push({ name: layer.name, passed: total('pass'), failed, skipped: total('skipped') + total('todo') });
}
rmSync(scratch, { recursive: true, force: true });

console.log('');
const line = (label, r) => `${label}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`;
for (const r of results) console.log(line(r.name.replace(' ', '-'), r));
const sum = (key) => results.reduce((n, r) => n + r[key], 0);
console.log(line('total', { passed: sum('passed'), failed: sum('failed'), skipped: sum('skipped') }));
process.exitCode = sum('failed') > 0 ? 1 : 0;

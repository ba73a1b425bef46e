// Benchmark rows for Postfix, Exim and Sendmail logs (issue #13), run by scripts/bench.ts as the group
// "maillogs": on the 95,000-line production Postfix log of ../shared/corpus/unix-mail-logs, the
// mail-log grammar against VS Code's Log grammar, didOpen-to-diagnostics over LSP stdio against the
// tracking log's time per MB measured in the same run, hovers on queue ids, replies and delays=, the
// server's memory; then linear time on a generated 10 MB and 50 MB Postfix log.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings, getLanguageService, type LanguageSettings } from '../server/src/languageService';
import { type BenchRow, median, ms, openOnceRows, quantile, tokenize } from './benchLogs';
import { LspSession } from './benchServer';

const MB = 1024 * 1024;
const PRODUCTION_LOG = join('corpus', 'unix-mail-logs', 'postfix-deliverability-analytics', 'real-mail.log.2.gz');

/** The production log, decompressed once. */
function productionLog(shared: string): string {
  return gunzipSync(readFileSync(join(shared, PRODUCTION_LOG))).toString('utf8');
}

/** A generated Postfix log of `size` MB in .bench/, written once (scripts/gen-mail-log.mjs is deterministic). */
export function generatedMailLog(benchDir: string, size: number): string {
  const file = join(benchDir, `mail-${size}MB.log`);
  if (!existsSync(file)) {
    mkdirSync(benchDir, { recursive: true });
    execFileSync(process.execPath, [join('scripts', 'gen-mail-log.mjs'), file, String(size)]);
  }
  return readFileSync(file, 'utf8');
}

let trackingReference: Promise<{ perMb: number; ms: number }> | undefined;

/**
 * The tracking log's didOpen-to-diagnostics time per MB over LSP stdio (median of 3, its own server),
 * measured once per bench run: the mail-log and message-trace rows are compared with it.
 */
export function trackingPerMb(trackingText: string): Promise<{ perMb: number; ms: number }> {
  return trackingReference ??= (async () => {
    const session = new LspSession();
    await session.start();
    await session.openAndWait('file:///bench/reference-warm-up.LOG', readFileSync(join('test', 'e2e', 'fixtures', 'MSGTRK20261123-1.LOG'), 'utf8'));
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const uri = `file:///bench/reference-${i}.LOG`;
      times.push((await session.openAndWait(uri, trackingText)).ms);
      session.close(uri);
    }
    await session.stop();
    const elapsed = median(times);
    return { ms: elapsed, perMb: elapsed / (trackingText.length / MB) };
  })();
}

/** Hover positions on the lines that carry a trail: the queue id, a reply code, delays=, dsn= and status=. */
function hoverPositions(lines: readonly string[]): { line: number; character: number }[] {
  const positions: { line: number; character: number }[] = [];
  for (let line = 0; line < lines.length && positions.length < 3000; line += 13) {
    const text = lines[line]!;
    const queueId = /\]: ([0-9A-Za-z]{5,30}): /.exec(text);
    if (queueId) positions.push({ line, character: queueId.index + 4 });
    for (const needle of [/said: [245]\d\d /, /delays=/, /dsn=/, /status=/]) {
      const at = text.search(needle);
      if (at >= 0) positions.push({ line, character: at + (needle.source.startsWith('said') ? 7 : 2) });
    }
  }
  return positions;
}

async function grammarRows(text: string): Promise<BenchRow[]> {
  const lines = text.split('\n');
  const size = text.length / MB;
  const ours = await tokenize('source.mail-log', lines);
  const builtIn = await tokenize('text.log', lines);
  const ratio = builtIn.seconds / ours.seconds;
  const p999 = quantile(ours.perLine, 0.999);
  return [
    [`tokenize the production Postfix log: mail-log grammar (${lines.length} lines, ${size.toFixed(1)} MB)`, `${(size / ours.seconds).toFixed(1)} MB/s`, '', undefined],
    ['tokenize the production Postfix log: VS Code Log grammar (tm-grammars log.json)', `${(size / builtIn.seconds).toFixed(2)} MB/s`, '', undefined],
    ['  mail-log grammar vs the Log grammar', `${ratio.toFixed(1)}x`, '>= 10x', ratio >= 10],
    ['  mail-log grammar, time per line p99.9 (max)', `${p999.toFixed(3)} ms (${Math.max(...ours.perLine).toFixed(1)})`, '<= 1 ms', p999 <= 1],
  ];
}

async function lspRows(text: string, trackingText: string): Promise<BenchRow[]> {
  const size = text.length / MB;
  const reference = await trackingPerMb(trackingText);
  const session = new LspSession();
  await session.start();
  await session.openAndWait('file:///bench/warm-up/mail.log', text.slice(0, text.indexOf('\n', 64 * 1024) + 1), 'mail-log');
  const opens: { ms: number; count: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const uri = `file:///bench/open-${i}/mail.log`;
    opens.push(await session.openAndWait(uri, text, 'mail-log'));
    session.close(uri);
  }
  const elapsed = median(opens.map((o) => o.ms));
  const perMb = elapsed / size;
  const rows: BenchRow[] = [
    [`tracking log (reference): didOpen to publishDiagnostics over LSP, ${(trackingText.length / MB).toFixed(0)} MB (median of 3)`, `${ms(reference.ms)} (${ms(reference.perMb)}/MB)`, '', undefined],
    [`production Postfix log: didOpen to publishDiagnostics over LSP, ${size.toFixed(1)} MB (${opens[0]!.count} problems, median of 3)`, ms(elapsed), '', undefined],
    ['  time per MB, Postfix log vs the tracking log', `${ms(perMb)}/MB`, `<= ${ms(reference.perMb)}/MB`, perMb <= reference.perMb],
  ];

  await session.stop();
  const bytes = Buffer.byteLength(text) / MB;
  rows.push(...await openOnceRows({ uri: 'file:///bench/hover/mail.log', text, languageId: 'mail-log', megabytes: bytes }, hoverPositions(text.split('\n')),
    'on queue ids, replies, delays=, dsn=, status= with the Postfix log open', `the ${bytes.toFixed(1)} MB Postfix log`));
  return rows;
}

/** doValidation on a generated 10 MB and 50 MB Postfix log: time per MB stays flat. */
async function scalingRows(benchDir: string): Promise<BenchRow[]> {
  const service = getLanguageService();
  const settings: LanguageSettings = { ...defaultSettings, diagnostics: { enable: true, maxProblems: 1000 } };
  const time = async (text: string, name: string): Promise<number> => {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const document = TextDocument.create(`file:///bench/${name}-${i}/mail.log`, 'mail-log', 1, text);
      const t = performance.now();
      await service.doValidation(document, settings);
      runs.push(performance.now() - t);
    }
    return median(runs);
  };
  const text10 = generatedMailLog(benchDir, 10);
  const t10 = await time(text10, 'mail10');
  const text50 = generatedMailLog(benchDir, 50);
  const t50 = await time(text50, 'mail50');
  const growth = (t50 / (text50.length / MB)) / (t10 / (text10.length / MB));
  return [
    [`doValidation on a generated Postfix log: 10 MB / 50 MB (scripts/gen-mail-log.mjs)`, `${ms(t10)} / ${ms(t50)}`, '', undefined],
    ['  time per MB, 50 MB vs 10 MB (linear = 1.0)', `${growth.toFixed(2)}x`, '<= 1.5x', growth <= 1.5],
  ];
}

export async function mailLogRows(trackingText: string, shared: string, benchDir: string): Promise<BenchRow[]> {
  const production = productionLog(shared);
  return [...await grammarRows(production), ...await lspRows(production, trackingText), ...await scalingRows(benchDir)];
}

// Benchmark rows for the mail flow report's records of Exchange logs (issue #15), run by
// scripts/bench.ts as the group "flowrecords": on the generated 10 MB tracking log, the CPU time of
// reading the records (parse + mailFlow) against validating it (parse + problems), each on a fresh
// document, alternated so the machine's load falls on both alike.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings, getLanguageService } from '../server/src/languageService';
import { getLanguageModes } from '../server/src/modes/languageModes';
import { type BenchRow, median } from './benchLogs';

const ROUNDS = 5;

function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

export async function flowRecordRows(trackingText: string): Promise<BenchRow[]> {
  const service = getLanguageService();
  const modes = getLanguageModes({ yieldControl: () => new Promise((resolve) => setImmediate(resolve)) });
  const settings = { ...defaultSettings, diagnostics: { ...defaultSettings.diagnostics, maxProblems: 1_000_000 } };
  const validate: number[] = [];
  const records: number[] = [];
  let recipients = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const checked = TextDocument.create(`file:///bench/flow-check-${round}.LOG`, 'exchange-tracking-log', 1, trackingText);
    let start = cpuMs();
    await service.doValidation(checked, settings);
    validate.push(cpuMs() - start);
    const read = TextDocument.create(`file:///bench/flow-records-${round}.LOG`, 'exchange-tracking-log', 1, trackingText);
    start = cpuMs();
    recipients = (await modes.modeFor(read).mailFlow!(read, settings)).recipients.length;
    records.push(cpuMs() - start);
  }
  const ratio = median(records) / median(validate);
  return [
    [`flow records of the 10 MB tracking log (${recipients} recipients), CPU median of ${ROUNDS}`, `${median(records).toFixed(0)} ms`, '', undefined],
    ['flow records / validation of the same log (CPU)', `${ratio.toFixed(2)}x`, '<= 2x', ratio <= 2],
  ];
}

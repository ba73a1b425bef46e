// Benchmark rows for Exchange Online message traces (issue #14), run by scripts/bench.ts as the group
// "traces": a generated 50 MB extended report (UTF-16LE with a byte order mark, CRLF: synthetic, from
// scripts/gen-message-trace.mjs), decoded as an editor decodes it and sent over LSP stdio; its
// didOpen-to-diagnostics time per MB against the tracking log's in the same run, hovers, memory.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type BenchRow, median, ms, openOnceRows } from './benchLogs';
import { trackingPerMb } from './benchMailLogs';
import { performance } from 'node:perf_hooks';
import { LspSession } from './benchServer';
import { unescapeMarkdown } from '../test/support/markdownText.mjs';

const MB = 1024 * 1024;
const SIZE_MB = 50;

/** The generated report's bytes, written once (the generator is deterministic). */
function generatedReport(benchDir: string): { file: string; bytes: Uint8Array } {
  const file = join(benchDir, `message-trace-${SIZE_MB}MB.csv`);
  if (!existsSync(file)) {
    mkdirSync(benchDir, { recursive: true });
    execFileSync(process.execPath, [join('scripts', 'gen-message-trace.mjs'), file, String(SIZE_MB)]);
  }
  return { file, bytes: readFileSync(file) };
}

/** Positions on what a reader hovers: column names, event ids, Recipient_status events, custom_data keys, ids. */
function hoverPositions(lines: readonly string[]): { line: number; character: number }[] {
  const positions: { line: number; character: number }[] = [];
  for (const name of ['event_id', 'recipient_status', 'custom_data', 'network_message_id']) positions.push({ line: 0, character: lines[0]!.indexOf(name) + 2 });
  for (let line = 1; line < lines.length && positions.length < 3000; line += 17) {
    const text = lines[line]!;
    for (const needle of [/,(RECEIVE|AGENTINFO|DELIVER|SEND|DEFER|FAIL|EXPAND|DSN),/, /##Receive, /, /\|SCL=/, /S:SFA=/, /,<[0-9a-f]{12}\./, /,\d{3} [45]\.\d/]) {
      const at = text.search(needle);
      if (at >= 0) positions.push({ line, character: at + 3 });
    }
  }
  return positions;
}

const EDITS = 200;

/**
 * Typing in the subject of a row in the middle of the open report, one character per change as an
 * editor sends them, then a hover on the event of a row further down, whose offsets all moved: the
 * new version is read again only around the edit, so the hover does not wait for a whole parse.
 */
async function editRows(session: LspSession, text: string): Promise<BenchRow[]> {
  const uri = 'file:///bench/edits/trace.csv';
  await session.openAndWait(uri, text, 'exchange-message-trace');
  const lines = text.split('\n');
  // A row whose subject is not quoted: its end is just before the message ID.
  const middle = lines.findIndex((l, i) => i >= lines.length / 2 && /[^"],</.test(l));
  const subjectAt = { line: middle, character: lines[middle]!.search(/[^"],</) + 1 };
  const below = lines.findIndex((l, i) => i > middle + 500 && l.includes(',FAIL,'));
  const hoverAt = { line: below, character: lines[below]!.indexOf(',FAIL,') + 2 };
  let version = 1;
  const validated = session.diagnosticsOf(uri, 1 + EDITS);
  for (let i = 0; i < EDITS; i++) {
    const position = { line: subjectAt.line, character: subjectAt.character + i };
    void session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [{ range: { start: position, end: position }, text: 'abcdefghij'[i % 10] }],
    });
  }
  const t = performance.now();
  const hover = await session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: hoverAt }) as { contents: { value: string } } | null;
  const hoverMs = performance.now() - t;
  const right = unescapeMarkdown(hover?.contents.value ?? '').startsWith('**event_id**');
  const count = await validated;
  const memory = session.memory();
  session.close(uri);
  return [
    [`  ${EDITS} one-character edits in a subject of the trace report then a hover: hover answered in (${right ? 'on event_id' : 'WRONG ANSWER'}; ${count} problems after)`,
      ms(hoverMs), '<= 300 ms', right && hoverMs <= 300],
    [`  ${EDITS} edits, hover and the last version's diagnostics: peak resident (now ${memory.now.toFixed(0)} MB)`, `${memory.peak.toFixed(0)} MB`, '<= 500 MB', memory.peak <= 500],
  ];
}

export async function messageTraceRows(trackingText: string, benchDir: string): Promise<BenchRow[]> {
  const { file, bytes } = generatedReport(benchDir);
  // As an editor reads it: the byte order mark chooses UTF-16LE and is not part of the text.
  const text = new TextDecoder('utf-16le').decode(bytes);
  const textMb = text.length / MB;
  const fileMb = statSync(file).size / MB;
  const reference = await trackingPerMb(trackingText);
  const session = new LspSession();
  await session.start();
  await session.openAndWait('file:///bench/warm-up/trace.csv', text.slice(0, text.indexOf('\n', 64 * 1024) + 1), 'exchange-message-trace');
  const opens: { ms: number; count: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const uri = `file:///bench/open-${i}/trace.csv`;
    opens.push(await session.openAndWait(uri, text, 'exchange-message-trace'));
    session.close(uri);
  }
  const elapsed = median(opens.map((o) => o.ms));
  const perMb = elapsed / textMb;
  const rows: BenchRow[] = [
    [`extended trace report, ${fileMb.toFixed(0)} MB UTF-16LE (${textMb.toFixed(1)} MB of text): didOpen to publishDiagnostics over LSP (${opens[0]!.count} problems, median of 3)`,
      ms(elapsed), '', undefined],
    ['  time per MB of text, trace report vs the tracking log', `${ms(perMb)}/MB`, `<= ${ms(reference.perMb)}/MB`, perMb <= reference.perMb],
  ];

  rows.push(...await editRows(session, text));
  await session.stop();
  rows.push(...await openOnceRows({ uri: 'file:///bench/hover/trace.csv', text, languageId: 'exchange-message-trace', megabytes: fileMb },
    hoverPositions(text.split('\n')), 'with the trace report open', `the ${fileMb.toFixed(0)} MB trace report`));
  return rows;
}

// Benchmark rows for big documents, run by scripts/bench.ts: the built server over stdio with a
// 50 MB tracking log open, its outline's size, and 200 one-character edits followed by a hover.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings, getLanguageService } from '../server/src/languageService';
import type { BenchRow } from './benchLogs';
import { unescapeMarkdown } from '../test/support/markdownText.mjs';
import { LspSession } from './benchServer';


const EDITS = 200;
const MB = 1024 * 1024;

function ensureLog(shared: string, benchDir: string): string {
  const file = join(benchDir, 'MSGTRK-50MB.LOG');
  if (!existsSync(file)) {
    mkdirSync(benchDir, { recursive: true });
    execFileSync(process.execPath, [join(shared, 'tools', 'gen-tracking-log.mjs'), file, '50']);
  }
  return readFileSync(file, 'utf8');
}

/** Line and character of an offset. */
function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) { line++; lineStart = at + 1; }
  return { line, character: offset - lineStart };
}

export async function bigDocumentRows(shared: string, benchDir: string): Promise<BenchRow[]> {
  const text = ensureLog(shared, benchDir);
  const size = (text.length / MB).toFixed(0);
  const rows: BenchRow[] = [];
  const server = new LspSession();
  await server.start();
  const uri = 'file:///bench/big/MSGTRK-50MB.LOG';

  const { ms: openMs } = await server.openAndWait(uri, text);
  const afterOpen = server.memory();
  rows.push([`big document: ${size} MB tracking log open, diagnostics in ${openMs.toFixed(0)} ms: peak resident (now ${afterOpen.now.toFixed(0)} MB)`,
    `${afterOpen.peak.toFixed(0)} MB`, '<= 300 MB', afterOpen.peak <= 300]);

  const symbols = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as { name: string; children?: unknown[] }[];
  const symbolBytes = Buffer.byteLength(JSON.stringify(symbols));
  const last = symbols.at(-1)?.name ?? '';
  rows.push([`  document symbols of ${size} MB: response size (${symbols.length} entries; last "${last.slice(0, 40)}")`,
    `${(symbolBytes / MB).toFixed(2)} MB`, '<= 5 MB', symbolBytes <= 5 * MB]);

  // Typing in the subject of a row in the middle of the file, one character per change, as an editor sends them.
  const middle = text.indexOf('\n2026-', Math.floor(text.length / 2)) + 1;
  const subjectAt = positionAt(text, middle);
  const lineText = text.slice(middle, text.indexOf('\n', middle));
  const commas: number[] = [];
  for (let i = lineText.indexOf(','); i >= 0; i = lineText.indexOf(',', i + 1)) commas.push(i);
  let character = commas[17]! + 1; // message-subject is column 19
  let version = 1;
  const validated = server.diagnosticsOf(uri, 1 + EDITS);
  for (let i = 0; i < EDITS; i++) {
    const position = { line: subjectAt.line, character };
    void server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [{ range: { start: position, end: position }, text: 'abcdefghij'[i % 10] }],
    });
    character++;
  }
  // The hover is on the event ID of a row further down, whose offsets all moved.
  const below = text.indexOf(',FAIL,', middle + 200_000);
  const hoverAt = positionAt(text, below + 2);
  const tHover = performance.now();
  const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: hoverAt }) as { contents: { value: string } } | null;
  const hoverMs = performance.now() - tHover;
  const right = unescapeMarkdown(hover?.contents.value ?? '').startsWith('**event-id**');
  const afterEdits = server.memory();
  rows.push([`  ${EDITS} one-character edits then a hover: hover answered in (${right ? 'on event-id' : 'WRONG ANSWER'})`,
    `${hoverMs.toFixed(0)} ms`, '<= 300 ms', right && hoverMs <= 300]);
  await validated;
  const afterValidation = server.memory();
  rows.push([`  ${EDITS} edits, hover and the last version's diagnostics: peak resident (now ${afterValidation.now.toFixed(0)} MB)`,
    `${Math.max(afterEdits.peak, afterValidation.peak).toFixed(0)} MB`, '<= 500 MB', afterValidation.peak <= 500]);
  await server.stop();
  rows.push(...await separatorScalingRows());
  return rows;
}

/** A synthetic tracking log of failed deliveries whose fields hold no ';' (searches for one must stop at the field's end). */
function failuresWithoutSemicolons(count: number): string {
  const fields = 'date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,connector-id,source,event-id,internal-message-id,message-id,network-message-id,recipient-address,recipient-status,total-bytes,recipient-count,related-recipient-address,reference,message-subject,sender-address,return-path,message-info,directionality,tenant-id,original-client-ip,original-server-ip,custom-data,transport-traffic-type,log-id,schema-version';
  const rows = ['#Software: Microsoft Exchange Server', '#Log-type: Message Tracking Log', `#Fields: ${fields}`];
  for (let i = 0; i < count; i++) rows.push(`2026-11-23T10:00:00.000Z,,,,EX01,,,SMTP,FAIL,${i},<m${i}@synthetic.example>,,b${i}@synthetic.example,550 5.1.1 RESOLVER.ADR.RecipNotFound,100,1,,,s ${i},a@synthetic.example,,,,,,,,,,15.02.1544.004`);
  return rows.join('\n');
}

/** Validation time per row at 10,000 and 100,000 rows: best of three each, as the machine is shared. */
export async function separatorScalingRows(): Promise<BenchRow[]> {
  const service = getLanguageService();
  const perRow = async (count: number): Promise<number> => {
    const text = failuresWithoutSemicolons(count);
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const document = TextDocument.create(`file:///bench/semicolons-${count}-${i}.LOG`, 'exchange-tracking-log', 1, text);
      const t = performance.now();
      await service.doValidation(document, defaultSettings);
      best = Math.min(best, performance.now() - t);
    }
    return best / count;
  };
  const small = await perRow(10_000);
  const large = await perRow(100_000);
  const growth = large / small;
  return [['  validation time per row, 100,000 vs 10,000 failed rows without any ";" (linear = 1.0)', `${growth.toFixed(2)}x`, '<= 1.5x', growth <= 1.5]];
}

if (process.argv[1]?.endsWith('benchBigDocs.ts')) {
  const shared = process.env.MAILFLOW_SHARED ?? resolve('..', 'shared');
  void bigDocumentRows(shared, resolve('.bench')).then((rows) => {
    for (const [name, value, target, ok] of rows) console.log(`${name}  ${value}  ${target}  ${ok === undefined ? '' : ok ? 'ok' : 'MISSED'}`);
  });
}

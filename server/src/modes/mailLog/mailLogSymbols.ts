// The outline of a mail log, one entry per message (its id, sender, recipients and outcome) with its
// lines as children, and folding per message.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type DocumentSymbol, type FoldingRange, SymbolKind } from 'vscode-languageserver-types';
import type { CancellationToken } from '../../common/cancellation';
import { type MessageTrail, outcomeCounts } from '../../analysis/mailLog/messageTrail';
import { mailLogIndexOf, trailLines } from './mailLogIndex';
import { LINE_END } from '../shared/lineEnd';

/** As the Exchange logs: a big log lists at most this many messages and lines per message. */
export const MAX_SYMBOLS = 5000;
export const MAX_CHILDREN = 50;
const LINE_NAME = 100;

export function findMailLogSymbols(document: TextDocument, token?: CancellationToken): DocumentSymbol[] {
  const index = mailLogIndexOf(document);
  const symbols: DocumentSymbol[] = [];
  for (let t = 0; t < index.trails.length; t++) {
    const trail = index.trails[t]!;
    if (token?.isCancellationRequested) return [];
    if (symbols.length >= MAX_SYMBOLS) {
      const more = index.trails.length - MAX_SYMBOLS;
      symbols.push({ name: `${more} more messages`, detail: `the outline lists the first ${MAX_SYMBOLS}`, kind: SymbolKind.Null, range: lineRange(trail.firstLine), selectionRange: lineRange(trail.firstLine) });
      break;
    }
    symbols.push(trailSymbol(document, trail, trailLines(index, t, MAX_CHILDREN + 1)));
  }
  return symbols;
}

/** `lines`: the trail's first lines, one more than the outline lists. */
function trailSymbol(document: TextDocument, trail: MessageTrail, lines: readonly number[]): DocumentSymbol {
  const children: DocumentSymbol[] = lines.slice(0, MAX_CHILDREN).map((line) => {
    const text = trimLineEnd(document.getText({ start: { line, character: 0 }, end: { line, character: 400 } }));
    const afterId = text.indexOf(trail.id);
    const name = (afterId >= 0 ? text.slice(afterId + trail.id.length).replace(/^[: ]+/, '') : text).slice(0, LINE_NAME) || '(empty)';
    return { name, kind: SymbolKind.Event, range: lineRange(line), selectionRange: lineRange(line) };
  });
  const hidden = trail.lineCount - children.length;
  if (hidden > 0) {
    const line = lines[MAX_CHILDREN] ?? trail.lastLine;
    children.push({ name: `${hidden} more lines`, kind: SymbolKind.Null, range: lineRange(line), selectionRange: lineRange(line) });
  }
  const range = { start: { line: trail.firstLine, character: 0 }, end: { line: trail.lastLine, character: LINE_END } };
  return { name: trail.id, detail: trailDetail(trail), kind: SymbolKind.Object, range, selectionRange: lineRange(trail.firstLine), children };
}

/** "from alice@example.com to 3 recipients: 2 delivered, 1 bounced". */
export function trailDetail(trail: MessageTrail): string {
  const from = trail.sender === undefined ? 'sender not in the log' : `from ${trail.sender || '<>'}`;
  const recipients = trail.recipients.length === 1 ? `to ${trail.recipients[0]!.address}` : `to ${trail.recipients.length} recipients`;
  const counts = Object.entries(outcomeCounts(trail)).filter(([, n]) => n > 0).map(([kind, n]) => (trail.recipients.length === 1 ? kind : `${n} ${kind}`));
  const outcome = counts.length ? `: ${counts.join(', ')}` : trail.recipients.length === 0 ? ': no delivery in the log' : '';
  return `${from} ${trail.recipients.length ? recipients : ''}${outcome}`.replace(/\s+/g, ' ').trim();
}

/** One fold per message, from its first to its last line; folds that would cross another are left out. */
export function getMailLogFoldingRanges(document: TextDocument, token?: CancellationToken): FoldingRange[] {
  const index = mailLogIndexOf(document);
  const ranges: FoldingRange[] = [];
  const open: number[] = []; // ends of the folds that enclose the current position
  const candidates = index.trails.filter((t) => t.lastLine > t.firstLine).sort((a, b) => a.firstLine - b.firstLine || b.lastLine - a.lastLine);
  for (const trail of candidates) {
    if (token?.isCancellationRequested) return [];
    while (open.length && open[open.length - 1]! < trail.firstLine) open.pop();
    if (open.length && open[open.length - 1]! < trail.lastLine) continue;
    ranges.push({ startLine: trail.firstLine, endLine: trail.lastLine });
    open.push(trail.lastLine);
  }
  return ranges;
}

function trimLineEnd(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return text.slice(0, end);
}

function lineRange(line: number): { start: { line: number; character: number }; end: { line: number; character: number } } {
  return { start: { line, character: 0 }, end: { line, character: 0 } };
}

// References and highlights in a mail log: on a queue id or Exim message id, every line of that
// message and the lines of other messages that name it (its bounce); on a Message-ID, every message
// that carries it.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type DocumentHighlight, DocumentHighlightKind, type Location, type Position, type Range } from 'vscode-languageserver-types';
import type { CancellationToken } from '../../common/cancellation';
import { mailLogIndexOf, type MailLogIndex, trailLines, trailLookups } from './mailLogIndex';
import { readBackLine, targetAt, trailNamed } from './mailLogLine';

export function findMailLogReferences(document: TextDocument, position: Position, token?: CancellationToken): Location[] {
  return referencedRanges(document, position, token).map((range) => ({ uri: document.uri, range }));
}

export function findMailLogHighlights(document: TextDocument, position: Position, token?: CancellationToken): DocumentHighlight[] {
  return referencedRanges(document, position, token).map((range) => ({ range, kind: DocumentHighlightKind.Text }));
}

/** The lines to list, each as the range of the id (or the whole line when it names the id elsewhere). */
function referencedRanges(document: TextDocument, position: Position, token?: CancellationToken): Range[] {
  const index = mailLogIndexOf(document);
  const read = readBackLine(document, index, position.line);
  const target = read && targetAt(read, position, true);
  if (!target || token?.isCancellationRequested) return [];
  let trails: number[];
  if (target.kind === 'message-id') trails = trailLookups(index).withMessageId(target.messageId);
  else {
    const own = target.kind === 'id' ? index.lineTrail[position.line] : trailNamed(index, target.id, position.line);
    trails = own === undefined || own < 0 ? [] : [own];
  }
  const lines = new Set<number>();
  for (const t of trails) {
    const trail = index.trails[t]!;
    for (const line of trailLines(index, t)) lines.add(line);
    for (const line of mentionsOf(index, trail.id, trail.firstLine, trail.lastLine)) lines.add(line);
  }
  if (target.kind !== 'id') lines.add(position.line);
  return [...lines].sort((a, b) => a - b).map((line) => idRange(document, index, line, trails));
}

/** Lines of other messages naming `id`, near the trail (a reused id's bounce belongs to the trail it follows). */
function mentionsOf(index: MailLogIndex, id: string, firstLine: number, lastLine: number): number[] {
  const lines = index.mentions.get(id) ?? [];
  const others = trailLookups(index).withId(id);
  return lines.filter((line) => line >= firstLine && !others.some((t) => {
    const other = index.trails[t]!;
    return other.firstLine > firstLine && other.firstLine <= line && other.firstLine > lastLine;
  }));
}

function idRange(document: TextDocument, index: MailLogIndex, line: number, trails: readonly number[]): Range {
  const read = readBackLine(document, index, line);
  if (read && read.head.idStart >= 0 && trails.includes(index.lineTrail[line]!)) {
    return { start: { line, character: read.head.idStart }, end: { line, character: read.head.idEnd } };
  }
  if (read) {
    const event = read.event;
    const span = event.kind === 'notification' ? event.span : event.kind === 'arrival' ? event.reportsOnSpan : undefined;
    if (span) return { start: { line, character: span.start }, end: { line, character: span.end } };
  }
  return { start: { line, character: 0 }, end: { line, character: read?.text.length ?? 0 } };
}

// One line of a mail log read again for a request (a hover, references): its head and event, from a
// bounded window of the line, and what sits under a position.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { CharCode } from '../../common/charCode';
import { BODY_WINDOW, type MailEvent, readEvent } from '../../formats/mailLog/lineEvents';
import { type LineHead, LineHeadReader } from '../../formats/mailLog/lineHead';
import { type MailLogIndex, trailLookups } from './mailLogIndex';

export interface ReadBackLine {
  readonly line: number;
  /** The line's first characters (head and event window); offsets below are into it. */
  readonly text: string;
  readonly head: LineHead;
  readonly event: MailEvent;
}

/** Characters of a line read back: the head window and the event window after it. */
const READ_BACK = 400 + BODY_WINDOW;

export function readBackLine(document: TextDocument, index: MailLogIndex, line: number): ReadBackLine | undefined {
  const text = lineText(document, index, line);
  const head = new LineHeadReader(yearOfLine(index, line)).read(text, 0, text.length);
  if (!head) return undefined;
  return { line, text, head, event: readEvent(text, head, text.length) };
}

/**
 * The first READ_BACK characters of a line, without its line break: from the line starts the index
 * keeps, so a request needs no line table of the document. A text with a lone carriage return
 * (a line break to the editor, not to the index) is read through the document's lines.
 */
function lineText(document: TextDocument, index: MailLogIndex, line: number): string {
  if (index.loneCarriageReturn) return document.getText({ start: { line, character: 0 }, end: { line, character: READ_BACK } }).replace(/\r?\n$/, '');
  const start = index.lineStarts[line];
  if (start === undefined) return '';
  const full = document.getText();
  let end = line + 1 < index.lineStarts.length ? index.lineStarts[line + 1]! : full.length;
  while (end > start && (full.charCodeAt(end - 1) === CharCode.LineFeed || full.charCodeAt(end - 1) === CharCode.CarriageReturn)) end--;
  return full.slice(start, Math.min(end, start + READ_BACK));
}

/** The year the index gave the line's time stamp, when it had none. */
function yearOfLine(index: MailLogIndex, line: number): number {
  let year = index.referenceYear;
  for (const change of index.yearChanges) {
    if (change.line > line) break;
    year = change.year;
  }
  return year;
}

/** What a position points at in a line: its message id, an id it names, a Message-ID, or something else. */
export type LineTarget =
  | { readonly kind: 'id'; readonly id: string; readonly start: number; readonly end: number }
  | { readonly kind: 'named-id'; readonly id: string; readonly start: number; readonly end: number }
  | { readonly kind: 'message-id'; readonly messageId: string; readonly start: number; readonly end: number };

export function targetAt(read: ReadBackLine, position: Position, touching = false): LineTarget | undefined {
  const c = position.character;
  const within = (start: number, end: number): boolean => c >= start && (c < end || (touching && c === end));
  const { head, event, text } = read;
  if (head.idStart >= 0 && head.idKind !== 'noqueue' && within(head.idStart, head.idEnd)) {
    return { kind: 'id', id: text.slice(head.idStart, head.idEnd), start: head.idStart, end: head.idEnd };
  }
  if (event.kind === 'notification' && within(event.span.start, event.span.end)) {
    return { kind: 'named-id', id: event.notificationId, start: event.span.start, end: event.span.end };
  }
  if (event.kind === 'arrival' && event.reportsOn && event.reportsOnSpan && within(event.reportsOnSpan.start, event.reportsOnSpan.end)) {
    return { kind: 'named-id', id: event.reportsOn, start: event.reportsOnSpan.start, end: event.reportsOnSpan.end };
  }
  if ((event.kind === 'message-id' || event.kind === 'arrival' || event.kind === 'sender') && event.messageId && event.span && within(event.span.start, event.span.end)) {
    return { kind: 'message-id', messageId: event.messageId, start: event.span.start, end: event.span.end };
  }
  return undefined;
}

/** The trail of an id named on `line`: the one of that id that starts closest to the line (ids are reused). */
export function trailNamed(index: MailLogIndex, id: string, line: number): number | undefined {
  const candidates = trailLookups(index).withId(id);
  if (!candidates.length) return undefined;
  let best = candidates[0]!;
  for (const candidate of candidates) {
    const trail = index.trails[candidate]!;
    if (trail.firstLine <= line && trail.lastLine >= line) return candidate;
    if (Math.abs(trail.firstLine - line) < Math.abs(index.trails[best]!.firstLine - line)) best = candidate;
  }
  return best;
}

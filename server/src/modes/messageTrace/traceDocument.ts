// The parsed message trace of a document, its cross-row index, and what sits at a position.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { MESSAGE_TRACE } from '../../common/languages';
import { perVersion } from '../../common/perVersion';
import { buildTraceIndex, type TraceIndex } from '../../formats/messageTrace/traceIndex';
import { reparseTraceTable } from '../../formats/messageTrace/traceReparse';
import { fieldAtOffset, findTraceHeader, parseTraceTable, rowAtOffset, type TraceRow, type TraceTable } from '../../formats/messageTrace/traceTable';

// A new version is read again only where it changed (see reparseTraceTable).
const parsed = perVersion<TraceTable | undefined>((document, previous) =>
  previous ? reparseTraceTable(previous, document.getText()) : parseTraceTable(document.getText()));

/** The trace of a document of our language, or of a generic one whose head is a trace's; read once per version. */
export function traceTableOf(document: TextDocument): TraceTable | undefined {
  return parsed(document);
}

/** Says whether a document's head is a message trace's: a bounded read. */
export function looksLikeTrace(document: TextDocument): boolean {
  const head = document.getText({ start: { line: 0, character: 0 }, end: document.positionAt(8192) });
  return findTraceHeader(head) !== undefined;
}

export function isTraceLanguage(languageId: string): boolean {
  return languageId === MESSAGE_TRACE;
}

/** Indexes that validation built in its slices; a request before it builds one at once. */
const indexes = new WeakMap<TraceTable, TraceIndex>();

export function traceIndexOf(table: TraceTable): TraceIndex {
  let index = indexes.get(table);
  if (!index) indexes.set(table, index = buildTraceIndex(table));
  return index;
}

export function rememberTraceIndex(table: TraceTable, index: TraceIndex): void {
  if (!indexes.has(table)) indexes.set(table, index);
}

export function offsetRange(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

export type TraceLocation =
  | { readonly kind: 'header'; readonly column: number; readonly field: number }
  | { readonly kind: 'type-line' }
  | { readonly kind: 'field'; readonly rowIndex: number; readonly row: TraceRow; readonly column: number; readonly field: number; readonly offset: number };

/** What sits at a position: a header name, the #TYPE line, or a row's field. */
export function locateInTrace(document: TextDocument, table: TraceTable, position: Position, touching = false): TraceLocation | undefined {
  const offset = document.offsetAt(position);
  const { header, typeLine } = table;
  if (typeLine && offset >= typeLine.start && offset <= typeLine.end) return { kind: 'type-line' };
  if (offset >= header.start && offset <= header.end) {
    const field = fieldAtOffset(table, header.firstField, header.names.length, offset, touching);
    return field < 0 ? undefined : { kind: 'header', column: field - header.firstField, field };
  }
  const rowIndex = rowAtOffset(table, offset);
  if (rowIndex < 0) return undefined;
  const row = table.rows[rowIndex]!;
  const field = fieldAtOffset(table, row.firstField, row.fieldCount, offset, touching);
  if (field < 0) return undefined;
  return { kind: 'field', rowIndex, row, column: field - row.firstField, field, offset };
}

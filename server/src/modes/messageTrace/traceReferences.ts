// Find All References and highlights on the IDs that tie a trace's rows together: message_id,
// network_message_id, internal_message_id, and the cmdlets' MessageId and MessageTraceId. A value
// is looked for in every ID column, since a network message ID also serves as the MessageTraceId.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type DocumentHighlight, DocumentHighlightKind, type Location, type Position, type Range } from 'vscode-languageserver-types';
import type { CancellationToken } from '../../common/cancellation';
import { locateInTrace, offsetRange, traceIndexOf, traceTableOf } from './traceDocument';
import { traceField, traceValue, traceValueRange } from '../../formats/messageTrace/traceTable';

const ROWS_PER_CHECK = 1024;

function occurrences(document: TextDocument, position: Position, token?: CancellationToken): Range[] {
  const table = traceTableOf(document);
  if (!table || token?.isCancellationRequested) return [];
  const location = locateInTrace(document, table, position, true);
  if (!location || location.kind !== 'field') return [];
  const column = table.header.names[location.column]?.toLowerCase();
  const index = traceIndexOf(table);
  if (!column || !index.links.has(column)) return [];
  const value = traceValue(table, location.field);
  if (!value) return [];
  const hits: { offset: number; start: number; end: number }[] = [];
  let checked = 0;
  for (const [linked, values] of index.links) {
    for (const r of values.get(value) ?? []) {
      if (++checked % ROWS_PER_CHECK === 0 && token?.isCancellationRequested) break;
      const field = traceField(table, table.rows[r]!, linked);
      const { start, end } = traceValueRange(table, field);
      hits.push({ offset: start, start, end });
    }
  }
  hits.sort((a, b) => a.offset - b.offset);
  return hits.map((h) => offsetRange(document, h.start, h.end));
}

export function findTraceReferences(document: TextDocument, position: Position, token?: CancellationToken): Location[] {
  return occurrences(document, position, token).map((range) => ({ uri: document.uri, range }));
}

export function findTraceHighlights(document: TextDocument, position: Position, token?: CancellationToken): DocumentHighlight[] {
  return occurrences(document, position, token).map((range) => ({ range, kind: DocumentHighlightKind.Read }));
}

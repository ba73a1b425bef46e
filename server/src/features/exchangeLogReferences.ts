// Find All References and document highlights on the values that tie rows together: a message's
// message-id (also where a DSN's reference names it), internal-message-id and network-message-id,
// and a protocol session's session-id.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type DocumentHighlight, DocumentHighlightKind, type Location, type Position, type Range } from 'vscode-languageserver-types';
import type { CancellationToken } from './cancellation';
import { columnName, exchangeLogOf, locateInLog, rowRange } from './exchangeLogDocument';
import { type ExchangeLog, fieldOf, fieldValueRange, rowsByColumnValue, valueOf } from '../formats/exchangeLog';

/** For each linking column, the columns searched for the same value. */
const LINKED_COLUMNS: Readonly<Record<'tracking' | 'protocol', Readonly<Record<string, readonly string[]>>>> = {
  tracking: {
    'message-id': ['message-id', 'reference'],
    'reference': ['message-id', 'reference'],
    'internal-message-id': ['internal-message-id'],
    'network-message-id': ['network-message-id'],
  },
  protocol: {
    'session-id': ['session-id'],
  },
};

/** Ranges of every occurrence of the linking value at `position`, in file order; empty elsewhere. */
function occurrences(document: TextDocument, position: Position, token?: CancellationToken): Range[] {
  const log = exchangeLogOf(document);
  if (!log || token?.isCancellationRequested) return [];
  const location = locateInLog(log, position, true);
  if (!location || location.kind !== 'field') return [];
  const name = columnName(location);
  const columns = name ? LINKED_COLUMNS[log.kind ?? 'tracking'][name] : undefined;
  const value = valueOf(log, location.field);
  if (!columns || !value) return [];
  return rangesOf(log, columns, value);
}

function rangesOf(log: ExchangeLog, columns: readonly string[], value: string): Range[] {
  const rowIndexes = new Set<number>();
  for (const column of columns) for (const i of rowsByColumnValue(log, column).get(value) ?? []) rowIndexes.add(i);
  const ranges: Range[] = [];
  for (const i of [...rowIndexes].sort((a, b) => a - b)) {
    const row = log.rows[i]!;
    for (const column of columns) {
      const field = fieldOf(row, column);
      if (field < 0 || valueOf(log, field) !== value) continue;
      const { start, end } = fieldValueRange(log, field);
      ranges.push(rowRange(log, row, start, end));
    }
  }
  return ranges;
}

export function findLogReferences(document: TextDocument, position: Position, token?: CancellationToken): Location[] {
  return occurrences(document, position, token).map((range) => ({ uri: document.uri, range }));
}

export function findLogHighlights(document: TextDocument, position: Position, token?: CancellationToken): DocumentHighlight[] {
  return occurrences(document, position, token).map((range) => ({ range, kind: DocumentHighlightKind.Read }));
}

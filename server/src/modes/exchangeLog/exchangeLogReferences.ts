// Find All References and document highlights on the values that tie rows together: a message's
// message-id (also where a DSN's reference names it), internal-message-id and network-message-id,
// and a protocol session's session-id.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type DocumentHighlight, DocumentHighlightKind, type Location, type Position, type Range } from 'vscode-languageserver-types';
import type { CancellationToken } from '../../common/cancellation';
import { columnName, exchangeLogOf, locateInLog, rowRange } from './exchangeLogDocument';
import { LINKED_COLUMNS } from './exchangeLogLinks';
import type { ExchangeLog } from '../../formats/exchangeLog';
import { columnKey, rowGroups } from '../../formats/exchangeLogIndex';
import { fieldOf, fieldValueRange, valueOf } from '../../formats/exchangeLogLookups';

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
  return rangesOf(log, columns, value, token);
}

/** Rows read between two checks of the cancellation token. */
const ROWS_PER_CHECK = 1024;

/** The ranges, in file order; only those found so far once the request is cancelled. */
function rangesOf(log: ExchangeLog, columns: readonly string[], value: string, token: CancellationToken | undefined): Range[] {
  const rowIndexes = new Set<number>();
  for (const column of columns) for (const i of rowGroups(log, columnKey(column)).get(value) ?? []) rowIndexes.add(i);
  const ranges: Range[] = [];
  const sorted = [...rowIndexes].sort((a, b) => a - b);
  for (let k = 0; k < sorted.length; k++) {
    if (k % ROWS_PER_CHECK === ROWS_PER_CHECK - 1 && token?.isCancellationRequested) break;
    const row = log.rows[sorted[k]!]!;
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

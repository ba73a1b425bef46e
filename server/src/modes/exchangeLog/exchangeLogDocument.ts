// The parsed log of a document, shared by every log feature, and LSP ranges of its parts.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { PROTOCOL_LOG, TRACKING_LOG } from '../../common/languages';
import { type Directive, type ExchangeLog, type LogRow, parseExchangeLog } from '../../formats/exchangeLog';
import { directiveAtLine, fieldAtOffset, offsetInRow, positionInRow, rowAtLine } from '../../formats/exchangeLogLookups';
import { reparseExchangeLog } from '../../formats/exchangeLogReparse';
import { carryRowKeys } from '../../formats/exchangeLogIndex';
import { perVersion } from '../../common/perVersion';
import { lineEnd } from '../../formats/csv';

export function isExchangeLogLanguage(languageId: string): boolean {
  return languageId === TRACKING_LOG || languageId === PROTOCOL_LOG;
}

const parsedLog = perVersion((document, previous: ExchangeLog | undefined) => {
  const kind = document.languageId === PROTOCOL_LOG ? 'protocol' : 'tracking';
  if (!previous) return parseExchangeLog(document.getText(), kind);
  const log = reparseExchangeLog(previous, document.getText(), kind);
  carryRowKeys(previous, log);
  return log;
});

/** The parsed log, or undefined when the document is not an Exchange log. Parsed once per version. */
export function exchangeLogOf(document: TextDocument): ExchangeLog | undefined {
  return isExchangeLogLanguage(document.languageId) ? parsedLog(document) : undefined;
}

/** LSP range of offsets inside one row. */
export function rowRange(log: ExchangeLog, row: LogRow, start: number, end: number): Range {
  return { start: positionInRow(log, row, start), end: positionInRow(log, row, end) };
}

/** Range of a whole row. */
export function wholeRowRange(log: ExchangeLog, row: LogRow): Range {
  return rowRange(log, row, row.start, row.end);
}

/** What sits at a position in a log: a header directive (and which #Fields name), or a row's field. */
export type LogLocation =
  | { readonly kind: 'directive'; readonly directive: Directive; readonly fieldName?: { readonly index: number; readonly start: number; readonly end: number } }
  | { readonly kind: 'field'; readonly rowIndex: number; readonly row: LogRow; readonly field: number; readonly column: number; readonly offset: number };

/** `touching` also accepts a caret just after the last character, as references and highlights do. */
export function locateInLog(log: ExchangeLog, position: Position, touching = false): LogLocation | undefined {
  const directive = directiveAtLine(log, position.line);
  if (directive) {
    const lineStart = directive.line === 0 ? 0 : directive.start; // a byte order mark may come first
    const offset = lineStart + position.character;
    if (offset > directive.end) return undefined;
    const schema = directive.name.toLowerCase() === 'fields' ? log.blocks.find((b) => b.schema?.declaredBy === directive)?.schema : undefined;
    const names = schema?.nameOffsets;
    if (names) {
      for (let i = 0; i < names.length; i += 2) {
        if (offset >= names[i]! && (offset < names[i + 1]! || (touching && offset === names[i + 1]!))) {
          return { kind: 'directive', directive, fieldName: { index: i / 2, start: names[i]!, end: names[i + 1]! } };
        }
      }
    }
    return { kind: 'directive', directive };
  }
  const rowIndex = rowAtLine(log, position.line);
  if (rowIndex < 0) return undefined;
  const row = log.rows[rowIndex]!;
  const offset = offsetInRow(log, row, position.line, position.character);
  if (offset > row.end) return undefined;
  const field = fieldAtOffset(log, row, offset, touching);
  if (field < 0) return undefined;
  return { kind: 'field', rowIndex, row, field, column: field - row.firstField, offset };
}

/** The column name of a field location; undefined for fields past the ones #Fields names. */
export function columnName(location: { row: LogRow; column: number }): string | undefined {
  return location.row.schema.names[location.column];
}

/**
 * The text of a row's line from `radius` characters before a position to `radius` after it, cut at
 * the line's ends, as the document reads it; read from the log, so no line table is needed.
 */
export function lineAround(log: ExchangeLog, row: LogRow, position: Position, radius: number): { from: number; text: string } {
  const lineStart = offsetInRow(log, row, position.line, 0);
  // A row's last line ends where the row does; its other lines end at a line break inside a quoted field.
  const end = position.line >= row.line + row.lineCount - 1 ? row.end : Math.min(lineEnd(log.text, lineStart), row.end);
  const from = Math.max(0, position.character - radius);
  return { from, text: log.text.slice(Math.min(lineStart + from, end), Math.min(lineStart + position.character + radius, end)) };
}

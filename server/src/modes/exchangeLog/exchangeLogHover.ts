// Hovers in Exchange logs: every field says what it is, event IDs and sources say what they mean,
// header directives explain themselves. Status codes inside fields keep the code hover, which wins.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, Position } from 'vscode-languageserver-types';
import type { CancellationToken } from '../../common/cancellation';
import { columnName, exchangeLogOf, lineAround, type LogLocation, locateInLog, rowRange } from './exchangeLogDocument';
import { CODE_HOVER_WINDOW, codeHoverInLine, doCodeHover } from '../statusCodes/codeHover';
import type { DetailLevel } from '../../common/settings';
import type { Directive, ExchangeLog, LogRow } from '../../formats/exchangeLog';
import { columnKey, rowGroups } from '../../formats/exchangeLogIndex';
import { fieldOf, fieldRange, isValidTimestamp, valueOf } from '../../formats/exchangeLogLookups';
import { customDataItems, type FieldItem, recipientOutcomes, splitItems } from '../../formats/trackingLog';
import type { EventOutcome, LogFieldEntry } from '../../knowledge/exchangeLogModel';
import {
  exchangeProductOfBuild, lookupLogDirective, lookupLogField, lookupProtocolEvent, lookupTrackingEvent, lookupTrackingSource,
} from '../../knowledge/exchangeLogFacts';
import { PROTOCOL_LOG_SOURCE, TRACKING_LOG_SOURCE } from '../../knowledge/data/exchangeLogFormats';
import { lines, type Markdown, markupContent, md } from '../../text/markdown';

const OUTCOME_TEXT: Record<EventOutcome, string> = {
  failure: 'failure',
  delay: 'delay (retried later)',
  success: 'success',
  other: 'progress step',
};

/** Columns whose values are counts or sizes: never read as SMTP replies. */
const NUMERIC_KINDS = new Set(['number']);

export function doLogHover(document: TextDocument, position: Position, level: DetailLevel, token?: CancellationToken): Hover | null {
  if (token?.isCancellationRequested) return null;
  const log = exchangeLogOf(document);
  if (!log) return doCodeHover(document, position, level, token);
  const location = locateInLog(log, position);
  if (!location) return null;
  if (location.kind === 'directive') return directiveHover(log, location);
  const name = columnName(location);
  const field = name ? lookupLogField(log.kind ?? 'tracking', name) : undefined;
  if (!field || !NUMERIC_KINDS.has(field.kind)) {
    const code = codeHoverInLine(document, position, lineAround(log, location.row, position, CODE_HOVER_WINDOW), level);
    if (code) return code;
  }
  return fieldHover(log, location, name, field);
}

function kindLabel(log: ExchangeLog): string {
  return log.kind === 'protocol' ? 'protocol log' : 'message tracking log';
}

function fieldHeading(log: ExchangeLog, name: string, column: number, count: number, field: LogFieldEntry | undefined): Markdown[] {
  const out = [md`**${name}** · column ${column + 1} of ${count} · ${kindLabel(log)} field`];
  if (field) {
    out.push(md``, md`${field.meaning}`);
    if (field.since) out.push(md``, md`*Written by Exchange ${field.since} and later; Exchange ${field.since === '2013' ? '2010 logs lack' : '2010 and 2013 logs lack'} it.*`);
  } else {
    out.push(md``, md`Exchange does not document this column; it is shown as written.`);
  }
  return out;
}

function sourceLine(log: ExchangeLog): Markdown {
  return md`*Source:* ${log.kind === 'protocol' ? PROTOCOL_LOG_SOURCE : TRACKING_LOG_SOURCE}`;
}

function fieldHover(log: ExchangeLog, location: Extract<LogLocation, { kind: 'field' }>, name: string | undefined, field: LogFieldEntry | undefined): Hover {
  const { row, column } = location;
  const raw = fieldRange(log, location.field);
  let range = { start: raw.start, end: raw.end };
  const out: Markdown[] = [];
  if (!name) {
    out.push(md`**Extra field ${column + 1}**`, md``, md`This row has ${row.fieldCount} fields but the #Fields header names ${row.schema.names.length}: this value has no column.`);
  } else {
    out.push(...fieldHeading(log, name, column, row.schema.names.length, field));
    const value = valueOf(log, location.field);
    const detail = valueDetail(log, row, name, value, location.offset);
    if (detail.item) range = { start: detail.item.start, end: detail.item.end };
    if (detail.lines.length) out.push(md``, md`---`, md``, ...detail.lines);
  }
  out.push(md``, sourceLine(log));
  return { contents: markupContent(lines(out)), range: rowRange(log, row, range.start, range.end) };
}

/** What the value under the cursor says, beyond the column's meaning. */
function valueDetail(log: ExchangeLog, row: LogRow, name: string, value: string, offset: number): { lines: Markdown[]; item?: FieldItem } {
  if (log.kind === 'protocol') {
    if (name === 'event') {
      const entry = lookupProtocolEvent(value);
      return { lines: [entry ? md`**${value}** ${entry.title}: ${entry.meaning}` : md`**${value}** ${'is not a protocol log event (+, -, >, < or *).'}`] };
    }
    if (name === 'session-id' && value) return { lines: [rowCount(log, 'session-id', value, 'line')] };
    if (name === 'date-time') return { lines: timestampLines(log, row) };
    return { lines: [] };
  }
  switch (name) {
    case 'event-id': {
      const entry = lookupTrackingEvent(value);
      return { lines: [entry ? md`**${entry.id}** · ${OUTCOME_TEXT[entry.outcome]}: ${entry.meaning}` : md`**${value}** is not an event ID Exchange documents.`] };
    }
    case 'source': {
      const entry = lookupTrackingSource(value);
      return { lines: [entry ? md`**${entry.name}**: ${entry.meaning}` : md`**${value}** is not a source Exchange documents.`] };
    }
    case 'recipient-address':
    case 'recipient-status': {
      const outcomes = recipientOutcomes(log, row);
      const hit = outcomes.find((o) => {
        const item = name === 'recipient-address' ? o.recipient : o.status;
        return item && offset >= item.start && offset < item.end;
      });
      if (!hit) return { lines: [] };
      const item = name === 'recipient-address' ? hit.recipient! : hit.status!;
      const other = name === 'recipient-address'
        ? (hit.status ? md`Status of ${item.text}: ${hit.status.text}` : md`No status is recorded for ${item.text} on this row.`)
        : (hit.recipient ? md`Status of ${hit.recipient.text}.` : md`No recipient on this row pairs with this status.`);
      return { lines: [other], item };
    }
    case 'custom-data': {
      const item = customDataItems(log, row).find((i) => offset >= i.start && offset < i.end);
      if (!item) return { lines: [] };
      return { lines: [item.key ? md`**${item.key}** = ${item.value || '(empty)'}${item.type === 'S' ? ' (string)' : ''}` : md`${item.value}`], item };
    }
    case 'related-recipient-address': {
      const item = splitItems(log, fieldOf(row, name)).find((i) => offset >= i.start && offset < i.end);
      return item ? { lines: [], item } : { lines: [] };
    }
    case 'message-id':
    case 'internal-message-id':
    case 'network-message-id':
      return value ? { lines: [rowCount(log, name, value, 'row')] } : { lines: [] };
    case 'date-time':
      return { lines: timestampLines(log, row) };
    case 'schema-version': {
      const product = exchangeProductOfBuild(value);
      return { lines: product ? [md`Build ${value}: ${product}.`] : [] };
    }
    case 'total-bytes': {
      const bytes = Number(value);
      return { lines: value && Number.isFinite(bytes) ? [md`${bytes.toLocaleString('en-US')} bytes (${(bytes / 1024).toFixed(1)} KiB).`] : [] };
    }
    default:
      return { lines: [] };
  }
}

function rowCount(log: ExchangeLog, column: string, value: string, noun: string): Markdown {
  const count = rowGroups(log, columnKey(column)).get(value)?.length ?? 0;
  return md`${count} ${noun}${count === 1 ? '' : 's'} in this file carry this ${column}; Find All References lists them.`;
}

function timestampLines(log: ExchangeLog, row: LogRow): Markdown[] {
  const field = fieldOf(row, 'date-time');
  if (field < 0) return [];
  const { start, end } = fieldRange(log, field);
  return isValidTimestamp(log.text, start, end) ? [] : [md`This is not a valid UTC timestamp ${'(yyyy-mm-ddThh:mm:ss.fffZ).'}`];
}

function directiveHover(log: ExchangeLog, location: Extract<LogLocation, { kind: 'directive' }>): Hover | null {
  const { directive, fieldName } = location;
  const lineRange = (start: number, end: number) => {
    const lineStart = directive.line === 0 ? 0 : directive.start;
    return { start: { line: directive.line, character: start - lineStart }, end: { line: directive.line, character: end - lineStart } };
  };
  if (fieldName) {
    const schema = log.blocks.find((b) => b.schema?.declaredBy === directive)?.schema;
    const name = schema?.names[fieldName.index] ?? '';
    const out = fieldHeading(log, name, fieldName.index, schema?.names.length ?? 0, lookupLogField(log.kind ?? 'tracking', name));
    out.push(md``, sourceLine(log));
    return { contents: markupContent(lines(out)), range: lineRange(fieldName.start, fieldName.end) };
  }
  const entry = lookupLogDirective(directive.name);
  if (!entry) return null;
  const out = [md`**${`#${entry.name}`}** · log header`, md``, md`${entry.meaning}`, ...directiveDetail(directive)];
  return { contents: markupContent(lines(out)), range: lineRange(directive.start, directive.end) };
}

function directiveDetail(directive: Directive): Markdown[] {
  switch (directive.name.toLowerCase()) {
    case 'version': {
      const product = exchangeProductOfBuild(directive.value);
      return product ? [md``, md`Build ${directive.value} is ${product}.`] : [];
    }
    case 'fields': {
      const count = directive.value.split(',').length;
      return [md``, md`${count} columns.`];
    }
    default:
      return [];
  }
}

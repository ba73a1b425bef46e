// Hovers in message traces: every header name and value says what its column holds; Status values,
// Recipient_status entries, events and sources say what they mean; custom_data's agent groups are
// decoded key by key with the anti-spam table the X-Forefront-Antispam-Report hover uses. Status
// codes inside values keep the status-code hover, which wins.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, Position } from 'vscode-languageserver-types';
import type { CancellationToken } from '../../common/cancellation';
import type { DetailLevel } from '../../common/settings';
import { locateInTrace, offsetRange, type TraceLocation, traceIndexOf, traceTableOf } from './traceDocument';
import { CODE_HOVER_WINDOW, codeHoverInLine } from '../statusCodes/codeHover';
import { LONG_VALUE } from './traceDiagnostics';
import { agentGroups, recipientStatusEntries, type TracePiece } from '../../formats/messageTrace/traceFields';
import { type TraceTable, traceValue, traceValueRange } from '../../formats/messageTrace/traceTable';
import { antispamValueMeaning, lookupAntispamKey } from '../../knowledge/antispam';
import {
  agentNames, directionalityValues, EXPORT_CSV_SOURCE, malwareActions, malwareKeys, transportRuleKeys,
} from '../../knowledge/data/messageTraceFacts';
import { lookupTrackingSource } from '../../knowledge/exchangeLogFacts';
import { lookupTraceColumn, lookupTraceEvent, lookupTraceStatus } from '../../knowledge/messageTraceFacts';
import { code, lines, type Markdown, markupContent, md } from '../../text/markdown';

const REPORT_NAMES: Record<TraceTable['kind'], string> = {
  summary: 'message trace summary (admin center)',
  'enhanced-summary': 'enhanced summary report (admin center)',
  extended: 'extended report (admin center)',
  'message-trace': 'Get-MessageTrace(V2) export',
  'trace-detail': 'Get-MessageTraceDetail(V2) export',
};

/** Columns of counts and sizes: never read as SMTP replies. */
const NUMERIC = new Set(['total_bytes', 'size', 'recipient_count', 'index']);

export function doTraceHover(document: TextDocument, position: Position, level: DetailLevel, token?: CancellationToken): Hover | null {
  if (token?.isCancellationRequested) return null;
  const table = traceTableOf(document);
  if (!table) return null;
  const location = locateInTrace(document, table, position);
  if (!location) return null;
  if (location.kind === 'type-line') {
    const typeName = table.typeLine!.typeName;
    return {
      contents: markupContent(lines([
        md`**#TYPE** ${code(typeName)}`, md``,
        md`Windows PowerShell 5.1's Export-Csv writes this line unless -NoTypeInformation is given (PowerShell 7 leaves it out): it names the .NET type of the exported objects. Its default encoding is ASCII, so characters outside ASCII in subjects are lost.`,
        md``, md`*Source:* ${EXPORT_CSV_SOURCE}`,
      ])),
      range: offsetRange(document, table.typeLine!.start, table.typeLine!.end),
    };
  }
  const name = table.header.names[location.column];
  const lower = name?.toLowerCase() ?? '';
  if (location.kind === 'field' && name && !NUMERIC.has(lower)) {
    const line = document.getText({
      start: { line: position.line, character: Math.max(0, position.character - CODE_HOVER_WINDOW) },
      end: { line: position.line, character: position.character + CODE_HOVER_WINDOW },
    }).replace(/[\r\n]+$/, '');
    const found = codeHoverInLine(document, position, { from: Math.max(0, position.character - CODE_HOVER_WINDOW), text: line }, level);
    if (found) return found;
  }
  const out = heading(table, location.column, name);
  const { starts, ends } = table.fields;
  let range = { start: starts[location.field]!, end: ends[location.field]! };
  if (location.kind === 'field') {
    if (!name) {
      out.push(md``, md`This row has more fields than the header names: this value has no column.`);
    } else {
      const detail = valueDetail(table, location, lower);
      if (detail.piece) range = { start: detail.piece.start, end: detail.piece.end };
      if (detail.lines.length) out.push(md``, md`---`, md``, ...detail.lines);
    }
  } else if (location.column === table.timeColumn) {
    out.push(md``, md`Dates in this file are read ${table.dates.reason}.`);
  }
  if (level === 'full' && name) {
    const fact = lookupTraceColumn(name);
    if (fact) out.push(md``, md`*Source:* ${fact.source}`);
  }
  return { contents: markupContent(lines(out)), range: offsetRange(document, range.start, range.end) };
}

function heading(table: TraceTable, column: number, name: string | undefined): Markdown[] {
  if (!name) return [md`**Extra field ${column + 1}** · ${REPORT_NAMES[table.kind]}`];
  const fact = lookupTraceColumn(name);
  const out = [md`**${name}** · column ${column + 1} of ${table.header.names.length} · ${REPORT_NAMES[table.kind]}`, md``];
  out.push(fact ? md`${fact.meaning}` : md`A column the message trace documentation does not describe; it is shown as written.`);
  return out;
}

type FieldLocation = Extract<TraceLocation, { kind: 'field' }>;

/** What the value under the cursor says, beyond its column's meaning. */
function valueDetail(table: TraceTable, location: FieldLocation, column: string): { lines: Markdown[]; piece?: TracePiece } {
  const { field, offset } = location;
  const whole = traceValueRange(table, field);
  // A megabyte-long cell is read from its start only.
  const range = { start: whole.start, end: Math.min(whole.end, whole.start + LONG_VALUE) };
  if (column === 'recipient_status') return recipientStatusDetail(table, range, offset);
  if (column === 'custom_data') return customDataDetail(table, range, offset);
  const value = traceValue(table, field);
  if (!value) return { lines: [] };
  if (column === 'status') {
    const status = lookupTraceStatus(value);
    return { lines: [status ? md`**${status.name}**: ${status.meaning}` : md`${code(value)} is not a status the documentation lists.`] };
  }
  if (column === 'event_id' || column === 'event') return { lines: [eventLine(value)] };
  if (column === 'source') {
    const source = lookupTrackingSource(value);
    return { lines: [source ? md`**${source.name}**: ${source.meaning}` : md`${code(value)} is not a source the documentation lists.`] };
  }
  if (column === 'directionality') {
    const meaning = directionalityValues[value.toLowerCase()];
    return { lines: [meaning ? md`${code(value)}: ${meaning}` : md`${code(value)} is not a direction the documentation lists.`] };
  }
  if (table.columns.get(column) === table.timeColumn) {
    const time = traceIndexOf(table).times[location.rowIndex]!;
    if (Number.isNaN(time)) return { lines: [md`This is not a time this reader understands.`] };
    const zone = table.kind === 'message-trace' || table.kind === 'trace-detail' ? 'UTC, as the cmdlets write it' : table.timeZone ? `the report's zone (${table.timeZone})` : 'the report\'s zone';
    const shown = md`${new Date(time).toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '')} in ${zone}`;
    return { lines: [/^\d{4}-/.test(value) ? md`${shown}.` : md`${shown}; dates read ${table.dates.reason}.`] };
  }
  const links = traceIndexOf(table).links.get(column);
  if (links) {
    const count = links.get(value)?.length ?? 0;
    return { lines: [md`${count} row${count === 1 ? '' : 's'} in this file carry this ${column}; Find All References lists them.`] };
  }
  if (column === 'total_bytes' || column === 'size') {
    const bytes = Number(value);
    return { lines: Number.isFinite(bytes) ? [md`${bytes.toLocaleString('en-US')} bytes (${(bytes / 1024).toFixed(1)} KiB).`] : [] };
  }
  return { lines: [] };
}

function eventLine(value: string): Markdown {
  const fact = lookupTraceEvent(value);
  if (fact?.traceOnly) return md`**${value}**: ${fact.traceOnly.meaning}`;
  if (fact?.tracking) return md`**${fact.tracking.id}**: ${fact.tracking.meaning}`;
  return md`${code(value)} is not an event the documentation lists.`;
}

function recipientStatusDetail(table: TraceTable, range: { start: number; end: number }, offset: number): { lines: Markdown[]; piece?: TracePiece } {
  const entry = recipientStatusEntries(table.text, range.start, range.end).find((e) => offset >= e.start && offset <= e.end);
  if (!entry) return { lines: [] };
  const out = [entry.recipient ? md`**${entry.recipient.text}** went through:` : md`Events:`];
  for (const event of entry.events.slice(0, 20)) out.push(md`- ${eventLine(event.text.replace(/\s.*$/s, ''))}`);
  return { lines: out, piece: entry };
}

function customDataDetail(table: TraceTable, range: { start: number; end: number }, offset: number): { lines: Markdown[]; piece?: TracePiece } {
  const group = agentGroups(table.text, range.start, range.end).find((g) => offset >= g.start && offset <= g.end);
  if (!group) return { lines: [] };
  const agent = agentNames[group.agent];
  const item = group.items.find((i) => offset >= i.start && offset <= i.end);
  const out = [agent ? md`**S:${group.agent}**: ${agent}.` : md`An agent group this reader does not know (${code(group.text.slice(0, 40))}).`];
  if (item?.key) out.push(md``, agentItemLine(group.agent, item.key, item.text));
  return { lines: out, ...(item ? { piece: item } : { piece: group }) };
}

/** One key=value item of an agent group (`written` as in the file), explained with its agent's table. */
export function agentItemLine(agent: string, key: string, written: string): Markdown {
  const value = written.slice(written.indexOf('=') + 1);
  if (agent === 'AMA') {
    const action = key === 'ACTION' ? malwareActions[value.toLowerCase()] : undefined;
    return md`${code(written)}: ${malwareKeys[key] ?? 'a key the documentation does not describe.'}${action ? ` Here: ${action}.` : ''}`;
  }
  if (agent === 'TRA') return md`${code(written)}: ${transportRuleKeys[key] ?? 'a key the documentation does not describe.'}`;
  const fact = lookupAntispamKey(key);
  const meaning = antispamValueMeaning(key, value);
  if (!fact) return md`${code(written)}: a key Microsoft does not describe publicly.`;
  return md`${code(written)}: ${fact.meaning}${meaning ? ` Here: ${meaning}.` : ''}`;
}

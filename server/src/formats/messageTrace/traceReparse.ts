// Re-reading a message trace after edits: only the rows the edits touched are read again (with the
// rows whose reading may have looked into them); the rows after them keep their fields with moved
// offsets, and the order of slash dates is voted again from the votes that changed.

import { FieldStore, MULTILINE, UNTERMINATED } from '../csv';
import { commonPrefix, commonSuffix, rowStartingAt, spliceRows } from '../exchangeLogReparse';
import { lastIndexWhere } from '../exchangeLogLookups';
import {
  parseTraceTable, readTraceRows, rememberRowReading, rowReadingOf, type TraceRow, type TraceTable, voteOfRow,
} from './traceTable';

/**
 * How far past its end a row spanning lines inside quotes may have read: the record-start test at
 * each of its line breaks reads at most this far into the line after (see recordStartTest).
 */
const LOOK_PAST_ROW = 260;

/**
 * The trace of `text`, reusing `previous` (the trace of an earlier version of the same document):
 * rows before the edits are kept, rows from the first one the edits may change are read again until
 * a row starts, past the edits, where a row of the previous version started, and the previous
 * rows from there on are kept with moved offsets. Edits in the head (type line, header) parse the
 * whole text, as does a row whose quote never closes before the edits (it may reach any later line).
 */
export function reparseTraceTable(previous: TraceTable, text: string): TraceTable | undefined {
  const old = previous.text;
  if (old === text) return previous;
  const reading = rowReadingOf(previous);
  const rows = previous.rows;
  if (!reading || rows.length === 0) return parseTraceTable(text);
  const prefix = commonPrefix(old, text, Math.min(old.length, text.length));
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
  // The header's line break (a CR may be joined by an LF) is read up to rowsFrom; a header whose
  // quote never closed ended where it did because no quote followed, anywhere.
  if (prefix <= reading.rowsFrom || headerIsLoose(previous)) return parseTraceTable(text);
  const shift = text.length - old.length;
  const changedEnd = text.length - suffix;

  const first = firstRowToRead(previous, prefix);
  if (first < 0) return parseTraceTable(text);

  const fields = new FieldStore(1024);
  const fresh: TraceRow[] = [];
  const vote = reading.vote.copy();
  const source = { text, fields, isRecordStart: reading.isRecordStart, timeColumn: previous.timeColumn };
  // A row of the previous version starting where this reading is, past the edits: from there on the text, and so the rows, are the same.
  let resumeAt = -1;
  const stopBefore = (pos: number): boolean => {
    if (pos < changedEnd) return false;
    resumeAt = rowStartingAt(rows, pos - shift, first);
    return resumeAt >= 0;
  };
  const { line } = readTraceRows(source, rows[first]!.start, rows[first]!.line, fresh, vote, stopBefore);

  // The votes of the rows read again replace theirs.
  const replacedEnd = resumeAt >= 0 ? resumeAt : rows.length;
  for (let i = first; i < replacedEnd; i++) voteOfRow(old, previous.fields, previous.timeColumn, rows[i]!, vote, -1);

  const { rows: result, fields: store } = spliceRows(rows, previous.fields, first, fresh, fields, resumeAt, shift, line);
  const table: TraceTable = { ...previous, text, dates: vote.decide(), fields: store, rows: result };
  rememberRowReading(table, { ...reading, vote });
  return table;
}

/**
 * The first row whose reading the edits starting at `prefix` may change, or -1 to read everything:
 * the row holding the character before the edit; earlier when a row before it has a quote that never
 * closes (its reading may have gone on to any later line), or spans lines inside quotes and its
 * reading looked near the edit.
 */
function firstRowToRead(table: TraceTable, prefix: number): number {
  const { rows, fields } = table;
  let first = lastIndexWhere(0, rows.length - 1, (i) => rows[i]!.start < prefix);
  if (first < 0) return -1;
  const loose = firstLooseRow(table);
  if (loose >= 0 && loose < first) first = loose;
  while (first > 0) {
    const before = rows[first - 1]!;
    if (before.end + LOOK_PAST_ROW < prefix || !rowHasFlag(fields, before, MULTILINE)) break;
    first--;
  }
  return first;
}

const looseRows = new WeakMap<TraceTable, number>();

/** The first row with a quote that never closes, -1 for none: found once per table. */
function firstLooseRow(table: TraceTable): number {
  let found = looseRows.get(table);
  if (found === undefined) {
    found = -1;
    const { rows, fields } = table;
    for (let i = 0; i < rows.length && found < 0; i++) if (rowHasFlag(fields, rows[i]!, UNTERMINATED)) found = i;
    looseRows.set(table, found);
  }
  return found;
}

function headerIsLoose(table: TraceTable): boolean {
  const { fields, header } = table;
  for (let f = header.firstField; f < header.firstField + header.names.length; f++) if (fields.flags[f]! & UNTERMINATED) return true;
  return false;
}

function rowHasFlag(fields: FieldStore, row: TraceRow, flag: number): boolean {
  for (let f = row.firstField; f < row.firstField + row.fieldCount; f++) if (fields.flags[f]! & flag) return true;
  return false;
}


// Rows of a log grouped by a key (a column's value, the message they belong to). A grouping is
// built row by row in file order, so a sliced loop (the validation) can build it ahead of the
// requests that read it, and a request that comes first finishes it. After an edit, the keys of
// the rows a reparse kept are carried over instead of read again.

import type { ExchangeLog, LogRow } from './exchangeLog';
import { fieldOf, isWellFormed, valueOf } from './exchangeLogLookups';
import { type RowReuse, rowReuseOf } from './exchangeLogReparse';

/** Row indexes of each key, in file order. */
export type RowGroups = ReadonlyMap<string, readonly number[]>;

/**
 * What rows are grouped by: `keyOf` reads a well-formed row's key, "" when it has none; or, with
 * `firstOf`, the first non-empty key of other groupings, which are then built too and nothing is read twice.
 */
export type RowKey = {
  /** Names the grouping: keys with the same id group the same way. */
  readonly id: string;
} & ({ readonly keyOf: (log: ExchangeLog, row: LogRow) => string } | { readonly firstOf: readonly RowKey[] });

const columnKeys = new Map<string, RowKey>();

/** Rows grouped by the value of one column. */
export function columnKey(column: string): RowKey {
  let key = columnKeys.get(column);
  if (!key) columnKeys.set(column, key = { id: `column:${column}`, keyOf: (log, row) => valueOf(log, fieldOf(row, column)) });
  return key;
}

interface Grouping {
  /** Rows [0, next) are grouped. */
  next: number;
  readonly groups: Map<string, number[]>;
  /** The key of each grouped row ("" for none), the same string as its group's: what the next version carries over. */
  readonly keys: string[];
  /** The keys of the version before, for the rows the reparse kept; dropped once every row is grouped. */
  carried: { readonly keys: readonly string[]; readonly reuse: RowReuse } | undefined;
}

const groupings = new WeakMap<ExchangeLog, Map<string, Grouping>>();

function groupingOf(log: ExchangeLog, key: RowKey): Grouping {
  let perKey = groupings.get(log);
  if (!perKey) groupings.set(log, perKey = new Map<string, Grouping>());
  let grouping = perKey.get(key.id);
  if (!grouping) perKey.set(key.id, grouping = { next: 0, groups: new Map(), keys: [], carried: undefined });
  return grouping;
}

/** Groups rows [grouping.next, end). */
function advance(log: ExchangeLog, key: RowKey, grouping: Grouping, end: number): void {
  const { groups, keys, carried } = grouping;
  for (let i = grouping.next; i < end; i++) {
    const row = log.rows[i]!;
    let value = carried ? carriedKey(carried.keys, carried.reuse, i) : undefined;
    if (value === undefined) value = isWellFormed(row) ? keyOfRow(log, key, row, i) : '';
    if (value) {
      const rows = groups.get(value);
      if (rows) {
        value = keys[rows[0]!]!; // one string per key, not one per row
        rows.push(i);
      } else groups.set(value, [i]);
    }
    keys.push(value);
  }
  grouping.next = end;
  if (end === log.rows.length) grouping.carried = undefined;
}

/** The key the version before read for row `index`, if the reparse kept that row and it was grouped there. */
function carriedKey(keys: readonly string[], reuse: RowReuse, index: number): string | undefined {
  const from = index < reuse.keptBefore ? index : index >= reuse.freshEnd ? index - reuse.freshEnd + reuse.resumedFrom : -1;
  return from >= 0 && from < keys.length ? keys[from] : undefined;
}

function keyOfRow(log: ExchangeLog, key: RowKey, row: LogRow, index: number): string {
  if ('keyOf' in key) return key.keyOf(log, row);
  for (const part of key.firstOf) {
    const grouping = groupingOf(log, part);
    if (grouping.next <= index) advance(log, part, grouping, index + 1);
    const value = grouping.keys[index]!;
    if (value) return value;
  }
  return '';
}

/** The rows of each key (well-formed rows with a key only); grouped now if nothing built it yet. */
export function rowGroups(log: ExchangeLog, key: RowKey): RowGroups {
  const grouping = groupingOf(log, key);
  if (grouping.next < log.rows.length) advance(log, key, grouping, log.rows.length);
  return grouping.groups;
}

/** True when every row is grouped by `key`: reading the groups costs nothing more. */
export function isGrouped(log: ExchangeLog, key: RowKey): boolean {
  return (groupings.get(log)?.get(key.id)?.next ?? -1) === log.rows.length;
}

/** Builds groupings one row at a time, for a loop that visits the rows in file order. */
export class RowGroupsBuilder {
  private readonly pending: readonly (readonly [RowKey, Grouping])[];

  constructor(private readonly log: ExchangeLog, keys: readonly RowKey[]) {
    this.pending = keys.map((key) => [key, groupingOf(log, key)] as const);
  }

  /** Groups row `index` (rows before it must have been added); a request may have grouped it already. */
  addRow(index: number): void {
    for (const [key, grouping] of this.pending) if (grouping.next === index) advance(this.log, key, grouping, index + 1);
  }
}

/**
 * Carries to `log`, reparsed from `previous`, the keys `previous` had read for the rows the reparse
 * kept, so grouping `log` reads only the rows the edit touched. Only the key lists are kept, not
 * `previous` itself, and only until `log` is grouped.
 */
export function carryRowKeys(previous: ExchangeLog, log: ExchangeLog): void {
  const reuse = rowReuseOf(log);
  const before = groupings.get(previous);
  if (!reuse || !before || log === previous) return;
  const perKey = new Map<string, Grouping>();
  for (const [id, old] of before) perKey.set(id, { next: 0, groups: new Map(), keys: [], carried: { keys: old.keys, reuse } });
  groupings.set(log, perKey);
}

// Bounded tallies for the mail flow report: counts per key with the first place each key was seen,
// at most `maxKeys` distinct keys (a key past the bound is counted as "other"), and the rows sorted
// deterministically: count descending, then label in code-unit order.

import type { CountRow, FlowPlace } from '../../common/mailFlow';

/** The label of the row that sums the keys past a table's bound and the rows past its length. */
export const OTHER_LABEL = '(other)';

export interface Tally {
  count: number;
  readonly at: FlowPlace;
}

export class CountTable<T extends Tally = Tally> {
  private readonly tallies = new Map<string, T>();
  /** Counted under no key: keys that came after the table was full. */
  other = 0;

  constructor(private readonly maxKeys: number) {}

  /** The tally of `key`, made by `create` on first sight; undefined once the table is full (the caller counts `other`). */
  tally(key: string, create: () => T): T | undefined {
    let tally = this.tallies.get(key);
    if (tally) return tally;
    if (this.tallies.size >= this.maxKeys) return undefined;
    tally = create();
    this.tallies.set(key, tally);
    return tally;
  }

  /** Counts one of `key` first seen at `at`. */
  add(key: string, at: FlowPlace, weight = 1): void {
    const tally = this.tally(key, () => ({ count: 0, at }) as T);
    if (tally) tally.count += weight;
    else this.other += weight;
  }

  get size(): number {
    return this.tallies.size;
  }

  entries(): IterableIterator<[string, T]> {
    return this.tallies.entries();
  }

  /**
   * The `rows` largest tallies by `order` (count descending, then key), then one OTHER_LABEL row
   * with what is left (past the row limit or the key bound), when anything is.
   */
  sorted(rows: number): { readonly top: [string, T][]; readonly rest: number } {
    const all = [...this.tallies.entries()].sort(byCountThenKey);
    const top = all.slice(0, rows);
    let rest = this.other;
    for (let i = rows; i < all.length; i++) rest += all[i]![1].count;
    return { top, rest };
  }
}

export function byCountThenKey(a: [string, Tally], b: [string, Tally]): number {
  return b[1].count - a[1].count || compareText(a[0], b[0]);
}

/** Code-unit order: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** CountRows of a table: its top rows with their links, then the OTHER_LABEL row when anything is left. */
export function countRows(table: CountTable, rows: number, query: (key: string) => string | undefined): CountRow[] {
  const { top, rest } = table.sorted(rows);
  const out: CountRow[] = top.map(([key, tally]) => withQuery({ label: key, count: tally.count, at: tally.at }, query(key)));
  if (rest > 0) out.push({ label: OTHER_LABEL, count: rest });
  return out;
}

export function withQuery<T extends object>(row: T, query: string | undefined): T & { query?: string } {
  return query === undefined ? row : { ...row, query };
}

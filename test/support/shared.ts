// Access to ../shared (reference tables, corpus, seeds), which CI places beside the clone.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** npm runs the tests from the package root. */
export const repoRoot = process.cwd();
export const sharedRoot = process.env.MAILFLOW_SHARED ?? resolve(repoRoot, '..', 'shared');

export function sharedPath(relative: string): string {
  const path = join(sharedRoot, relative);
  if (!existsSync(path)) throw new Error(`shared material missing: ${path} (set MAILFLOW_SHARED to the shared/ folder)`);
  return path;
}

export function readShared(relative: string): string {
  return readFileSync(sharedPath(relative), 'utf8');
}

/** Rows of a tab-separated table with a header line, as objects keyed by column name. */
export function readTsv(relative: string): Record<string, string>[] {
  const [header, ...lines] = readShared(relative).split(/\r?\n/).filter((l) => l.length > 0);
  const columns = header!.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}

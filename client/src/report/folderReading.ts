// Reading a folder of logs for the report: recursively, within bounds (depth, number of files, total
// bytes), in name order, saying in `skipped` what was left out and why. Pure over a small file
// system interface, so the extension reads through vscode.workspace.fs (local, remote, browser and
// untrusted workspaces alike) and the tests through an in-memory tree.

import { formatBytes, sourceText } from './sourceText';

export interface ReportLimits {
  /** Folder levels below the chosen folder that are read. */
  readonly maxDepth: number;
  readonly maxFiles: number;
  /** Bytes of text (after inflating .gz files) read in all. */
  readonly maxTotalBytes: number;
  /** Entries in `skipped` listed one by one; the rest are counted in one last entry. */
  readonly maxSkippedListed: number;
}

/**
 * Measured on the 10 MB tracking log: its report holds the server thread well inside its 1 GB;
 * 128 MB of logs is about a day of a busy Exchange server's tracking logs.
 */
export const REPORT_LIMITS: ReportLimits = { maxDepth: 8, maxFiles: 1000, maxTotalBytes: 128 * 1024 * 1024, maxSkippedListed: 200 };

export type EntryKind = 'file' | 'folder' | 'other';

/** The few file system calls the reader makes (vscode.workspace.fs has them all). */
export interface FileTree<U> {
  readonly list: (folder: U) => Promise<readonly (readonly [name: string, kind: EntryKind])[]>;
  readonly size: (file: U) => Promise<number>;
  readonly read: (file: U) => Promise<Uint8Array>;
  readonly child: (folder: U, name: string) => U;
  readonly key: (uri: U) => string;
}

export interface FolderFile { readonly uri: string; readonly text: string }
export interface LeftOut { readonly uri: string; readonly reason: string }

export interface FolderContent {
  readonly files: FolderFile[];
  readonly skipped: LeftOut[];
  bytes: number;
}

/** Stops the walk between files. */
export interface WalkControl {
  readonly cancelled: () => boolean;
  readonly progress?: (filesRead: number, current: string) => void;
}

/**
 * Reads every text file under `roots` (folders are walked, files taken as they are), within `limits`.
 * Folders whose name starts with a dot (.git, .vscode) are not entered.
 */
export async function readReportFiles<U>(tree: FileTree<U>, roots: readonly { readonly uri: U; readonly kind: EntryKind }[],
  limits: ReportLimits, control: WalkControl): Promise<FolderContent> {
  const content: FolderContent = { files: [], skipped: [], bytes: 0 };
  let unlisted = 0;
  const leaveOut = (uri: string, reason: string): void => {
    if (content.skipped.length < limits.maxSkippedListed) content.skipped.push({ uri, reason });
    else unlisted++;
  };
  let stopped: string | undefined;

  const readFile = async (uri: U): Promise<void> => {
    const key = tree.key(uri);
    if (content.files.length >= limits.maxFiles) {
      stopped ??= `stopped after ${limits.maxFiles} files, the report's limit: this file and the rest were not read`;
      return leaveOut(key, stopped);
    }
    const room = limits.maxTotalBytes - content.bytes;
    const size = await tree.size(uri).catch(() => undefined);
    if (size === undefined) return leaveOut(key, 'cannot be read');
    if (size > room) return leaveOut(key, `${formatBytes(size)} would pass the report's limit of ${formatBytes(limits.maxTotalBytes)} in all`);
    control.progress?.(content.files.length, key);
    const bytes = await tree.read(uri).catch(() => undefined);
    if (!bytes) return leaveOut(key, 'cannot be read');
    const decoded = await sourceText(key, bytes, room);
    if ('skipped' in decoded) return leaveOut(key, decoded.skipped);
    // Counted as UTF-16 code units: what the text costs in memory and on the way to the server.
    content.bytes += Math.max(bytes.length, decoded.text.length);
    content.files.push({ uri: key, text: decoded.text });
  };

  const walk = async (folder: U, depth: number): Promise<void> => {
    const key = tree.key(folder);
    const entries = await tree.list(folder).catch(() => undefined);
    if (!entries) return leaveOut(key, 'folder cannot be read');
    for (const [name, kind] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (control.cancelled()) return;
      const uri = tree.child(folder, name);
      if (kind === 'file') await readFile(uri);
      else if (kind === 'folder' && name.startsWith('.')) continue;
      else if (kind === 'folder' && depth >= limits.maxDepth) leaveOut(tree.key(uri), `deeper than ${limits.maxDepth} folder levels, the report's limit`);
      else if (kind === 'folder') await walk(uri, depth + 1);
    }
  };

  for (const root of roots) {
    if (control.cancelled()) break;
    if (root.kind === 'folder') await walk(root.uri, 0);
    else if (root.kind === 'file') await readFile(root.uri);
  }
  if (unlisted > 0) content.skipped.push({ uri: tree.key(roots[0]!.uri), reason: `and ${unlisted} more files or folders left out (not listed)` });
  return content;
}

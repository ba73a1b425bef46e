// Folding in logs: each header block, and each stretch of one SMTP session in a protocol log.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import type { CancellationToken } from '../../common/cancellation';
import { exchangeLogOf } from './exchangeLogDocument';
import { sessionRuns } from '../../formats/protocolLog';

/** Session runs read between two checks of the cancellation token. */
const RUNS_PER_CHECK = 1024;

export function getLogFoldingRanges(document: TextDocument, token?: CancellationToken): FoldingRange[] {
  const log = exchangeLogOf(document);
  if (!log || token?.isCancellationRequested) return [];
  const ranges: FoldingRange[] = [];
  for (const block of log.blocks) {
    if (block.endLine > block.startLine) ranges.push({ startLine: block.startLine, endLine: block.endLine, kind: FoldingRangeKind.Comment });
  }
  if (log.kind === 'protocol') {
    const runs = sessionRuns(log);
    for (let k = 0; k < runs.length; k++) {
      // Only the ranges found so far once the request is cancelled.
      if (k % RUNS_PER_CHECK === RUNS_PER_CHECK - 1 && token?.isCancellationRequested) break;
      const run = runs[k]!;
      const first = log.rows[run.firstRow]!;
      const last = log.rows[run.lastRow]!;
      const endLine = last.line + last.lineCount - 1;
      if (endLine > first.line) ranges.push({ startLine: first.line, endLine, kind: FoldingRangeKind.Region, collapsedText: `session ${run.sessionId}` });
    }
  }
  return ranges.sort((a, b) => a.startLine - b.startLine);
}

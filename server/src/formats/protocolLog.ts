// SMTP protocol log specifics: lines grouped into sessions by session-id.

import type { ExchangeLog } from './exchangeLog';
import { columnKey, type RowGroups, rowGroups } from './exchangeLogIndex';

/** Row indexes of each session, in file order. */
export function sessionRows(log: ExchangeLog): RowGroups {
  return rowGroups(log, columnKey('session-id'));
}

/** A stretch of consecutive rows of one session: sessions interleave, so one session may have several. */
export interface SessionRun {
  readonly sessionId: string;
  readonly firstRow: number;
  readonly lastRow: number;
}

/** Maximal runs of adjacent rows sharing a session-id, in file order. */
export function sessionRuns(log: ExchangeLog): SessionRun[] {
  const runs: SessionRun[] = [];
  const rowSession = new Array<string>(log.rows.length);
  for (const [sessionId, rows] of sessionRows(log)) for (const i of rows) rowSession[i] = sessionId;
  let first = -1;
  for (let i = 0; i <= log.rows.length; i++) {
    const id = i < log.rows.length ? rowSession[i] : undefined;
    if (first >= 0 && id !== rowSession[first]) {
      runs.push({ sessionId: rowSession[first]!, firstRow: first, lastRow: i - 1 });
      first = -1;
    }
    if (first < 0 && id) first = i;
  }
  return runs;
}

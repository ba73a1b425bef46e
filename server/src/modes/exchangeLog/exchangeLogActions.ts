// Quick fix on a failed or deferred recipient: open a ready Get-MessageTrackingLog command for the
// whole message in an untitled PowerShell editor (the client command does the opening).

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CodeAction, CodeActionKind, type Diagnostic } from 'vscode-languageserver-types';
import type { CancellationToken } from '../../common/cancellation';
import { DIAGNOSTIC_SOURCE } from '../shared/problemList';
import { exchangeLogOf } from './exchangeLogDocument';
import { messageTraceScript, type MessageTraceTarget } from '../shared/traceMessageScript';
import { OPEN_POWERSHELL_COMMAND, type OpenPowerShellArgs } from '../../common/protocol';
import type { ExchangeLog, LogRow } from '../../formats/exchangeLog';
import { columnValue, fieldOf, fieldRange, isValidTimestamp, rowAtLine } from '../../formats/exchangeLogLookups';
import { messageKey, messageRows } from '../../formats/trackingLog';

export const TRACE_ACTION_TITLE = 'Trace this message in PowerShell';

/** Diagnostics (by code) that offer the trace. */
const TRACEABLE = new Set(['FAIL', 'DEFER']);

/** Minutes added on each side of the message's first and last rows: servers' clocks and queues drift. */
const MARGIN_MINUTES = 30;

/** Events whose server-hostname is the server that wrote the log, not a next hop or a mailbox server. */
const LOCAL_EVENTS = new Set(['RECEIVE', 'AGENTINFO', 'DSN', 'EXPAND', 'RESOLVE', 'REDIRECT', 'TRANSFER', 'SUBMIT', 'HAREDIRECT']);

export function getLogCodeActions(document: TextDocument, diagnostics: readonly Diagnostic[], token?: CancellationToken): CodeAction[] {
  const log = exchangeLogOf(document);
  if (!log || log.kind !== 'tracking' || token?.isCancellationRequested) return [];
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !TRACEABLE.has(String(diagnostic.code))) continue;
    const rowIndex = rowAtLine(log, diagnostic.range.start.line);
    if (rowIndex < 0) continue;
    const row = log.rows[rowIndex]!;
    if (columnValue(log, row, 'event-id').toUpperCase() !== diagnostic.code) continue;
    const target = traceTarget(log, row);
    if (!target || seen.has(target.messageId)) continue;
    seen.add(target.messageId);
    const text = messageTraceScript(target);
    if (!text) continue;
    actions.push({
      title: TRACE_ACTION_TITLE,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: TRACE_ACTION_TITLE, command: OPEN_POWERSHELL_COMMAND, arguments: [{ text } satisfies OpenPowerShellArgs] },
    });
  }
  return actions;
}

/** The message of a row, its server and the time window of all its rows in this log. */
export function traceTarget(log: ExchangeLog, row: LogRow): MessageTraceTarget | undefined {
  const messageId = columnValue(log, row, 'message-id');
  if (!messageId) return undefined;
  const rows = (messageRows(log).get(messageKey(log, row)) ?? [])
    .map((i) => log.rows[i]!)
    .filter((r) => columnValue(log, r, 'message-id') === messageId);
  let first = Infinity;
  let last = -Infinity;
  for (const r of rows) {
    const field = fieldOf(r, 'date-time');
    if (field < 0) continue;
    const { start, end } = fieldRange(log, field);
    if (!isValidTimestamp(log.text, start, end)) continue;
    const time = Date.parse(log.text.slice(start, end));
    if (time < first) first = time;
    if (time > last) last = time;
  }
  if (first === Infinity) return undefined;
  const margin = MARGIN_MINUTES * 60_000;
  const server = rows.filter((r) => LOCAL_EVENTS.has(columnValue(log, r, 'event-id').toUpperCase()))
    .map((r) => columnValue(log, r, 'server-hostname'))
    .find(Boolean);
  return {
    messageId,
    ...(server ? { server } : {}),
    start: isoSeconds(Math.floor((first - margin) / 1000)),
    end: isoSeconds(Math.ceil((last + margin) / 1000)),
  };
}

/** "2026-11-23T08:44:02Z": whole seconds, which Get-MessageTrackingLog's -Start and -End accept. */
function isoSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

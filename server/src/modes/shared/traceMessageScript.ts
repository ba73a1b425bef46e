// The PowerShell for the "Trace this message in PowerShell" quick fix: the shared snippet
// mf-track-msgid-window (snippets/exchange-powershell.json, the only copy of the command) with the
// message's values in its placeholders. Values come from a log file, written by whoever sent the
// mail: each is checked for shape and becomes a PowerShell literal (text/powerShell.ts), the only
// form in which a value enters the script. The script is only shown to the user, never run by us.

import { cleanDocumentValue, snippetByPrefix } from '../../knowledge/investigations';
import { powerShellValueFills, renderSnippetBody } from '../../knowledge/snippetText';
import { powerShellLiteral } from '../../text/powerShell';

export const TRACE_SNIPPET_PREFIX = 'mf-track-msgid-window';

/** The snippet's placeholders, by tab-stop index. */
const PLACEHOLDER = { server: 1, messageId: 2, start: 3, end: 4 } as const;

export interface MessageTraceTarget {
  readonly messageId: string;
  /** The transport server whose log this is, when the log names it. */
  readonly server?: string;
  /** ISO 8601 UTC times (whole seconds) bracketing the message's rows. */
  readonly start: string;
  readonly end: string;
}

const SERVER_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}[A-Za-z0-9])?$/;
const ISO_SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** The filled command, or undefined when a value does not have a safe shape (the fix is then not offered). */
export function messageTraceScript(target: MessageTraceTarget): string | undefined {
  const snippet = snippetByPrefix(TRACE_SNIPPET_PREFIX);
  const messageId = cleanDocumentValue('messageId', target.messageId);
  if (!snippet || !messageId || !ISO_SECONDS.test(target.start) || !ISO_SECONDS.test(target.end)) return undefined;
  // The Message-ID goes between the quotes the snippet writes around its placeholder.
  const fills = powerShellValueFills(snippet.body, new Map([[PLACEHOLDER.messageId, messageId]]));
  // The other placeholders hold whole arguments (the default server is `-Server EX01`, the default
  // times are Get-Date expressions): each is replaced by an argument whose value is a literal.
  const server = target.server !== undefined && SERVER_NAME.test(target.server) ? powerShellLiteral(target.server) : undefined;
  const start = powerShellLiteral(target.start);
  const end = powerShellLiteral(target.end);
  if (!fills.has(PLACEHOLDER.messageId) || start === undefined || end === undefined) return undefined;
  fills.set(PLACEHOLDER.server, server === undefined ? '' : ` -Server ${server}`);
  fills.set(PLACEHOLDER.start, start);
  fills.set(PLACEHOLDER.end, end);
  return `${renderSnippetBody(snippet.body, fills)}\n`;
}

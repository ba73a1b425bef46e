// Quick fix on a bounced, expired or deferred recipient: "Trace this message" opens a shell script
// with the commands that follow its queue id (the client command does the opening).

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CodeAction, CodeActionKind, type Diagnostic } from 'vscode-languageserver-types';
import type { CancellationToken } from '../../common/cancellation';
import type { ProblemFields } from '../../common/problemFields';
import { OPEN_POWERSHELL_COMMAND, type OpenPowerShellArgs } from '../../common/protocol';
import { DIAGNOSTIC_SOURCE } from '../shared/problemList';
import { TRACEABLE_PROBLEMS } from './mailLogDiagnostics';
import { mailLogIndexOf } from './mailLogIndex';
import { traceShellScript } from './traceShellScript';

export const TRACE_SHELL_ACTION_TITLE = 'Trace this message (shell script)';

export function getMailLogCodeActions(document: TextDocument, diagnostics: readonly Diagnostic[], token?: CancellationToken): CodeAction[] {
  if (token?.isCancellationRequested) return [];
  const index = mailLogIndexOf(document);
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !TRACEABLE_PROBLEMS.has(String(diagnostic.code))) continue;
    // The trail is found from the line, not from the diagnostic's data: the client may send back anything.
    const trail = index.trails[index.lineTrail[diagnostic.range.start.line] ?? -1];
    const fields = diagnostic.data as ProblemFields | undefined;
    if (!trail || (fields?.queueid !== undefined && fields.queueid !== trail.id) || seen.has(trail.id)) continue;
    seen.add(trail.id);
    const text = traceShellScript({ system: trail.system, id: trail.id, instance: trail.instance || undefined, messageId: trail.messageId });
    if (!text) continue;
    actions.push({
      title: TRACE_SHELL_ACTION_TITLE,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: TRACE_SHELL_ACTION_TITLE, command: OPEN_POWERSHELL_COMMAND, arguments: [{ text, language: 'shellscript' } satisfies OpenPowerShellArgs] },
    });
  }
  return actions;
}

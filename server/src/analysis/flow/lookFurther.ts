// The command beside each row of the deferral queue that looks further at it. A family may build
// its own (FlowRecords.lookFurther: the mail-log family gives the shell script of its "Trace this
// message" quick fix); for the Exchange families it is the PowerShell snippet that searches a
// recipient's mail (snippets/exchange-powershell.json, the only copy of each command) with the
// recipient filled in as a PowerShell literal. Never run by us.

import { EMAIL, MESSAGE_TRACE, PROTOCOL_LOG, TRACKING_LOG } from '../../common/languages';
import type { FlowCommand, FlowRecipient, FlowRecords } from '../../common/mailFlow';
import { cleanDocumentValue, snippetByPrefix } from '../../knowledge/investigations';
import { powerShellValueFills, renderSnippetBody } from '../../knowledge/snippetText';

/** Snippet that searches one recipient's mail, and its placeholder for the address, by source language. */
const RECIPIENT_SEARCH: Readonly<Record<string, { readonly prefix: string; readonly placeholder: number }>> = {
  // On-premises Exchange (tracking and protocol logs): Get-MessageTrackingLog -Recipients '...'.
  [TRACKING_LOG]: { prefix: 'mf-track-recipient', placeholder: 2 },
  [PROTOCOL_LOG]: { prefix: 'mf-track-recipient', placeholder: 2 },
  // Exchange Online: Get-MessageTraceV2 -RecipientAddress '...'.
  [MESSAGE_TRACE]: { prefix: 'mf-exo-trace-recipient', placeholder: 1 },
  // A bounce names no queue of ours; the recipient's trace in Exchange Online is the common next step.
  [EMAIL]: { prefix: 'mf-exo-trace-recipient', placeholder: 1 },
};

/** The command for a deferred recipient of a source read by `language`, or undefined when none fits safely. */
export function lookFurther(language: string, records: FlowRecords, recipient: FlowRecipient): FlowCommand | undefined {
  if (records.lookFurther) return records.lookFurther(recipient);
  const search = RECIPIENT_SEARCH[language];
  const snippet = search && snippetByPrefix(search.prefix);
  const address = cleanDocumentValue('recipient', recipient.recipient);
  if (!search || !snippet || address === undefined) return undefined;
  const fills = powerShellValueFills(snippet.body, new Map([[search.placeholder, address]]));
  if (!fills.has(search.placeholder)) return undefined;
  return { language: 'powershell', text: `${renderSnippetBody(snippet.body, fills)}\n` };
}

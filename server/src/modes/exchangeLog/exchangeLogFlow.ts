// The mail flow report's records of an Exchange log (#15): the tracking log's messages and
// recipients, or the protocol log's refused clients, deferrals and accepted messages.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationToken, YieldControl } from '../../common/cancellation';
import type { FlowRecords } from '../../common/mailFlow';
import { productPreference } from '../../analysis/productContext';
import { exchangeLogOf } from './exchangeLogDocument';
import { protocolLogFlow } from './protocolLogFlow';
import { trackingLogFlow } from './trackingLogFlow';

const NOTHING: FlowRecords = { messages: [], recipients: [], rejections: [], notes: [] };

/** The records of the document's log; empty when cancelled or not an Exchange log. */
export async function exchangeLogFlow(document: TextDocument, token: CancellationToken | undefined, yieldControl: YieldControl): Promise<FlowRecords> {
  const log = exchangeLogOf(document);
  if (!log || token?.isCancellationRequested) return NOTHING;
  const prefer = productPreference(document);
  const records = log.kind === 'protocol'
    ? await protocolLogFlow(log, prefer, token, yieldControl)
    : await trackingLogFlow(log, prefer, token, yieldControl);
  return records ?? NOTHING;
}

// One recipient's code read once, for its problem and its part of the summary: the explanation of
// its status (with the product readings of whoever wrote the reply) and the one-line message.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { bounceReasons } from '../../knowledge/data/bounceReasons';
import type { Product } from '../../knowledge/model';
import { productPreference } from '../productContext';
import { explainReply, type ReplyExplanation } from '../replyExplanation';
import { productsOf } from '../writerOf';
import type { RecipientOutcome } from './bounceAnalysis';
import { lowerCaseLead } from '../../text/sentences';

export interface RecipientReading {
  readonly explanation: ReplyExplanation | undefined;
  /** "bob@contoso.com: 5.1.10 recipient not found (userunknown, hard bounce). Fix: sender checks the address" */
  readonly message: string;
}

export function readRecipient(document: TextDocument, outcome: RecipientOutcome): RecipientReading {
  const explanation = outcome.status || outcome.replyCode
    ? explainReply(
      { enhanced: outcome.status?.value, basic: outcome.replyCode?.value, transport: outcome.transport?.value },
      { prefer: productsFor(document, outcome), reply: outcome.diagnostic?.value, hosts: outcome.remoteMta ? [outcome.remoteMta.value] : [] },
    )
    : undefined;
  return { explanation, message: recipientMessage(outcome, explanation) };
}

/**
 * Product readings apply when Exchange itself wrote the code (a transport string, or an Exchange
 * server named by the reply or as the remote server); a code an Exchange server only relays keeps
 * its standard meaning, and so does a reply from consumer Outlook.com.
 */
export function productsFor(document: TextDocument, outcome: RecipientOutcome): readonly Product[] {
  if (outcome.transport) return productPreference(document);
  const hosts = outcome.remoteMta ? [outcome.remoteMta.value] : [];
  const texts = outcome.diagnostic ? [outcome.diagnostic.value] : [];
  return productsOf({ hosts, texts }).length > 0 ? productPreference(document) : [];
}

/**
 * Hard, or a permanent failure that is not about the address (a DMARC reject, a block list), said
 * as such: "soft bounce" would read as "will be retried". Only a transient failure is soft.
 */
export function bounceKind(outcome: RecipientOutcome): string {
  if (outcome.hard) return 'hard bounce';
  return outcome.permanent ? 'permanent, the address itself is fine' : 'soft bounce';
}

function recipientMessage(outcome: RecipientOutcome, explanation: ReplyExplanation | undefined): string {
  const entry = bounceReasons[outcome.reason];
  const code = outcome.status?.value ?? outcome.replyCode?.value;
  // A bare "5.0.0" only says "failed": the reason found in the reply's words says more.
  const generic = outcome.status !== undefined && /^\d\.0\.0$/.test(outcome.status.value) && outcome.reason !== 'undefined';
  const what = explanation && !generic ? lowerCaseLead(explanation.title) : entry.title;
  const head = `${outcome.recipient.value}: ${code ? `${code} ` : ''}${what}`;
  if (outcome.action !== 'failed' && outcome.action !== 'delayed') return `${head} (${outcome.action})`;
  const bounce = outcome.action === 'delayed' ? 'delayed, still retrying' : bounceKind(outcome);
  // The reading the reply chose names its own first step (Yahoo's TSS04: slow down), more exact than the reason's.
  const fix = explanation?.act ?? entry.fix;
  const note = outcome.conflict ? `. Note: ${outcome.conflict}` : '';
  return `${head} (${outcome.reason}, ${bounce}). Fix: ${fix}${note}`;
}

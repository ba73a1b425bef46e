// Which product most likely wrote a document, so its own reading of a code comes first:
// 5.1.10 is "recipient not found" in an Exchange Online NDR but "null MX" in the RFC.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Product } from '../knowledge/model';
import { MAIL_LOG, MESSAGE_TRACE, PROTOCOL_LOG, TRACKING_LOG } from '../common/languages';
import { perVersion } from '../common/perVersion';
import { mailSystem } from '../knowledge/mailSystems';
import { productsOf } from './writerOf';

/** Only the head is read: headers and log directives say who wrote it, and hover cost stays bounded. */
const HEAD_CHARS = 32 * 1024;
const EXCHANGE_LOG_PRODUCTS: readonly Product[] = mailSystem('exchange-server').products;

export const productPreference: (document: TextDocument) => readonly Product[] = perVersion(detect);

/**
 * The preference for a code on one line. A Postfix or Exim log, or pasted text, mixes many
 * writers: there only the line itself can say that Exchange wrote the reply; a bounce or an
 * Exchange log has one writer for the whole document.
 */
export function productPreferenceOnLine(document: TextDocument, line: string): readonly Product[] {
  return document.languageId === 'log' || document.languageId === 'plaintext' || document.languageId === MAIL_LOG ? productsOf({ texts: [line] }) : productPreference(document);
}

function detect(document: TextDocument): readonly Product[] {
  if (document.languageId === TRACKING_LOG || document.languageId === PROTOCOL_LOG) return EXCHANGE_LOG_PRODUCTS;
  if (document.languageId === MESSAGE_TRACE) return mailSystem('exchange-online').products;
  return productsOf({ texts: [document.getText({ start: { line: 0, character: 0 }, end: document.positionAt(HEAD_CHARS) })] });
}

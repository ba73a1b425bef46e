// One reading of an e-mail document shared by its diagnostics, hovers, hop hints and summary,
// cached per document version (common/perVersion.ts).

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { perVersion } from '../../common/perVersion';
import { readEmail } from '../../analysis/bounce/analyzeBounce';
import type { MessageView } from '../../formats/bounce/messageView';
import type { Span } from '../../formats/bounce/model';
import type { BounceAnalysis } from '../../analysis/bounce/bounceAnalysis';
import { authVerdicts, type AuthVerdict } from '../../formats/mime/authResults';
import type { HeaderField } from '../../formats/mime/headers';
import type { MappedText } from '../../formats/mime/mappedText';
import { readReceivedChain, type HopChain } from '../../formats/mime/receivedChain';

export interface LabelledChain {
  /** "this message" for the bounce itself, "the returned message" for the original. */
  readonly label: string;
  readonly chain: HopChain;
}

export interface AuthHeader {
  readonly field: HeaderField;
  readonly map: MappedText;
  readonly verdicts: readonly AuthVerdict[];
}

export interface EmailDocument {
  readonly view: MessageView;
  readonly analysis: BounceAnalysis;
  /** Raw ranges holding header fields (message and part headers, DSN fields, returned headers), sorted. */
  readonly headerRegions: readonly Span[];
  readonly chains: readonly LabelledChain[];
  readonly authHeaders: readonly AuthHeader[];
}

const AUTH_KEYS = new Set(['authentication-results', 'arc-authentication-results', 'received-spf']);
export const emailDocument: (document: TextDocument) => EmailDocument = perVersion((document) => read(document.getText()));

function read(text: string): EmailDocument {
  const { view, analysis } = readEmail(text);
  const regions: Span[] = [];
  for (const node of view.mime.nodes) regions.push({ start: node.headers.start, end: node.headers.end });
  for (const dsn of view.deliveryStatus) regions.push({ start: dsn.toRaw(0), end: dsn.toRaw(dsn.text.length) });
  for (const report of view.feedbackReport) regions.push({ start: report.toRaw(0), end: report.toRaw(report.text.length) });
  if (view.original) regions.push({ start: view.original.map.toRaw(view.original.block.start), end: view.original.map.toRaw(view.original.block.end) });
  regions.sort((a, b) => a.start - b.start);

  const chains: LabelledChain[] = [{ label: 'this message', chain: readReceivedChain(view.top.block, view.top.map) }];
  if (view.original) chains.push({ label: 'the returned message', chain: readReceivedChain(view.original.block, view.original.map) });

  const authHeaders: AuthHeader[] = [];
  for (const source of [view.top, ...(view.original ? [view.original] : [])]) {
    for (const field of source.block.fields) {
      if (AUTH_KEYS.has(field.key)) authHeaders.push({ field, map: source.map, verdicts: authVerdicts(field) });
    }
  }
  return { view, analysis, headerRegions: regions, chains: chains.filter((c) => c.chain.hops.length > 0), authHeaders };
}

/** True when the raw offset lies in a header region. Regions can nest (a returned message's headers inside a part), so all are checked. */
export function inHeaderRegion(email: EmailDocument, offset: number): boolean {
  return email.headerRegions.some((r) => r.start <= offset && offset <= r.end);
}

// The structured fields of a problem (common/problemFields.ts) that come from a reply and its
// explanation, filled the same way by every family that reports replies.

import type { ReplyMention } from '../../detection/replyScanner';
import type { ReplyExplanation } from '../../analysis/replyExplanation';
import type { ProblemFields } from '../../common/problemFields';

/** Longest reply text kept in `diagnosticcode`: a hostile field may be megabytes long. */
const MAX_DIAGNOSTIC_CHARS = 500;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The codes of a reply as written, with what its explanation says about permanence and who acts. */
export function replyFields(
  codes: { readonly basic?: string | undefined; readonly enhanced?: string | undefined; readonly transport?: string | undefined },
  explanation: ReplyExplanation | undefined,
  replyText?: string,
): ProblemFields {
  const fields: Mutable<ProblemFields> = {};
  if (codes.enhanced) fields.deliverystatus = codes.enhanced;
  if (codes.basic) fields.replycode = codes.basic;
  if (codes.transport) fields.transportstring = codes.transport;
  if (replyText) fields.diagnosticcode = boundedText(replyText);
  if (explanation?.permanence === 'permanent') fields.hardbounce = true;
  else if (explanation?.permanence === 'transient') fields.hardbounce = false;
  const actor = explanation?.actors[0];
  if (actor) fields.whoacts = actor;
  return fields;
}

/** The codes of a scanned reply mention, as replyFields takes them. */
export function mentionCodes(mention: ReplyMention | undefined): { basic?: string; enhanced?: string; transport?: string } {
  if (!mention) return {};
  return {
    ...(mention.basic ? { basic: mention.basic.text } : {}),
    ...(mention.enhanced ? { enhanced: mention.enhanced.text } : {}),
    ...(mention.transport ? { transport: mention.transport.text } : {}),
  };
}

export function boundedText(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > MAX_DIAGNOSTIC_CHARS ? `${trimmed.slice(0, MAX_DIAGNOSTIC_CHARS - 3)}...` : trimmed;
}

/** A Message-ID without its angle brackets. */
export function bareMessageId(value: string): string {
  const trimmed = value.trim();
  return trimmed.startsWith('<') && trimmed.endsWith('>') ? trimmed.slice(1, -1) : trimmed;
}

/** Drops empty values, so a record holds only what the source said. */
export function presentFields(fields: Record<string, string | boolean | undefined>): ProblemFields {
  const out: Record<string, string | boolean> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined && value !== '') out[key] = value;
  return out as ProblemFields;
}

/** A date as ISO 8601 when it reads as one (RFC 5322 dates in bounces do), else as written. */
export function isoOrAsWritten(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString() : boundedText(value);
}

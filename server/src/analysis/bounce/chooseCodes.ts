// Which status code describes a recipient's failure, among those the bounce states
// (formats/bounce/replyEvidence.ts): the most specific one wins, and a reply quoted inside another
// reply (the remote server's own words inside a relay's summary) beats the summary.

import { parseEnhancedCode } from '../../knowledge/statusCode';
import type { Located } from '../../formats/bounce/model';
import type { CodeEvidence } from '../../formats/bounce/replyEvidence';

/** Specificity of the codes seen, by their text: a report repeats a few codes thousands of times. Emptied when full. */
const specificityOf = new Map<string, number>();
const MAX_SPECIFICITIES = 1024;

/** 0 for x.0.0, 1 when subject or detail is set, 2 when both are. */
export function specificity(code: string): number {
  let known = specificityOf.get(code);
  if (known === undefined) {
    const parsed = parseEnhancedCode(code);
    known = parsed ? (parsed.subject > 0 ? 1 : 0) + (parsed.detail > 0 ? 1 : 0) : -1;
    if (specificityOf.size >= MAX_SPECIFICITIES) specificityOf.clear();
    specificityOf.set(code, known);
  }
  return known;
}

export interface ChosenCodes {
  readonly enhanced?: Located;
  readonly basic?: Located;
  readonly transport?: Located;
  /** The evidence the enhanced code came from. */
  readonly from?: CodeEvidence;
  readonly conflict?: string;
}

/**
 * Picks the enhanced code, the reply code and the transport string for one recipient.
 * `expectClass` is the class the action implies ("5" for failed, "4" for delayed, "2" for delivered).
 */
export function chooseCodes(evidence: readonly CodeEvidence[], expectClass: '2' | '4' | '5' | undefined): ChosenCodes {
  const failing = expectClass === '4' || expectClass === '5';
  // A success line inside a failure transcript ("250 2.1.0 Sender ok") is not the outcome.
  let usable = evidence.filter((e) => {
    const cls = (e.enhanced?.value ?? e.basic?.value ?? '')[0];
    return !(failing && (cls === '2' || cls === '3'));
  });
  // An out-of-sequence reply ("503 5.5.1 RCPT first" to DATA after every recipient was refused) is
  // not the cause: any other reply says more.
  if (failing && usable.some((e) => isOutOfSequence(e)) && usable.some((e) => !isOutOfSequence(e) && e.source !== 'status-field')) {
    usable = usable.filter((e) => !isOutOfSequence(e) && !(e.source === 'status-field' && e.enhanced?.value.endsWith('.5.1')));
  }
  const withEnhanced = usable.filter((e) => e.enhanced && specificity(e.enhanced.value) >= 0);
  // Whose words a code is decides first: a reply quoted inside the diagnostic, then the remote
  // server's reply (Diagnostic-Code, "<<< 550 ...", "said: 550 ..."), then the Status field the
  // reporting MTA derived, then codes the reporting MTA printed itself. Specificity breaks ties.
  const rank = (e: CodeEvidence): number => {
    if (e.source === 'diagnostic-code') return e.nested ? 6 : 5;
    // A bare x.0.0 Status says only "failed"; any code with a subject says more.
    if (e.source === 'status-field') return specificity(e.enhanced!.value) === 0 ? 2.5 : 4;
    return e.nested || e.remote ? 4.5 : 3;
  };
  const score = (e: CodeEvidence): number => {
    let s = rank(e) * 10 + specificity(e.enhanced!.value) * 2;
    // A reply code whose class differs from its enhanced code ("550 4.4.7") is a summary, not the cause.
    if (e.basic && e.basic.value[0] !== e.enhanced!.value[0]) s -= 15;
    return s;
  };
  let best: CodeEvidence | undefined;
  let bestScore = -Infinity;
  for (const e of withEnhanced) {
    const s = score(e);
    if (!best || s > bestScore || (s === bestScore && e.order < best.order)) { best = e; bestScore = s; }
  }
  const status = usable.find((e) => e.source === 'status-field' && e.enhanced);
  let conflict: string | undefined;
  if (best && status && status !== best && status.enhanced!.value !== best.enhanced!.value) {
    const kept = best.enhanced!.value;
    const why = specificity(kept) > specificity(status.enhanced!.value) ? 'as the more specific' : 'as the receiving server\'s own reply';
    conflict = `The Status field says ${status.enhanced!.value} but the diagnostic text says ${kept}; ${kept} is kept ${why}.`;
  }
  const enhancedValue = best?.enhanced?.value;
  // The reply code: the chosen reply's own, else the first reply of the same class.
  const basic = best?.basic
    ?? usable.find((e) => e.basic && !e.continuation && (!enhancedValue || e.basic.value[0] === enhancedValue[0]))?.basic
    ?? usable.find((e) => e.basic)?.basic;
  const transport = best?.transport ?? usable.find((e) => e.transport)?.transport;
  return { enhanced: best?.enhanced, basic, transport, from: best, conflict };
}

/** A "bad sequence of commands" reply. */
export const isOutOfSequence = (e: CodeEvidence): boolean => e.basic?.value === '503';

// Which status code describes a recipient's failure. Codes come from the Status field, the
// Diagnostic-Code and the report text; all are found by the same scanner the hovers use
// (detection/replyScanner). The most specific one wins, and a reply quoted inside another reply
// (the remote server's own words inside a relay's summary) beats the summary.

import { forEachReply, type ReplyMention } from '../../detection/replyScanner';
import { parseEnhancedCode } from '../../knowledge/statusCode';
import { lineAt } from '../mime/lines';
import type { Located } from './model';

export type EvidenceSource = 'status-field' | 'diagnostic-code' | 'report-text';

export interface CodeEvidence {
  readonly source: EvidenceSource;
  readonly enhanced?: Located;
  readonly basic?: Located;
  readonly transport?: Located;
  /** True when the reply sits inside another reply on the same line ("... expired <421 4.4.2 ...>"). */
  readonly nested: boolean;
  /** True for a line of a multi-line reply that is not its last ("550-5.1.1 ..."). */
  readonly continuation: boolean;
  /** True when the text presents it as the remote server's own words ("<<< 550 ...", "said: 550 ..."). */
  readonly remote: boolean;
  /** Order of discovery, for ties. */
  readonly order: number;
}

/**
 * Codes on one line of text; `toRaw` maps offsets in `line` to the raw document. A reply repeated on
 * the line with the same codes and the same standing (nested, continuation, remote) is kept once, at
 * its first place: every choice made from the evidence takes the first of equal ones, and a line of
 * thousands of replies would otherwise keep thousands of copies alive while the report is read.
 */
export function evidenceInLine(line: string, toRaw: (offset: number) => number, source: EvidenceSource, orderBase: number): CodeEvidence[] {
  const found: CodeEvidence[] = [];
  // Made at the second reply: most lines hold one at most.
  let seen: Set<string> | undefined;
  let firstKey: string | undefined;
  // Once per line, not per reply: a line of thousands of replies would read its leading blanks again each time.
  const transcriptLine = /^\s*<<</.test(line);
  const located = (token: ReplyMention['basic']): Located | undefined =>
    token ? { value: token.text, span: { start: toRaw(token.start), end: toRaw(token.end) } } : undefined;
  let previous: ReplyMention | undefined;
  let index = 0;
  forEachReply(line, (mention) => {
    const i = index++;
    const nested = previous !== undefined && isNestedAfter(line, previous.end, mention.start);
    previous = mention;
    const continuation = mention.basic !== undefined && line.charCodeAt(mention.basic.end) === 45;
    const remote = transcriptLine || REMOTE_LEAD.test(line.slice(Math.max(0, mention.start - 60), mention.start));
    const key = `${mention.enhanced?.text ?? ''}|${mention.basic?.text ?? ''}|${mention.transport?.text ?? ''}|${nested}|${continuation}|${remote}`;
    if (i === 0) firstKey = key;
    else {
      seen ??= new Set([firstKey!]);
      if (seen.has(key)) return;
      seen.add(key);
    }
    found.push({
      source,
      enhanced: located(mention.enhanced),
      basic: located(mention.basic),
      transport: located(mention.transport),
      nested,
      continuation,
      remote,
      order: orderBase + i,
    });
  });
  return found;
}

/** Lines of a recipient's block read for codes: the reply sits next to the recipient, and a block can run to the end of a long report. */
const MAX_EVIDENCE_LINES = 80;

/** Codes on the lines of `text[from, to)` (the first MAX_EVIDENCE_LINES of them). */
export function evidenceInText(text: string, from: number, to: number, toRaw: (offset: number) => number, source: EvidenceSource, orderBase: number): CodeEvidence[] {
  const found: CodeEvidence[] = [];
  let pos = from;
  let lines = 0;
  while (pos < to && lines++ < MAX_EVIDENCE_LINES) {
    const line = lineAt(text, pos, to);
    if (line.end > line.start && mayHoldCode(text, line.start, line.end)) {
      const start = line.start;
      found.push(...evidenceInLine(text.slice(start, line.end), (o) => toRaw(start + o), source, orderBase + found.length));
    }
    pos = line.next;
  }
  return found;
}

/** Words that introduce the remote server's reply on the same line. */
const REMOTE_LEAD = /(?:said|returned|responded with|reason|response|error|failed with|failure)\s{0,3}:?\s{0,3}['"(\[]?\s{0,3}$|\]:\s{0,3}$|@[\w.-]{1,100}>?:\s{0,3}$/i;

/** False when a line has neither a digit nor an upper-case word followed by a dot: no code or transport string can be on it. */
function mayHoldCode(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
    if (c === 46 && i > from && text.charCodeAt(i - 1) >= 65 && text.charCodeAt(i - 1) <= 90) return true;
  }
  return false;
}

/** A second reply is quoted inside the first when an opening bracket or quote stands between them. */
function isNestedAfter(line: string, from: number, to: number): boolean {
  const between = line.slice(from, to);
  return /[<([{'"]\s*$/.test(between) || /(?:said|returned|responded|reply|error|response)\s*:?\s*['"]?\s*$/i.test(between.slice(-40));
}

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
  const usable = evidence.filter((e) => {
    const cls = (e.enhanced?.value ?? e.basic?.value ?? '')[0];
    return !(failing && (cls === '2' || cls === '3'));
  });
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

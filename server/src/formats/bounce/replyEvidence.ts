// The status codes a bounce states for a recipient, with where and how each is written: in the
// Status field, the Diagnostic-Code or the report text, found by the same scanner the hovers use
// (detection/replyScanner). analysis/bounce/chooseCodes.ts decides which one describes the failure.

import { CharCode } from '../../common/charCode';
import { forEachReply, type ReplyMention } from '../../detection/replyScanner';
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
    const continuation = mention.basic !== undefined && line.charCodeAt(mention.basic.end) === CharCode.Dash;
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
export function evidenceInText(
  text: string, from: number, to: number, toRaw: (offset: number) => number, source: EvidenceSource, orderBase: number,
): CodeEvidence[] {
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
const REMOTE_LEAD = /(?:said|returned|responded with|reason|response|error|failed with|failure)\s{0,3}:?\s{0,3}['"([]?\s{0,3}$|\]:\s{0,3}$|@[\w.-]{1,100}>?:\s{0,3}$/i;

/** False when a line has neither a digit nor an upper-case word followed by a dot: no code or transport string can be on it. */
function mayHoldCode(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= CharCode.Digit0 && c <= CharCode.Digit9) return true;
    if (c === CharCode.Dot && i > from && text.charCodeAt(i - 1) >= CharCode.UpperA && text.charCodeAt(i - 1) <= CharCode.UpperZ) return true;
  }
  return false;
}

/** A second reply is quoted inside the first when an opening bracket or quote stands between them. */
function isNestedAfter(line: string, from: number, to: number): boolean {
  const between = line.slice(from, to);
  return /[<([{'"]\s*$/.test(between) || /(?:said|returned|responded|reply|error|response)\s*:?\s*['"]?\s*$/i.test(between.slice(-40));
}

// The MIME structure of a message in one pass over its lines: multipart/* with their boundaries,
// message/rfc822 and message/global entities, and every part's exact raw offsets. Linear in the
// size of the message whatever its shape: a boundary line is matched against the open boundaries
// only, nesting and part counts are capped, and a missing closing boundary (common: bounces cut
// the returned message short) ends the part at its parent's next boundary or the message end.

import { parseStructured } from './contentType';
import { header, parseHeaderBlock, type HeaderBlock } from './headers';
import { CharCode } from '../../common/charCode';
import { endBeforeBreak, isSpaceOrTab, LineBreakFinder, lineAt, pastBreak, type LineSpan } from './lines';

export interface MimeNode {
  /** Position in document order, 0 for the message itself. */
  readonly index: number;
  readonly depth: number;
  readonly parent: MimeNode | undefined;
  readonly headers: HeaderBlock;
  /** Lower-case "type/subtype"; text/plain when missing (message/rfc822 inside multipart/digest). */
  readonly contentType: string;
  /** Content-Type parameters, names in lower case. */
  readonly params: ReadonlyMap<string, string>;
  /** Lower-case Content-Transfer-Encoding, "7bit" when missing. */
  readonly transferEncoding: string;
  /** Raw offset of the part's first header line. */
  readonly start: number;
  readonly bodyStart: number;
  /** Raw offset just past the body (the line break before the next boundary excluded). */
  bodyEnd: number;
  /** Multipart children, or the one entity a message/rfc822 part holds. */
  readonly children: readonly MimeNode[];
}

export interface MimeProblem {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

export interface MimeMessage {
  readonly root: MimeNode;
  /** Every node in document order. */
  readonly nodes: readonly MimeNode[];
  readonly problems: readonly MimeProblem[];
}

/** Deeper structures are read as plain bodies: real mail nests a handful of levels. */
export const MAX_DEPTH = 50;
/** Parts beyond this count are not split out. */
export const MAX_PARTS = 20_000;

const EMBEDDED_MESSAGE = new Set(['message/rfc822', 'message/global', 'message/partial-no']);

// Shared by every part that has none: a part costs the tree only what it holds, and 20,000 parts of a
// hostile message that each kept their own empty map and array made the garbage collector's work
// grow faster than the message.
const NO_PARAMS: ReadonlyMap<string, string> = new Map();
const NO_CHILDREN: readonly MimeNode[] = Object.freeze([]);
const NO_TYPE = { value: '', params: NO_PARAMS };

/** "Base64 (comment)" -> "base64"; "7bit" when missing. */
function transferEncodingOf(value: string | undefined): string {
  if (!value) return '7bit';
  const word = /^\s{0,20}([A-Za-z0-9-]{1,40})/.exec(value);
  return word ? word[1]!.toLowerCase() : '7bit';
}

/** Appends `child` to its parent's children, giving the parent an array of its own at its first child. */
function adopt(parent: MimeNode, child: MimeNode): void {
  if (parent.children === NO_CHILDREN) (parent as { children: readonly MimeNode[] }).children = [child];
  else (parent.children as MimeNode[]).push(child);
}

export interface MimeOptions {
  /**
   * Whether to split a multipart that sits inside an embedded message (message/rfc822). A bounce
   * reader needs only the returned message's headers, plus the parts of a report returned inside
   * another report; skipping the rest saves most of the work on large returned messages.
   */
  readonly openEmbeddedMultipart?: (node: MimeNode) => boolean;
}

export function parseMime(text: string, options: MimeOptions = {}): MimeMessage {
  const n = text.length;
  const nodes: MimeNode[] = [];
  const problems: MimeProblem[] = [];
  /** Open multiparts, outermost first. */
  const open: { node: MimeNode; boundary: string }[] = [];
  /** Open entities from the root to the innermost, so a boundary can end all of them at once. */
  const chain: MimeNode[] = [];
  let longestBoundary = 0;
  let depthWarned = false;
  let partsWarned = false;

  const delimiterOf = (line: LineSpan): { at: number; closing: boolean } | undefined => {
    if (open.length === 0 || line.end - line.start < 3 || !startsWithTwoDashes(text, line.start)) return undefined;
    let stop = line.end;
    while (stop > line.start + 2 && isSpaceOrTab(text.charCodeAt(stop - 1))) stop--;
    if (stop - line.start - 2 > longestBoundary + 2) return undefined;
    const candidate = text.slice(line.start + 2, stop);
    for (let k = open.length - 1; k >= 0; k--) {
      const { boundary } = open[k]!;
      if (candidate === boundary) return { at: k, closing: false };
      if (candidate.length === boundary.length + 2 && candidate.startsWith(boundary) && candidate.endsWith('--')) return { at: k, closing: true };
    }
    return undefined;
  };

  const breaks = new LineBreakFinder(text);
  const isDelimiter = (line: LineSpan): boolean => delimiterOf(line) !== undefined;
  const openEntity = (start: number, parent: MimeNode | undefined, defaultType: string): MimeNode => {
    const headers = parseHeaderBlock(text, start, n, isDelimiter, breaks);
    // Content-Type values hold no encoded words; parseStructured copes with the folding blanks.
    const typeField = header(headers, 'content-type');
    const type = typeField ? parseStructured(typeField.value) : NO_TYPE;
    const contentType = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type.value) ? type.value : defaultType;
    const node: MimeNode = {
      index: nodes.length,
      depth: parent ? parent.depth + 1 : 0,
      parent,
      headers,
      contentType,
      params: type.params.size > 0 ? type.params : NO_PARAMS,
      transferEncoding: transferEncodingOf(header(headers, 'content-transfer-encoding')?.value),
      start,
      bodyStart: headers.bodyStart,
      bodyEnd: n,
      children: NO_CHILDREN,
    };
    nodes.push(node);
    if (parent) adopt(parent, node);
    chain.push(node);
    return node;
  };

  const isEmbedded = (node: MimeNode): boolean => {
    for (let p = node.parent; p; p = p.parent) if (EMBEDDED_MESSAGE.has(p.contentType)) return true;
    return false;
  };

  /** Enters a new entity: opens its boundary, or the message it embeds. Returns where scanning resumes. */
  const enter = (entity: MimeNode): number => {
    let node = entity;
    for (;;) {
      if (node.depth >= MAX_DEPTH) {
        if (!depthWarned && (node.contentType.startsWith('multipart/') || EMBEDDED_MESSAGE.has(node.contentType))) {
          depthWarned = true;
          problems.push({ message: `MIME parts nested deeper than ${MAX_DEPTH} levels are read as plain text`, start: node.start, end: node.bodyStart });
        }
        return node.bodyStart;
      }
      if (node.contentType.startsWith('multipart/') && (!options.openEmbeddedMultipart || !isEmbedded(node) || options.openEmbeddedMultipart(node))) {
        const boundary = node.params.get('boundary');
        if (!boundary) {
          problems.push({ message: `${node.contentType} has no boundary parameter, so its parts cannot be told apart`, start: node.start, end: node.bodyStart });
          return node.bodyStart;
        }
        open.push({ node, boundary });
        longestBoundary = Math.max(longestBoundary, boundary.length);
        return node.bodyStart;
      }
      // An embedded message is only readable when it is not itself encoded.
      if (EMBEDDED_MESSAGE.has(node.contentType) && (node.transferEncoding === '7bit' || node.transferEncoding === '8bit' || node.transferEncoding === 'binary')
        && node.bodyStart < n) {
        node = openEntity(node.bodyStart, node, 'text/plain');
        continue;
      }
      return node.bodyStart;
    }
  };

  /** Ends every open entity inside `owner` at `end`, reporting multiparts that never closed. */
  const closeInside = (owner: MimeNode, end: number): void => {
    while (chain.length > 0 && chain[chain.length - 1] !== owner) {
      const node = chain.pop()!;
      node.bodyEnd = Math.max(node.bodyStart, end);
      // A multipart that never closed ends here; truncated returned messages do this all the time.
      if (open[open.length - 1]?.node === node) open.pop();
    }
  };

  /**
   * The first line at or after the line start `from` that starts with "--", or the text length: only
   * such a line can be a boundary, and the lines between need no look. Each "--" is found once and,
   * when it is not at a line start, the search resumes on the next line, so the walk stays linear.
   */
  const nextDashLine = (from: number): number => {
    let at = from;
    while (at < n && !startsWithTwoDashes(text, at)) {
      const dashes = text.indexOf('--', at);
      if (dashes < 0) return n;
      const before = text.charCodeAt(dashes - 1);
      if (before === CharCode.LineFeed || before === CharCode.CarriageReturn) return dashes;
      // The finder the header blocks use remembers the next break of each kind, so this is cheap and linear.
      at = pastBreak(text, breaks.next(dashes), n);
    }
    return at;
  };

  const root = openEntity(0, undefined, 'text/plain');
  let pos = enter(root);
  // Once the last multipart has closed nothing more can open: the rest is an epilogue.
  while (pos < n && open.length > 0) {
    pos = nextDashLine(pos);
    if (pos >= n) break;
    const line = lineAt(text, pos);
    const delimiter = delimiterOf(line);
    if (!delimiter) { pos = line.next; continue; }
    const owner = open[delimiter.at]!;
    const end = endBeforeBreak(text, line.start, owner.node.bodyStart);
    closeInside(owner.node, end);
    if (delimiter.closing) {
      open.pop();
      pos = line.next;
      continue;
    }
    if (nodes.length >= MAX_PARTS) {
      if (!partsWarned) {
        partsWarned = true;
        problems.push({ message: `more than ${MAX_PARTS} MIME parts: the rest are not read`, start: line.start, end: line.end });
      }
      pos = line.next;
      continue;
    }
    const child = openEntity(line.next, owner.node, owner.node.contentType === 'multipart/digest' ? 'message/rfc822' : 'text/plain');
    pos = enter(child);
    if (pos <= line.start) pos = line.next;
  }
  return { root, nodes, problems };
}

/** True when the line at `at` starts with "--", as every boundary line does. */
function startsWithTwoDashes(text: string, at: number): boolean {
  return text.charCodeAt(at) === CharCode.Dash && text.charCodeAt(at + 1) === CharCode.Dash;
}

// What a bounce is made of, found in the MIME tree: the human-readable report (decoded, with the
// returned message cut off), the machine-readable delivery-status parts, a feedback report, and
// the headers of the original message wherever the bounce returns them.

import { decodeBody } from '../mime/bodyDecoding';
import { parseHeaderBlock, type HeaderBlock } from '../mime/headers';
import { htmlToText } from '../mime/htmlText';
import { isBlank, LineBreakFinder, lineAt, lineStartBefore } from '../mime/lines';
import { MappedText } from '../mime/mappedText';
import { MAX_DEPTH, parseMime, type MimeMessage, type MimeNode } from '../mime/mimeTree';

/** A header block and the text its offsets refer to (the raw document, or decoded text mapped back to it). */
export interface HeaderSource {
  readonly block: HeaderBlock;
  readonly map: MappedText;
}

export interface MessageView {
  readonly text: string;
  readonly mime: MimeMessage;
  readonly top: HeaderSource;
  readonly reportType: string | undefined;
  readonly deliveryStatus: readonly MappedText[];
  readonly feedbackReport: readonly MappedText[];
  /** The human-readable report parts, decoded, most useful first. */
  readonly reportTexts: readonly MappedText[];
  readonly original: HeaderSource | undefined;
}

/** Text parts read as the report; more would only be returned content. */
const MAX_REPORT_PARTS = 6;
const DSN_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);
const HEADER_TYPES = new Set(['text/rfc822-headers', 'text/rfc822-header', 'message/rfc822-headers', 'message/global-headers']);
const EMBEDDED = new Set(['message/rfc822', 'message/global']);

export function viewMessage(text: string): MessageView {
  // Inside the returned message only a returned report is split into parts; the rest is never read.
  const mime = parseMime(text, { openEmbeddedMultipart: (node) => node.contentType === 'multipart/report' });
  const view = viewFrom(text, mime, mime.root);
  if (view.deliveryStatus.length > 0) return view;
  // A bounce that returns another bounce (a relay forwarding the NDR it got): read the inner one.
  const inner = mime.nodes.find((n) => n.parent && EMBEDDED.has(n.parent.contentType) && n.contentType === 'multipart/report'
    && n.params.get('report-type')?.toLowerCase() === 'delivery-status');
  if (inner) {
    const nested = viewFrom(text, mime, inner);
    if (nested.deliveryStatus.length > 0) return { ...nested, top: view.top, reportTexts: [...view.reportTexts, ...nested.reportTexts] };
  }
  return view;
}

function viewFrom(text: string, mime: MimeMessage, root: MimeNode): MessageView {
  const raw = MappedText.identity(text, 0);
  const deliveryStatus: MappedText[] = [];
  const feedbackReport: MappedText[] = [];
  const reportTexts: MappedText[] = [];
  let original: HeaderSource | undefined;

  // Alternatives that hold a plain-text part, found once (at the first HTML part): asking each HTML
  // part's siblings would be quadratic, and most reports have no HTML part to ask about.
  let withPlainText: ReadonlySet<MimeNode | undefined> | undefined;
  const plainAlternatives = (): ReadonlySet<MimeNode | undefined> =>
    (withPlainText ??= new Set(mime.nodes.filter((n) => n.contentType === 'text/plain').map((n) => n.parent)));
  const body = (node: MimeNode): MappedText =>
    decodeBody(text, node.bodyStart, node.bodyEnd, node.transferEncoding, node.params.get('charset'));

  for (const node of mime.nodes) {
    if (node !== root && !descends(node, root)) continue;
    if (insideEmbedded(node, root)) {
      if (!original && node.parent && EMBEDDED.has(node.parent.contentType) && node.parent.children[0] === node) {
        original = { block: node.headers, map: raw };
      }
      continue;
    }
    // A multipart whose boundary never matched holds its whole body as text.
    if (node.contentType.startsWith('multipart/') && (node.children.length > 0 || node.depth >= MAX_DEPTH)) continue;
    if (DSN_TYPES.has(node.contentType)) { deliveryStatus.push(body(node)); continue; }
    if (node.contentType === 'message/feedback-report') { feedbackReport.push(body(node)); continue; }
    if (HEADER_TYPES.has(node.contentType)) {
      if (!original) {
        const decoded = body(node);
        original = { block: parseHeaderBlock(decoded.text, 0), map: decoded };
      }
      continue;
    }
    if (EMBEDDED.has(node.contentType) && node.children.length === 0 && !original) {
      // An encoded message/rfc822 part: decode it to read the returned headers.
      const decoded = body(node);
      original = { block: parseHeaderBlock(decoded.text, 0), map: decoded };
      continue;
    }
    if ((node.contentType.startsWith('text/') || node.contentType.startsWith('multipart/')) && reportTexts.length < MAX_REPORT_PARTS && !isAttachment(node) && !hasPlainSibling(node, plainAlternatives)) {
      let decoded = body(node);
      if (node.contentType === 'text/html') decoded = htmlToText(decoded);
      const inline = inlineOriginal(decoded);
      if (inline) {
        if (!original) original = inline.headers;
        decoded = decoded.slice(0, inline.cut);
      }
      reportTexts.push(decoded);
      // DSN fields written into the text itself (no message/delivery-status part, or a MIME structure
      // whose boundaries do not match its header).
      if (deliveryStatus.length === 0) {
        const inlineDsn = inlineDeliveryStatus(decoded);
        if (inlineDsn) deliveryStatus.push(inlineDsn);
      }
    }
  }
  return {
    text, mime, top: { block: root.headers, map: raw },
    reportType: root.params.get('report-type')?.toLowerCase(),
    deliveryStatus, feedbackReport, reportTexts, original,
  };
}

function descends(node: MimeNode, root: MimeNode): boolean {
  for (let p = node.parent; p; p = p.parent) if (p === root) return true;
  return false;
}

function insideEmbedded(node: MimeNode, root: MimeNode): boolean {
  for (let p = node.parent; p && p !== root; p = p.parent) if (EMBEDDED.has(p.contentType)) return true;
  return false;
}

/** The DSN fields of a report that writes them as text: from the first Reporting-MTA or Final-Recipient line on. */
function inlineDeliveryStatus(report: MappedText): MappedText | undefined {
  const m = INLINE_DSN_FIELD.exec(report.text);
  return m ? report.slice(m.index, report.text.length) : undefined;
}

/** A DSN field at the start of a line, in any case. */
const INLINE_DSN_FIELD = /^(?:reporting-mta|final-recipient|original-recipient):/im;

function isAttachment(node: MimeNode): boolean {
  const disposition = node.headers.fields.find((f) => f.key === 'content-disposition')?.value.toLowerCase() ?? '';
  return disposition.startsWith('attachment') && !node.contentType.startsWith('text/plain');
}

/** An HTML alternative adds nothing when a plain-text one is there. */
function hasPlainSibling(node: MimeNode, withPlainText: () => ReadonlySet<MimeNode | undefined>): boolean {
  return node.contentType === 'text/html' && node.parent?.contentType === 'multipart/alternative' && withPlainText().has(node.parent);
}

/** Words of the separator lines bounces put above the returned message or its headers. */
const SEPARATOR_WORDS = [
  'copy of the message', 'copy of your message', 'original message', 'unsent message', 'returned message', 'message headers follow',
  'header of the original', 'headers of the original', 'message header follows', 'original message headers', 'undelivered message',
  'rejected message', 'bounced e-mail', 'bounced email', 'message follows', 'headers follow', 'original mail', 'returned mail',
  'copy of the original', 'text of the message',
  // The part header of a returned message inside a body whose MIME structure the top headers no
  // longer declare (a list server that dropped them).
  'message/rfc822', 'text/rfc822-headers',
];

/** The separator phrases as one case-insensitive alternation of fixed words: linear, and no lower-case copy of the text. */
const SEPARATOR = new RegExp(SEPARATOR_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|'), 'gi');

/** Separator phrases checked per report: a report quoting the phrase thousands of times costs no more. */
const MAX_SEPARATOR_HITS = 200;

/** Longest separator line read as one. */
const MAX_SEPARATOR_LINE = 120;

const KNOWN_HEADERS = new Set(['received', 'return-path', 'from', 'to', 'subject', 'date', 'message-id', 'mime-version', 'dkim-signature', 'content-type']);

/**
 * A separator line followed by at least two header fields: the returned message, quoted inline in a
 * single-part report. Returns where to cut the report and the returned headers.
 */
function inlineOriginal(report: MappedText): { cut: number; headers: HeaderSource } | undefined {
  const text = report.text;
  // Each separator phrase, earliest first, checked as a line of its own as soon as it is found: the
  // first that qualifies ends the search, so the returned message after it is never scanned.
  SEPARATOR.lastIndex = 0;
  let breaks: LineBreakFinder | undefined;
  let hits = 0;
  for (let m = SEPARATOR.exec(text); m && hits < MAX_SEPARATOR_HITS; m = SEPARATOR.exec(text)) {
    hits++;
    const at = m.index;
    // Separator lines are short: look no further than that either side, so 200 hits on one huge line cost little.
    const floor = Math.max(0, at - MAX_SEPARATOR_LINE);
    const start = lineStartBefore(text, at, floor);
    if (start === floor && floor > 0) continue;
    const line = lineAt(text, start, Math.min(text.length, start + MAX_SEPARATOR_LINE + 2));
    if (line.end - line.start > MAX_SEPARATOR_LINE) continue;
    let next = line.next;
    while (next < text.length) {
      const l = lineAt(text, next);
      if (!isBlank(text, l)) break;
      next = l.next;
    }
    breaks ??= new LineBreakFinder(text);
    const block = parseHeaderBlock(text, next, text.length, undefined, breaks);
    if (block.fields.length >= 2 || (block.fields.length === 1 && KNOWN_HEADERS.has(block.fields[0]!.key))) {
      return { cut: line.start, headers: { block, map: report } };
    }
  }
  return undefined;
}

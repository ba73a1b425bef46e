// The readable text of an HTML body: tags removed (block tags become line breaks), script and
// style dropped, entities such as &lt; decoded by the `entities` library. Offsets stay mapped.

import { decodeHTML } from 'entities';
import { CharCode } from '../../common/charCode';
import { NextOf } from '../../text/nextOf';
import { MappedText, MappedTextBuilder } from './mappedText';

const BLOCK_TAGS = new Set(['br', 'p', 'div', 'tr', 'li', 'ul', 'ol', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote', 'hr', 'td', 'th', 'title']);
/** Longest entity we try to decode ("&CounterClockwiseContourIntegral;" is 33). */
const MAX_ENTITY = 40;

export function htmlToText(html: MappedText): MappedText {
  const text = html.text;
  // Every offset mapped below is at or after the one before.
  const toRaw = html.forwardToRaw();
  const out = new MappedTextBuilder();
  const n = text.length;
  let i = 0;
  let runStart = 0;
  const flush = (to: number): void => {
    if (to > runStart) pushText(out, text, toRaw, runStart, to);
  };
  // Only "<" and "&" start anything: the text between them is passed over with indexOf.
  const tags = new NextOf(text, '<');
  const entities = new NextOf(text, '&');
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === CharCode.LessThan) {
      const close = text.indexOf('>', i + 1);
      if (close < 0) break;
      flush(i);
      const name = tagName(text, i + 1, close);
      if (name === 'script' || name === 'style') {
        const endTag = indexOfCaseless(text, `</${name}`, close + 1);
        const after = endTag < 0 ? n : text.indexOf('>', endTag);
        i = after < 0 ? n : after + 1;
      } else {
        if (BLOCK_TAGS.has(name)) out.push('\n', toRaw(i), toRaw(close + 1));
        i = close + 1;
      }
      runStart = i;
      continue;
    }
    if (c === CharCode.Ampersand) {
      const semi = entityEnd(text, i);
      if (semi > 0) {
        const decoded = decodeHTML(text.slice(i, semi + 1));
        if (decoded !== text.slice(i, semi + 1)) {
          flush(i);
          out.push(decoded, toRaw(i), toRaw(semi + 1));
          i = semi + 1;
          runStart = i;
          continue;
        }
      }
    }
    i = Math.min(tags.next(i + 1), entities.next(i + 1));
  }
  flush(Math.min(i, n));
  out.rawEnd = toRaw(n);
  return MappedText.fromBuilder(out);
}

/** Source line breaks are blanks in HTML; collapse them so block tags alone decide the lines. */
function pushText(out: MappedTextBuilder, text: string, toRaw: (offset: number) => number, from: number, to: number): void {
  let start = from;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === CharCode.LineFeed || c === CharCode.CarriageReturn) {
      if (k > start) out.push(text.slice(start, k), toRaw(start), toRaw(k));
      const raw = toRaw(k);
      out.push(' ', raw, raw + 1);
      start = k + 1;
    }
  }
  if (to > start) out.push(text.slice(start, to), toRaw(start), toRaw(to));
}

/** Offset of the ";" closing an entity that starts at `amp`, looked for within MAX_ENTITY characters; -1 if none. */
function entityEnd(text: string, amp: number): number {
  const stop = Math.min(text.length, amp + MAX_ENTITY);
  for (let k = amp + 1; k < stop; k++) {
    const c = text.charCodeAt(k);
    if (c === CharCode.Semicolon) return k > amp + 1 ? k : -1;
    if (!isAsciiLetterOrDigit(c) && c !== CharCode.Hash) return -1;
  }
  return -1;
}

const isAsciiLetterOrDigit = (c: number): boolean => (c >= CharCode.Digit0 && c <= CharCode.Digit9)
  || (c >= CharCode.UpperA && c <= CharCode.UpperZ) || (c >= CharCode.LowerA && c <= CharCode.LowerZ);

function tagName(text: string, from: number, to: number): string {
  let i = from;
  if (text.charCodeAt(i) === CharCode.Slash) i++;
  let j = i;
  while (j < to && isAsciiLetterOrDigit(text.charCodeAt(j))) j++;
  return text.slice(i, j).toLowerCase();
}

function indexOfCaseless(text: string, needle: string, from: number): number {
  const lower = needle.toLowerCase();
  let at = from;
  for (;;) {
    const hit = text.indexOf('<', at);
    if (hit < 0) return -1;
    if (text.slice(hit, hit + lower.length).toLowerCase() === lower) return hit;
    at = hit + 1;
  }
}

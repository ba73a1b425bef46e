// Collapsing runs of white space, as `text.replace(/\s+/g, ' ')` does but without a regex match and
// a replacement per blank: texts read for their words are mostly single spaces between words, and
// come back unchanged, with no copy.

import { CharCode } from '../common/charCode';

/** What `\s` matches beyond ASCII: no-break space, the Unicode space separators, line and paragraph separators, BOM. */
const isWideSpace = (c: number): boolean =>
  c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** True for the characters `\s` matches. */
export function isWhiteSpace(c: number): boolean {
  if (c < CharCode.FirstNonAscii) return c === CharCode.Space || (c >= CharCode.Tab && c <= CharCode.CarriageReturn);
  return isWideSpace(c);
}

/** `text` with every run of white space (what `\s+` matches) replaced by one space. */
export function collapseWhiteSpace(text: string): string {
  const n = text.length;
  let out = '';
  /** Start of the text not yet copied to `out`. */
  let copied = 0;
  let i = 0;
  while (i < n) {
    if (!isWhiteSpace(text.charCodeAt(i))) { i++; continue; }
    let end = i + 1;
    while (end < n && isWhiteSpace(text.charCodeAt(end))) end++;
    // A lone space stays as it is; anything else becomes one space.
    if (end - i > 1 || text.charCodeAt(i) !== CharCode.Space) {
      out += `${text.slice(copied, i)} `;
      copied = end;
    }
    i = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

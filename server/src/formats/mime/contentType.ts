// Structured header values: "multipart/report; report-type=delivery-status; boundary="b1"".
// A single left-to-right scan (no backtracking), quoted strings and RFC 2231 continuations included.

import { CharCode } from '../../common/charCode';

export interface StructuredValue {
  /** The main value in lower case: "multipart/report", "quoted-printable". */
  readonly value: string;
  /** Parameter names in lower case. */
  readonly params: ReadonlyMap<string, string>;
}

/** RFC 2231 continuations read per parameter; real ones have a handful. */
const MAX_SECTIONS = 100;

export function parseStructured(raw: string): StructuredValue {
  const semicolon = indexOutsideQuotes(raw, 0);
  const main = raw.slice(0, semicolon < 0 ? raw.length : semicolon);
  const value = (main.includes('(') ? main.replace(/\([^()]{0,200}\)/g, '') : main).trim().toLowerCase();
  const params = new Map<string, string>();
  // Made at the first RFC 2231 section: most values have none.
  let continued: Map<string, string[]> | undefined;
  let pos = semicolon < 0 ? raw.length : semicolon + 1;
  while (pos < raw.length) {
    const next = indexOutsideQuotes(raw, pos);
    const piece = raw.slice(pos, next < 0 ? raw.length : next);
    pos = next < 0 ? raw.length : next + 1;
    const eq = piece.indexOf('=');
    if (eq <= 0) continue;
    const name = piece.slice(0, eq).trim().toLowerCase();
    let val = piece.slice(eq + 1).trim();
    if (val.startsWith('"')) val = unquote(val);
    // RFC 2231: name*0, name*1 ... and name* (charset''percent-encoded).
    const star = name.includes('*') ? /^([^*]+)\*(\d+)?(\*)?$/.exec(name) : null;
    if (star) {
      const base = star[1]!;
      if (star[3] || (star[2] === undefined)) val = decodeExtended(val);
      if (star[2] !== undefined) {
        // Section numbers index an array: a hostile "name*4294967294" would make joining it endless.
        if (Number(star[2]) >= MAX_SECTIONS) continue;
        continued ??= new Map();
        const list = continued.get(base) ?? [];
        list[Number(star[2])] = val;
        continued.set(base, list);
      } else params.set(base, val);
      continue;
    }
    if (!params.has(name)) params.set(name, val);
  }
  if (continued) for (const [name, list] of continued) if (!params.has(name)) params.set(name, list.join(''));
  return { value, params };
}

function indexOutsideQuotes(raw: string, from: number): number {
  let quoted = false;
  for (let i = from; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === CharCode.Backslash && quoted) { i++; continue; }
    if (c === CharCode.DoubleQuote) quoted = !quoted;
    else if (c === CharCode.Semicolon && !quoted) return i;
  }
  return -1;
}

function unquote(val: string): string {
  // Most quoted values (boundaries, charsets, file names) hold no escape: one slice, not a string built per character.
  const close = val.indexOf('"', 1);
  const escape = val.indexOf('\\', 1);
  if (escape < 0 || (close >= 0 && close < escape)) return val.slice(1, close < 0 ? val.length : close);
  let out = '';
  for (let i = 1; i < val.length; i++) {
    const c = val[i]!;
    if (c === '\\' && i + 1 < val.length) { out += val[++i]; continue; }
    if (c === '"') break;
    out += c;
  }
  return out;
}

/** "utf-8''%E2%82%AC" -> the decoded text; anything malformed is returned as written. */
function decodeExtended(val: string): string {
  const parts = /^([^']*)'[^']*'(.*)$/.exec(val);
  const encoded = parts ? parts[2]! : val;
  if (!encoded.includes('%')) return encoded;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

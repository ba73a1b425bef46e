// The one place HTML is written (the mail flow report's pages). Like text/markdown.ts: the literal
// parts of an `html` template are ours, every interpolated string goes through escapeHtml, and only
// Html made here is kept as markup. A value from a document is text in an element or in a quoted
// attribute, never a tag, a URL, a style or a script.

/** Only this module holds the key, so only this module makes Html. */
const MINT = Symbol('Html');

export class Html {
  readonly #source: string;

  constructor(key: typeof MINT, source: string) {
    if (key !== MINT) throw new TypeError('Html is made by the html template and its helpers only');
    this.#source = source;
  }

  get value(): string {
    return this.#source;
  }

  toString(): string {
    return this.#source;
  }
}

const mint = (source: string): Html => new Html(MINT, source);

export type HtmlInterpolation = Html | string | number | readonly Html[];

/** `html\`<td>${value}</td>\``: strings and numbers are escaped, Html (and arrays of it) kept. */
export function html(literals: TemplateStringsArray, ...values: readonly HtmlInterpolation[]): Html {
  let out = literals[0] ?? '';
  for (let i = 0; i < values.length; i++) out += interpolated(values[i]!) + (literals[i + 1] ?? '');
  return mint(out);
}

function interpolated(value: HtmlInterpolation): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) {
    let out = '';
    for (const part of value as readonly Html[]) out += part.value;
    return out;
  }
  return escapeHtml(typeof value === 'string' ? value : String(value));
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** Characters that reorder or hide text around them (bidirectional overrides and isolates, zero-width marks). */
const DISPLAY_SPOOFING = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const SPECIAL: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/**
 * Text that reads back as written, in an element or in a quoted attribute: the five HTML specials
 * (and the backtick, which old parsers took as an attribute quote) become entities; control
 * characters become spaces; characters that reorder or hide the text around them (U+202E and its
 * kind) are shown as their code point, so a value cannot make the row beside it read backwards.
 */
export function escapeHtml(value: string): string {
  // Most values (addresses, codes, counts) hold none of these: one test, and they are written as they are.
  if (!CHANGED_BY_ESCAPING.test(value)) return value;
  return visibleText(value).replace(/[&<>"'`]/g, (c) => SPECIAL[c]!);
}

/** Any character escapeHtml changes: the specials, CONTROL or DISPLAY_SPOOFING (no g flag: test keeps no state). */
const CHANGED_BY_ESCAPING = new RegExp(`[&<>"'\`]|${CONTROL.source}|${DISPLAY_SPOOFING.source}`);

/**
 * The text part of escapeHtml, for text handed to a DOM that escapes on its own (the charts' labels
 * and tooltips): control characters become spaces, reordering and invisible ones their code point.
 */
export function visibleText(value: string): string {
  return value
    .replace(CONTROL, ' ')
    .replace(DISPLAY_SPOOFING, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
}

/** Joins Html parts with a separator. */
export function joinHtml(parts: readonly Html[], separator: Html = mint('')): Html {
  return mint(parts.map((p) => p.value).join(separator.value));
}

/**
 * Markup a DOM serialiser wrote (the report's charts): the chart library builds elements in a DOM
 * whose serialiser escapes every text node and attribute value, so the string is markup, not text.
 * Never for a string put together by hand.
 */
export function serialisedMarkup(source: string): Html {
  return mint(source);
}

// The one place Markdown is written. Every hover, inlay tooltip and summary is built from `md`
// templates: their literal parts are ours, and whatever is interpolated is escaped unless it is
// already Markdown made here. Documents are written by whoever sent the mail, so a value from one
// must never become a link, an image, HTML or a code span that ends early.

import { CharCode } from '../common/charCode';
import { OPEN_POWERSHELL_COMMAND, type OpenPowerShellArgs } from '../common/protocol';

/** Only this module holds the key, so only this module makes Markdown. */
const MINT = Symbol('Markdown');

export class Markdown {
  readonly #source: string;

  constructor(key: typeof MINT, source: string) {
    if (key !== MINT) throw new TypeError('Markdown is made by the md template and its helpers only');
    this.#source = source;
  }

  /** The Markdown source, to hand to a renderer. */
  get value(): string {
    return this.#source;
  }

  toString(): string {
    return this.#source;
  }
}

const mint = (source: string): Markdown => new Markdown(MINT, source);

export type Interpolation = Markdown | string | number;

/**
 * `md\`**${title}** · ${code(id)}\``: the literal parts are Markdown as written; strings are escaped
 * as inline text, numbers written as they are, Markdown kept.
 */
export function md(literals: TemplateStringsArray, ...values: readonly Interpolation[]): Markdown {
  let out = literals[0] ?? '';
  for (let i = 0; i < values.length; i++) out += inline(values[i]!) + (literals[i + 1] ?? '');
  return mint(out);
}

function inline(value: Interpolation): string {
  if (value instanceof Markdown) return value.value;
  if (typeof value === 'number') return escapeText(String(value));
  return escapeText(value);
}

/** Line breaks, tabs and other control characters (C0, DEL, C1, Unicode line and paragraph separators). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * Inline text that reads back as written: every ASCII punctuation character is backslash-escaped
 * (CommonMark allows it for all of them), which also keeps "http://", "www." and "a@b.com" from
 * being autolinked, and control characters become spaces so the text stays on its line.
 */
export function escapeText(value: string): string {
  // One pass by character code, a third of the cost of two replaces: a hover escapes all of its text.
  let out = '';
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= CharCode.LowerA && c <= CharCode.LowerZ) continue;
    if (isAsciiPunctuation(c)) {
      out += `${value.slice(from, i)}\\${value[i]!}`;
      from = i + 1;
    } else if (isControl(c)) {
      out += `${value.slice(from, i)} `;
      from = i + 1;
    }
  }
  return from === 0 ? value : out + value.slice(from);
}

/** ASCII punctuation: ! to /, : to @, [ to `, { to ~. */
const isAsciiPunctuation = (c: number): boolean => (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);

/** The characters CONTROL matches. */
const isControl = (c: number): boolean => c <= 0x1f || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029;

/**
 * Inline text as Markdown. Also what a GFM table cell needs: "|" becomes "\|", the one escape GFM
 * tables honour, and line breaks become spaces, so a row stays one row.
 */
export function text(value: string): Markdown {
  return mint(escapeText(value));
}

/** Longest value shown in a code span; longer ones are cut with an ellipsis. */
export const MAX_CODE_LENGTH = 300;

/**
 * A code span: inside one nothing is Markdown, so the fence is one backtick longer than the longest
 * run of backticks in the value, and a space pads each side when the value starts or ends with a
 * backtick or a space (CommonMark strips exactly one such space from each side).
 */
export function code(value: string): Markdown {
  let content = value.replace(CONTROL, ' ');
  if (content.length > MAX_CODE_LENGTH) content = `${content.slice(0, MAX_CODE_LENGTH - 1)}…`;
  if (content === '') return mint('');
  let longest = 0;
  for (const run of content.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(content) && /[^ ]/.test(content) ? ' ' : '';
  return mint(`${fence}${pad}${content}${pad}${fence}`);
}

/**
 * A code span in a GFM table cell: GFM splits a row into cells before it reads code spans, so a "|"
 * in the code would end the cell (and the span with it); each one is escaped, and GFM takes the
 * backslash away again inside the cell.
 */
export function tableCode(value: string): Markdown {
  return mint(code(value).value.replaceAll('|', '\\|'));
}

/** Commands a link may run, with the arguments each takes: the client trusts these only. */
export interface LinkableCommands {
  readonly [OPEN_POWERSHELL_COMMAND]: readonly [OpenPowerShellArgs];
}

const LINKABLE = new Set<string>([OPEN_POWERSHELL_COMMAND]);

/** The command: URI of a link; the arguments we built, as JSON, with every reserved character percent-encoded. */
export function commandUri<C extends keyof LinkableCommands>(command: C, args: LinkableCommands[C]): string {
  if (!LINKABLE.has(command)) throw new RangeError(`not a command links may run: ${command}`);
  return `command:${command}?${encodeStrictly(JSON.stringify(args))}`;
}

/** The percent-encodings encodeURIComponent leaves out, written once. */
const STRICT_ESCAPES: Readonly<Record<string, string>> = Object.fromEntries(
  [...'()\'!*~'].map((c) => [c, `%${c.charCodeAt(0).toString(16).toUpperCase()}`]),
);

/** encodeURIComponent leaves ( ) ' ! * ~ as they are; a ")" would end the link destination early. */
function encodeStrictly(value: string): string {
  return encodeURIComponent(value).replace(/[()'!*~]/g, (c) => STRICT_ESCAPES[c]!);
}

/** `[title](command:…)` running one of our own commands with arguments we built. */
export function commandLink<C extends keyof LinkableCommands>(title: string, command: C, args: LinkableCommands[C]): Markdown {
  return mint(`[${escapeText(title)}](${commandUri(command, args)})`);
}

/** Joins Markdown parts with a Markdown separator (a line break, " · ", a blank line). */
export function joinMarkdown(parts: readonly Markdown[], separator: Markdown): Markdown {
  // Concatenated in one loop: a hover joins dozens of parts, and a mapped copy to join cost a third more.
  const between = separator.value;
  let out = parts.length ? parts[0]!.value : '';
  for (let i = 1; i < parts.length; i++) out += between + parts[i]!.value;
  return mint(out);
}

/** Lines of Markdown, one after the other. */
export function lines(parts: readonly Markdown[]): Markdown {
  return joinMarkdown(parts, NEWLINE);
}

const NEWLINE = mint('\n');

/** The LSP MarkupContent of a hover or tooltip: only Markdown made here goes into one. */
export function markupContent(markdown: Markdown): { readonly kind: 'markdown'; readonly value: string } {
  return { kind: 'markdown', value: markdown.value };
}

// The one way a value enters PowerShell that the product offers: a single-quoted (verbatim) string
// literal. PowerShell ends such a literal on five characters, not only the ASCII apostrophe, and
// reads two of them in a row as one character of the value, so each is doubled. Values carrying a
// character that ends or splits a command line are refused rather than escaped: a verbatim literal
// has no escape for them, and a line break inside a command the user pastes changes what runs.
// Pure: no Node APIs; every layer may use it.

/** U+0027 and the typographic quotes PowerShell also takes as a single-quote character. */
export const POWERSHELL_SINGLE_QUOTES: readonly string[] = ['\u0027', '\u2018', '\u2019', '\u201A', '\u201B'];

const SINGLE_QUOTE = /['\u2018\u2019\u201A\u201B]/g;

/** C0 controls (CR, LF, NUL and the rest), DEL, C1 controls (NEL among them), line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LINE_BREAKING = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

/**
 * Invisible and bidirectional format characters (zero-width spaces and joiners, LRM/RLM, embeddings,
 * overrides and isolates, word joiner, BOM): they cannot end a literal, but they make the command the
 * user reviews look different from the one that runs.
 */
const DISPLAY_SPOOFING = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/** `value` as one single-quoted PowerShell literal, or undefined when it holds a control, line-breaking or invisible format character. */
export function powerShellLiteral(value: string): string | undefined {
  if (LINE_BREAKING.test(value) || DISPLAY_SPOOFING.test(value)) return undefined;
  return `'${value.replace(SINGLE_QUOTE, (quote) => quote + quote)}'`;
}

/**
 * What goes between the quotes of a literal the surrounding text already opens and closes (a snippet
 * placeholder written as `'${1:…}'`): the literal of `powerShellLiteral` without its own two quotes.
 */
export function powerShellLiteralContent(value: string): string | undefined {
  return powerShellLiteral(value)?.slice(1, -1);
}

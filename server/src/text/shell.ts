// The one way a value enters a POSIX shell command the product offers: a single-quoted word. Inside
// single quotes the shell gives no character a meaning except the closing quote, so a quote in the
// value closes the literal, adds an escaped quote and opens it again ('\''). Values holding a
// control, line-breaking or invisible format character are refused: they would make the command the
// user reviews differ from the one that runs. Pure: no Node APIs; every layer may use it.

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LINE_BREAKING = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
const DISPLAY_SPOOFING = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/** `value` as one single-quoted POSIX shell word, or undefined when it holds a control, line-breaking or invisible format character. */
export function shellLiteral(value: string): string | undefined {
  if (LINE_BREAKING.test(value) || DISPLAY_SPOOFING.test(value)) return undefined;
  return `'${value.replaceAll("'", "'\\''")}'`;
}

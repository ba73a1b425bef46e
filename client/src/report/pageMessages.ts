// What the report's page may ask of the extension. The page is ours, but its messages cross a
// boundary and carry values that came from documents: each one is checked for shape and range, and
// anything else is dropped without a word.

export type PageMessage =
  | { readonly command: 'reveal'; readonly source: number; readonly line: number }
  | { readonly command: 'filter'; readonly source: number; readonly query: string }
  | { readonly command: 'saveHtml' }
  | { readonly command: 'copyMarkdown' };

/** Longer than any query the report builds (field:value terms of one group), short enough to show in an input box. */
export const MAX_QUERY_LENGTH = 2000;
/** Lines of a document are 0-based and well inside a safe integer; the editor clamps to its own line count. */
export const MAX_LINE = 100_000_000;

const isIndex = (value: unknown, end: number): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < end;

/** The message if it is one the page may send for a report of `sourceCount` sources, else undefined. */
export function readPageMessage(message: unknown, sourceCount: number): PageMessage | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { command, source, line, query } = message as Record<string, unknown>;
  switch (command) {
    case 'reveal':
      return isIndex(source, sourceCount) && isIndex(line, MAX_LINE) ? { command, source, line } : undefined;
    case 'filter':
      return isIndex(source, sourceCount) && typeof query === 'string' && query.trim().length > 0 && query.length <= MAX_QUERY_LENGTH
        ? { command, source, query } : undefined;
    case 'saveHtml':
    case 'copyMarkdown':
      return { command };
    default:
      return undefined;
  }
}

/** A fresh nonce for each page: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

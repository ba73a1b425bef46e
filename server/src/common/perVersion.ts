// One cache shape for everything derived from a whole document (a parsed log, a read bounce, its
// writer): keyed by the document object, which the server updates in place, and its version.

import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * `compute`, run at most once per document version. Only the latest version's value is kept; it is
 * handed to `compute` for the next version, which may reuse what the edits left unchanged.
 */
export function perVersion<T>(compute: (document: TextDocument, previous: T | undefined) => T): (document: TextDocument) => T {
  const cache = new WeakMap<TextDocument, { version: number; value: T }>();
  return (document) => {
    const hit = cache.get(document);
    if (hit?.version === document.version) return hit.value;
    const value = compute(document, hit?.value);
    cache.set(document, { version: document.version, value });
    return value;
  };
}

// What a reader sees of our Markdown, for assertions on wording: backslash escapes removed.
// Shared by the unit tests (TypeScript, through markdownText.d.mts) and the language-server tests.

/** Drops the backslash before each escaped ASCII punctuation character (the only escapes we write). */
export function unescapeMarkdown(markdown) {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

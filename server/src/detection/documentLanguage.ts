// Which of our languages a file is, from the same rules VS Code applies to package.json's
// contributes.languages, plus the #Log-type header that tells Exchange log kinds apart.

export interface LanguageContribution {
  readonly id: string;
  readonly extensions?: readonly string[];
  readonly filenamePatterns?: readonly string[];
  readonly firstLine?: string;
}

export const TRACKING_LOG = 'exchange-tracking-log';
export const PROTOCOL_LOG = 'exchange-protocol-log';

/** Log type named in an Exchange log header, e.g. "#Log-type: SMTP Receive Protocol Log". */
export function languageFromLogHeader(header: string): string | undefined {
  const match = /^#Log-type:[ \t]*([^\r\n]*)/m.exec(header);
  if (!match) return undefined;
  const type = match[1]!.toLowerCase();
  if (type.includes('message tracking')) return TRACKING_LOG;
  if (type.includes('protocol log')) return PROTOCOL_LOG;
  return undefined;
}

/**
 * Language of a file as VS Code would choose it (file-name patterns, then extensions, then
 * the first line; names compared case-insensitively), corrected by the #Log-type header.
 * Files none of our languages claim fall back to VS Code's built-in log or plaintext.
 */
export function languageOfFile(fileName: string, head: string, contributions: readonly LanguageContribution[]): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).toLowerCase();
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  const byPattern = contributions.find((c) => c.filenamePatterns?.some((p) => globMatches(p.toLowerCase(), base)));
  const byExtension = contributions.find((c) => c.extensions?.some((ext) => base.endsWith(ext.toLowerCase())));
  const byFirstLine = contributions.find((c) => c.firstLine !== undefined && new RegExp(c.firstLine).test(firstLine));
  const claimed = byPattern?.id ?? byExtension?.id ?? byFirstLine?.id;
  const corrected = claimed === TRACKING_LOG || claimed === PROTOCOL_LOG ? languageFromLogHeader(head) ?? claimed : claimed;
  return corrected ?? (base.endsWith('.log') ? 'log' : 'plaintext');
}

/** Glob with "*" and "?" only, which is all our patterns use. Iterative, linear in practice. */
function globMatches(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let mark = 0;
  while (n < name.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === name[n])) { p++; n++; }
    else if (p < pattern.length && pattern[p] === '*') { star = p++; mark = n; }
    else if (star >= 0) { p = star + 1; n = ++mark; }
    else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

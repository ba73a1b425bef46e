// Which of our languages a file is, from the same rules VS Code applies to package.json's
// contributes.languages, plus the #Log-type header that tells Exchange log kinds apart.

export interface LanguageContribution {
  readonly id: string;
  readonly extensions?: readonly string[];
  readonly filenamePatterns?: readonly string[];
  readonly firstLine?: string;
}

export const EMAIL = 'email';
export const TRACKING_LOG = 'exchange-tracking-log';
export const PROTOCOL_LOG = 'exchange-protocol-log';
/** Postfix, Exim and Sendmail logs (mail.log, maillog, mainlog, rejectlog and their rotations). */
export const MAIL_LOG = 'mail-log';
/** Exchange Online message traces: the admin center's CSV reports and Export-Csv of the trace cmdlets. */
export const MESSAGE_TRACE = 'exchange-message-trace';

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
 * The language an open document should have once the client has looked at its header: Exchange
 * logs named *.log or *.txt open as log or plaintext (VS Code consults first lines only for files
 * no extension claims), and MSGTRK/RECV names or the #Software line do not say which log kind it is.
 * Undefined when the current language is right.
 */
export function correctedLogLanguage(current: string, head: string, contributions: readonly LanguageContribution[]): string | undefined {
  const exchangeLog = current === TRACKING_LOG || current === PROTOCOL_LOG;
  if (!exchangeLog && current !== 'log' && current !== 'plaintext') return undefined;
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  const claimedByFirstLine = contributions.find((c) => c.firstLine !== undefined && new RegExp(c.firstLine).test(firstLine))?.id;
  if (!exchangeLog && !claimedByFirstLine) return undefined;
  const wanted = languageFromLogHeader(head) ?? (exchangeLog ? current : claimedByFirstLine);
  return wanted !== current ? wanted : undefined;
}

/**
 * Language of a file as the extension ends up giving it: VS Code's choice (file-name patterns,
 * then extensions, names compared case-insensitively), then the client's correction from the
 * first line and the #Log-type header. Other files keep VS Code's built-in log or plaintext.
 */
export function languageOfFile(fileName: string, head: string, contributions: readonly LanguageContribution[]): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).toLowerCase();
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  const byPattern = contributions.find((c) => c.filenamePatterns?.some((p) => globMatches(p.toLowerCase(), base)));
  const byExtension = contributions.find((c) => c.extensions?.some((ext) => base.endsWith(ext.toLowerCase())));
  const byFirstLine = contributions.find((c) => c.firstLine !== undefined && new RegExp(c.firstLine).test(firstLine));
  const chosen = byPattern?.id ?? byExtension?.id ?? byFirstLine?.id ?? (base.endsWith('.log') ? 'log' : 'plaintext');
  return correctedLogLanguage(chosen, head, contributions) ?? chosen;
}

/**
 * Glob with "*", "?" and "[a-z]" classes (no negation), as VS Code reads filenamePatterns; all our
 * patterns need. Iterative: a mismatch goes back only to the last "*".
 */
function globMatches(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let mark = 0;
  while (n < name.length) {
    const step = p < pattern.length ? stepOf(pattern, p, name[n]!) : 0;
    if (step > 0) { p += step; n++; }
    else if (p < pattern.length && pattern[p] === '*') { star = p++; mark = n; }
    else if (star >= 0) { p = star + 1; n = ++mark; }
    else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** How many pattern characters match the name character `c` at pattern[p]: 0 when they do not. */
function stepOf(pattern: string, p: number, c: string): number {
  const at = pattern[p];
  if (at === '?') return 1;
  if (at === '*') return 0;
  if (at === '[') {
    const close = pattern.indexOf(']', p + 1);
    if (close > p + 1) {
      for (let i = p + 1; i < close; i++) {
        const low = pattern[i]!;
        const ranged = pattern[i + 1] === '-' && i + 2 < close;
        const high = ranged ? pattern[i + 2]! : low;
        if (c >= low && c <= high) return close - p + 1;
        if (ranged) i += 2;
      }
      return 0;
    }
  }
  return at === c ? 1 : 0;
}

// Building blocks shared by the grammar generators (scripts/grammars.ts and the mail-family grammars):
// regex pieces that carry the scope of each capture group, joined into one match with numbered captures.
import type { EventOutcome } from '../server/src/knowledge/exchangeLogModel';

/** Colours by outcome, with scopes Dark+ and Light+ (and most themes) already paint. */
export const OUTCOME_SCOPES: Record<EventOutcome, string> = {
  failure: 'invalid.illegal', // red: #f44747 in Dark+, #cd3131 in Light+
  delay: 'entity.name.function', // amber: #DCDCAA in Dark+, #795E26 in Light+
  success: 'markup.inserted', // green: #b5cea8 in Dark+, #098658 in Light+
  other: 'keyword.other', // blue: #569cd6 in Dark+, #0000ff in Light+
};

/** Shapes of values, bounded so that no hostile line makes them backtrack. */
export const IPV4 = '(?:\\d{1,3}\\.){3}\\d{1,3}';
export const HEX4 = '[0-9A-Fa-f]{1,4}';
export const IPV6 = `(?:${HEX4}:){7}${HEX4}|(?:${HEX4}(?::${HEX4}){0,6})?::(?:${HEX4}(?::${HEX4}){0,6})?`;
export const HOST = '(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.){0,10}[A-Za-z][A-Za-z0-9-]{0,62}';
export const FQDN = '(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.){1,10}[A-Za-z]{2,63}';
export const EMAIL = '[^\\s@,;"<>]{1,64}@[^\\s@,;"<>]{1,253}';
export const MESSAGE_ID = '<[^<>,"\\r\\n]{1,998}>';
export const GUID = '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}';
export const ENHANCED = '[245]\\.\\d{1,3}\\.\\d{1,3}';

export type Captures = Record<string, { name: string }>;

/** A regex fragment and the scope of each of its capture groups, in order (null: no scope). */
export interface Piece {
  readonly regex: string;
  readonly scopes: readonly (string | null)[];
}

export const piece = (regex: string, ...scopes: (string | null)[]): Piece => ({ regex, scopes });

/** Number of capture groups in a regex fragment: "(" not escaped and not "(?". */
function groupCount(regex: string): number {
  let count = 0;
  for (let i = 0; i < regex.length; i++) {
    if (regex[i] === '\\') { i++; continue; }
    if (regex[i] === '[') { while (i < regex.length && regex[i] !== ']') { if (regex[i] === '\\') i++; i++; } continue; }
    if (regex[i] === '(' && regex[i + 1] !== '?') count++;
  }
  return count;
}

/** Joins pieces in order, numbering their groups into one captures map. */
export function assemble(pieces: readonly Piece[], join: (regexes: string[]) => string): { match: string; captures: Captures } {
  const captures: Captures = {};
  let group = 0;
  const regexes = pieces.map((p) => {
    const count = groupCount(p.regex);
    if (count !== p.scopes.length) throw new Error(`grammar: ${count} groups but ${p.scopes.length} scopes in ${p.regex}`);
    p.scopes.forEach((scope, i) => { if (scope) captures[String(group + i + 1)] = { name: scope }; });
    group += count;
    return p.regex;
  });
  return { match: join(regexes), captures };
}

export function alternation(names: readonly string[]): string {
  return [...names].sort((a, b) => b.length - a.length || a.localeCompare(b)).map(escapeRegex).join('|');
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}


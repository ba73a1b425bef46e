// Reads the body of one of our own PowerShell snippets and produces what the editor would insert,
// optionally with document values in some placeholders. The catalogue's snippets escape every `$`
// that is not a tab stop (the snippet tests enforce it), so this reader knows tab stops ($1, ${1}),
// placeholders (${1:default}, nested), choices (${1|a,b|}) and escapes (\$ \} \\); anything else is text.

import { powerShellLiteralContent } from '../text/powerShell';

type Part =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'tabstop'; readonly index: number; readonly start: number; readonly end: number; readonly children: readonly Part[]; readonly choice?: readonly string[] };

interface Reader {
  readonly source: string;
  at: number;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

function readDigits(reader: Reader): number | undefined {
  const start = reader.at;
  while (isDigit(reader.source[reader.at])) reader.at++;
  return reader.at > start ? Number(reader.source.slice(start, reader.at)) : undefined;
}

/** Parts up to the end of the source, or up to an unescaped `}` when `inside` (the `}` is consumed). */
function readParts(reader: Reader, inside: boolean): Part[] | undefined {
  const parts: Part[] = [];
  let text = '';
  const flush = (): void => {
    if (text) parts.push({ kind: 'text', value: text });
    text = '';
  };
  while (reader.at < reader.source.length) {
    const c = reader.source[reader.at]!;
    if (c === '\\') {
      const next = reader.source[reader.at + 1];
      if (next === '$' || next === '}' || next === '\\') {
        text += next;
        reader.at += 2;
      } else {
        text += c;
        reader.at++;
      }
      continue;
    }
    if (inside && c === '}') {
      reader.at++;
      flush();
      return parts;
    }
    if (c === '$') {
      const tabstop = readTabstop(reader);
      if (tabstop) {
        flush();
        parts.push(tabstop);
        continue;
      }
    }
    text += c;
    reader.at++;
  }
  if (inside) return undefined;
  flush();
  return parts;
}

/** A tab stop, placeholder or choice at a `$`; undefined (position unchanged) when the `$` is plain text. */
function readTabstop(reader: Reader): Part | undefined {
  const start = reader.at;
  reader.at++;
  const simple = readDigits(reader);
  if (simple !== undefined) return { kind: 'tabstop', index: simple, start, end: reader.at, children: [] };
  if (reader.source[reader.at] === '{') {
    reader.at++;
    const index = readDigits(reader);
    const marker = reader.source[reader.at];
    if (index !== undefined && marker === '}') {
      reader.at++;
      return { kind: 'tabstop', index, start, end: reader.at, children: [] };
    }
    if (index !== undefined && marker === ':') {
      reader.at++;
      const children = readParts(reader, true);
      if (children) return { kind: 'tabstop', index, start, end: reader.at, children };
    }
    if (index !== undefined && index > 0 && marker === '|') {
      reader.at++;
      const choice = readChoice(reader);
      if (choice) return { kind: 'tabstop', index, start, end: reader.at, children: [], choice };
    }
  }
  reader.at = start;
  return undefined;
}

/** Options up to `|}`; inside a choice only `\,`, `\|` and `\\` are escapes and `$` is plain text. */
function readChoice(reader: Reader): string[] | undefined {
  const options: string[] = [];
  let option = '';
  while (reader.at < reader.source.length) {
    const c = reader.source[reader.at]!;
    const next = reader.source[reader.at + 1];
    if (c === '\\' && (next === ',' || next === '|' || next === '\\')) {
      option += next;
      reader.at += 2;
    } else if (c === ',' || c === '|') {
      if (!option) return undefined;
      options.push(option);
      option = '';
      reader.at++;
      if (c === '|') {
        if (reader.source[reader.at] !== '}') return undefined;
        reader.at++;
        return options;
      }
    } else {
      option += c;
      reader.at++;
    }
  }
  return undefined;
}

/** Bodies read once: a code's hover fills the same few catalogue snippets again and again. */
const parsedBodies = new Map<string, readonly Part[]>();
const MAX_PARSED_BODIES = 512;

function parse(body: string): readonly Part[] {
  let parts = parsedBodies.get(body);
  if (!parts) {
    parts = readParts({ source: body, at: 0 }, false)!;
    if (parsedBodies.size >= MAX_PARSED_BODIES) parsedBodies.clear();
    parsedBodies.set(body, parts);
  }
  return parts;
}

/** The content each index shows: the first placeholder of the index with content (or a choice) defines it. */
function contentByIndex(parts: readonly Part[], into = new Map<number, Part>()): Map<number, Part> {
  for (const part of parts) {
    if (part.kind !== 'tabstop') continue;
    if (!into.has(part.index) && (part.children.length > 0 || part.choice)) into.set(part.index, part);
    contentByIndex(part.children, into);
  }
  return into;
}

function renderParts(parts: readonly Part[], content: ReadonlyMap<number, Part>, fills: ReadonlyMap<number, string>, within: ReadonlySet<number>): string {
  let out = '';
  for (const part of parts) {
    if (part.kind === 'text') {
      out += part.value;
      continue;
    }
    const filled = fills.get(part.index);
    if (filled !== undefined) {
      out += filled;
      continue;
    }
    const source = within.has(part.index) ? part : (content.get(part.index) ?? part);
    if (source.kind === 'tabstop' && source.choice) out += source.choice[0];
    else if (source.kind === 'tabstop') out += renderParts(source.children, content, fills, new Set([...within, part.index]));
  }
  return out;
}

/** The text the editor inserts for `body`, with `fills` (placeholder index → text) in place of defaults. */
export function renderSnippetBody(body: string, fills: ReadonlyMap<number, string> = new Map()): string {
  const parts = parse(body);
  return renderParts(parts, contentByIndex(parts), fills, new Set());
}

/** Escapes text for a placeholder's content in snippet syntax. */
export function escapeSnippetText(value: string): string {
  return value.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/**
 * The snippet itself (tab stops kept), with `fills` as the new content of those placeholders, for
 * `editor.action.insertSnippet`. Choices and empty tab stops of a filled index stay as they are.
 */
export function snippetWithFills(body: string, fills: ReadonlyMap<number, string>): string {
  const replacements: { start: number; end: number; text: string }[] = [];
  const collect = (parts: readonly Part[]): void => {
    for (const part of parts) {
      if (part.kind !== 'tabstop') continue;
      const value = fills.get(part.index);
      if (value !== undefined && part.children.length > 0) {
        replacements.push({ start: part.start, end: part.end, text: `\${${part.index}:${escapeSnippetText(value)}}` });
      } else {
        collect(part.children);
      }
    }
  };
  collect(parse(body));
  let out = '';
  let from = 0;
  for (const r of replacements) {
    out += body.slice(from, r.start) + r.text;
    from = r.end;
  }
  return out + body.slice(from);
}

/** Indexes whose every tab stop is a placeholder of plain text written between two ASCII quotes: `'${1:…}'`. */
function singleQuotedIndexes(body: string, parts: readonly Part[]): Set<number> {
  const quoted = new Set<number>();
  const unquoted = new Set<number>();
  const visit = (list: readonly Part[]): void => {
    for (const part of list) {
      if (part.kind !== 'tabstop') continue;
      const plainText = !part.choice && part.children.every((child) => child.kind === 'text');
      (plainText && body[part.start - 1] === "'" && body[part.end] === "'" ? quoted : unquoted).add(part.index);
      visit(part.children);
    }
  };
  visit(parts);
  for (const index of unquoted) quoted.delete(index);
  return quoted;
}

/**
 * Placeholder contents (for `renderSnippetBody` and `snippetWithFills`) that put `values` into the
 * PowerShell of `body`: only placeholders the body writes between single quotes are filled, each
 * with the value's literal content, so the body's own quotes open and close one literal. A value for
 * any other placeholder, or one PowerShell cannot take (a line break, a control character), is left out.
 */
export function powerShellValueFills(body: string, values: ReadonlyMap<number, string>): Map<number, string> {
  const quoted = singleQuotedIndexes(body, parse(body));
  const fills = new Map<number, string>();
  for (const [index, value] of values) {
    const content = quoted.has(index) ? powerShellLiteralContent(value) : undefined;
    if (content !== undefined) fills.set(index, content);
  }
  return fills;
}

/** The default text of every placeholder that has content (choices excluded), by index. */
export function placeholderDefaultsOf(body: string): Map<number, string> {
  const parts = parse(body);
  const content = contentByIndex(parts);
  const defaults = new Map<number, string>();
  for (const [index, part] of content) {
    if (part.kind === 'tabstop' && !part.choice) defaults.set(index, renderParts(part.children, content, new Map(), new Set([index])));
  }
  return defaults;
}

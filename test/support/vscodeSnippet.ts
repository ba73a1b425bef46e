// A reimplementation of how VS Code reads and inserts a contributed snippet, used as the test oracle:
// its TextMate snippet grammar (tabstops, placeholders, choices, variables, transforms, escapes),
// the snippet loader's rule that an unknown variable without a default becomes a placeholder
// holding its own name, the sharing of one default between placeholders of the same index, and
// variable resolution. Written from VS Code's snippet documentation and behaviour; no editor needed.

export type SnippetNode = TextNode | PlaceholderNode | VariableNode;

export interface TextNode {
  readonly kind: 'text';
  value: string;
}

export interface PlaceholderNode {
  readonly kind: 'placeholder';
  readonly index: number;
  children: SnippetNode[];
  /** Options of a `${1|a,b|}` choice, as inserted (escapes removed). */
  choice?: string[];
  transform?: Transform;
}

export interface VariableNode {
  readonly kind: 'variable';
  readonly name: string;
  children: SnippetNode[];
  transform?: Transform;
}

export interface Transform {
  readonly regexp: RegExp;
  readonly format: readonly FormatPart[];
}

type FormatPart =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'group'; readonly group: number; readonly shorthand?: string; readonly ifValue?: string; readonly elseValue?: string };

export interface ParsedSnippet {
  readonly nodes: SnippetNode[];
  /** Offsets in the body of `$` signs that VS Code takes as plain text without an escape (outside choices). */
  readonly bareDollars: readonly number[];
  /** Names of `$name` / `${name}` variables, in order of appearance (before any were turned into placeholders). */
  readonly variables: readonly string[];
}

/** The variables VS Code resolves itself; any other variable name is unknown to it. */
export const KNOWN_VARIABLES: ReadonlySet<string> = new Set([
  'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH', 'CURRENT_DATE', 'CURRENT_HOUR', 'CURRENT_MINUTE',
  'CURRENT_SECOND', 'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT', 'CURRENT_MONTH_NAME', 'CURRENT_MONTH_NAME_SHORT',
  'CURRENT_SECONDS_UNIX', 'CURRENT_TIMEZONE_OFFSET', 'SELECTION', 'CLIPBOARD', 'TM_SELECTED_TEXT', 'TM_CURRENT_LINE',
  'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER', 'TM_FILENAME', 'TM_FILENAME_BASE', 'TM_DIRECTORY',
  'TM_DIRECTORY_BASE', 'TM_FILEPATH', 'RELATIVE_FILEPATH', 'CURSOR_INDEX', 'CURSOR_NUMBER', 'BLOCK_COMMENT_START',
  'BLOCK_COMMENT_END', 'LINE_COMMENT', 'WORKSPACE_NAME', 'WORKSPACE_FOLDER', 'RANDOM', 'RANDOM_HEX', 'UUID',
]);

// ---------------------------------------------------------------------------------------------
// Tokens: single special characters, runs of digits, identifiers, and runs of anything else.

type TokenKind = '$' | ':' | ',' | '{' | '}' | '\\' | '/' | '|' | '+' | '-' | '?' | 'int' | 'name' | 'other' | 'eof';

interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
}

const SPECIAL = new Set(['$', ':', ',', '{', '}', '\\', '/', '|', '+', '-', '?']);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isNameStart = (c: string | undefined): boolean => c !== undefined && (c === '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const start = at;
    const c = source[at]!;
    let kind: TokenKind;
    if (SPECIAL.has(c)) {
      kind = c as TokenKind;
      at++;
    } else if (isDigit(c)) {
      kind = 'int';
      while (isDigit(source[at])) at++;
    } else if (isNameStart(c)) {
      kind = 'name';
      while (isNameStart(source[at]) || isDigit(source[at])) at++;
    } else {
      kind = 'other';
      while (at < source.length && !SPECIAL.has(source[at]!) && !isDigit(source[at]) && !isNameStart(source[at])) at++;
    }
    tokens.push({ kind, start, end: at });
  }
  tokens.push({ kind: 'eof', start: source.length, end: source.length });
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Parser: recursive descent with backtracking to a saved token position, as the editor does.

class Parser {
  private readonly tokens: Token[];
  private at = 0;
  readonly bareDollars: number[] = [];
  readonly variables: string[] = [];

  constructor(private readonly source: string) {
    this.tokens = tokenize(source);
  }

  parseAll(): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    while (this.parseAny(nodes)) { /* keep going until the end */ }
    return nodes;
  }

  private get token(): Token {
    return this.tokens[this.at]!;
  }

  private text(token: Token): string {
    return this.source.slice(token.start, token.end);
  }

  /** Consumes the current token if it is of `kind` (any kind when undefined) and returns its text. */
  private take(kind?: TokenKind): string | undefined {
    const token = this.token;
    if (token.kind === 'eof' || (kind !== undefined && token.kind !== kind)) return undefined;
    this.at++;
    return this.text(token);
  }

  private parseAny(into: SnippetNode[]): boolean {
    return this.parseEscape(into) || this.parseSimpleTabstopOrVariable(into) || this.parseComplexPlaceholder(into)
      || this.parseComplexVariable(into) || this.parseLiteral(into);
  }

  private parseEscape(into: SnippetNode[]): boolean {
    const backslash = this.take('\\');
    if (backslash === undefined) return false;
    const escaped = this.take('$') ?? this.take('}') ?? this.take('\\');
    appendText(into, escaped ?? backslash);
    return true;
  }

  private parseSimpleTabstopOrVariable(into: SnippetNode[]): boolean {
    const saved = this.at;
    if (this.take('$') === undefined) return false;
    const name = this.take('name');
    if (name !== undefined) {
      this.variables.push(name);
      into.push({ kind: 'variable', name, children: [] });
      return true;
    }
    const index = this.take('int');
    if (index !== undefined) {
      into.push({ kind: 'placeholder', index: Number(index), children: [] });
      return true;
    }
    this.at = saved;
    return false;
  }

  private parseComplexPlaceholder(into: SnippetNode[]): boolean {
    const saved = this.at;
    if (this.take('$') === undefined || this.take('{') === undefined) return this.restore(saved);
    const indexText = this.take('int');
    if (indexText === undefined) return this.restore(saved);
    const placeholder: PlaceholderNode = { kind: 'placeholder', index: Number(indexText), children: [] };

    if (this.take(':') !== undefined) {
      for (;;) {
        if (this.take('}') !== undefined) {
          into.push(placeholder);
          return true;
        }
        if (this.parseAny(placeholder.children)) continue;
        // Unterminated: the opening text and whatever was read stay as they are.
        appendText(into, '${' + indexText + ':');
        for (const child of placeholder.children) appendNode(into, child);
        return true;
      }
    }
    if (placeholder.index > 0 && this.take('|') !== undefined) {
      const options: string[] = [];
      for (;;) {
        const option = this.parseChoiceOption();
        if (option === undefined) return this.restore(saved);
        options.push(option);
        if (this.take(',') !== undefined) continue;
        if (this.take('|') !== undefined && this.take('}') !== undefined) {
          placeholder.choice = options;
          into.push(placeholder);
          return true;
        }
        return this.restore(saved);
      }
    }
    if (this.take('/') !== undefined) {
      const transform = this.parseTransform();
      if (!transform) return this.restore(saved);
      placeholder.transform = transform;
      into.push(placeholder);
      return true;
    }
    if (this.take('}') !== undefined) {
      into.push(placeholder);
      return true;
    }
    return this.restore(saved);
  }

  /** One option of a choice: up to an unescaped `,` or `|`. Only `\,`, `\|` and `\\` are escapes here. */
  private parseChoiceOption(): string | undefined {
    let value = '';
    let length = 0;
    for (;;) {
      const kind = this.token.kind;
      if (kind === ',' || kind === '|') break;
      if (kind === 'eof') return undefined;
      const backslash = this.take('\\');
      if (backslash !== undefined) value += this.take(',') ?? this.take('|') ?? this.take('\\') ?? backslash;
      else value += this.take()!;
      length++;
    }
    return length > 0 ? value : undefined;
  }

  private parseComplexVariable(into: SnippetNode[]): boolean {
    const saved = this.at;
    if (this.take('$') === undefined || this.take('{') === undefined) return this.restore(saved);
    const name = this.take('name');
    if (name === undefined) return this.restore(saved);
    const variable: VariableNode = { kind: 'variable', name, children: [] };

    if (this.take(':') !== undefined) {
      for (;;) {
        if (this.take('}') !== undefined) {
          this.variables.push(name);
          into.push(variable);
          return true;
        }
        if (this.parseAny(variable.children)) continue;
        appendText(into, '${' + name + ':');
        for (const child of variable.children) appendNode(into, child);
        return true;
      }
    }
    if (this.take('/') !== undefined) {
      const transform = this.parseTransform();
      if (!transform) return this.restore(saved);
      variable.transform = transform;
      this.variables.push(name);
      into.push(variable);
      return true;
    }
    if (this.take('}') !== undefined) {
      this.variables.push(name);
      into.push(variable);
      return true;
    }
    return this.restore(saved);
  }

  /** `regex/format/options}` after the first `/`. */
  private parseTransform(): Transform | undefined {
    let pattern = '';
    for (;;) {
      if (this.take('/') !== undefined) break;
      const backslash = this.take('\\');
      if (backslash !== undefined) {
        pattern += this.take('/') ?? backslash;
        continue;
      }
      const any = this.take();
      if (any === undefined) return undefined;
      pattern += any;
    }
    const format: FormatPart[] = [];
    for (;;) {
      if (this.take('/') !== undefined) break;
      const backslash = this.take('\\');
      if (backslash !== undefined) {
        pushFormatText(format, this.take('\\') ?? this.take('/') ?? backslash);
        continue;
      }
      if (this.parseFormatGroup(format)) continue;
      const any = this.take();
      if (any === undefined) return undefined;
      pushFormatText(format, any);
    }
    let flags = '';
    for (;;) {
      if (this.take('}') !== undefined) break;
      const any = this.take();
      if (any === undefined) return undefined;
      flags += any;
    }
    try {
      return { regexp: new RegExp(pattern, flags), format };
    } catch {
      return undefined;
    }
  }

  private parseFormatGroup(format: FormatPart[]): boolean {
    const saved = this.at;
    if (this.take('$') === undefined) return false;
    const braced = this.take('{') !== undefined;
    const groupText = this.take('int');
    if (groupText === undefined) return this.restore(saved);
    const group = Number(groupText);
    if (!braced || this.take('}') !== undefined) {
      format.push({ kind: 'group', group });
      return true;
    }
    if (this.take(':') === undefined) return this.restore(saved);
    if (this.take('/') !== undefined) {
      const shorthand = this.take('name');
      if (shorthand === undefined || this.take('}') === undefined) return this.restore(saved);
      format.push({ kind: 'group', group, shorthand });
      return true;
    }
    if (this.take('+') !== undefined) {
      const ifValue = this.readUntil('}');
      if (ifValue) {
        format.push({ kind: 'group', group, ifValue });
        return true;
      }
    } else if (this.take('-') !== undefined) {
      const elseValue = this.readUntil('}');
      if (elseValue) {
        format.push({ kind: 'group', group, elseValue });
        return true;
      }
    } else if (this.take('?') !== undefined) {
      const ifValue = this.readUntil(':');
      const elseValue = ifValue ? this.readUntil('}') : undefined;
      if (ifValue && elseValue) {
        format.push({ kind: 'group', group, ifValue, elseValue });
        return true;
      }
    } else {
      const elseValue = this.readUntil('}');
      if (elseValue) {
        format.push({ kind: 'group', group, elseValue });
        return true;
      }
    }
    return this.restore(saved);
  }

  /** Raw text up to `end` (consumed), with `\$`, `\}` and `\\` unescaped; undefined at the end of input or on another escape. */
  private readUntil(end: TokenKind): string | undefined {
    const first = this.token;
    while (this.token.kind !== end) {
      if (this.token.kind === 'eof') return undefined;
      if (this.token.kind === '\\') {
        const next = this.tokens[this.at + 1]!;
        if (next.kind !== '$' && next.kind !== '}' && next.kind !== '\\') return undefined;
        this.at++;
      }
      this.at++;
    }
    const raw = this.source.slice(first.start, this.token.start);
    this.at++;
    return raw.replace(/\\([$}\\])/g, '$1');
  }

  private parseLiteral(into: SnippetNode[]): boolean {
    const token = this.token;
    if (token.kind === 'eof') return false;
    if (token.kind === '$') this.bareDollars.push(token.start);
    this.at++;
    appendText(into, this.text(token));
    return true;
  }

  private restore(saved: number): false {
    this.at = saved;
    return false;
  }
}

function appendText(into: SnippetNode[], value: string): void {
  const last = into[into.length - 1];
  if (last?.kind === 'text') last.value += value;
  else into.push({ kind: 'text', value });
}

function appendNode(into: SnippetNode[], node: SnippetNode): void {
  if (node.kind === 'text') appendText(into, node.value);
  else into.push(node);
}

function pushFormatText(format: FormatPart[], value: string): void {
  const last = format[format.length - 1];
  if (last?.kind === 'text') format[format.length - 1] = { kind: 'text', value: last.value + value };
  else format.push({ kind: 'text', value });
}

/** Parses a snippet body the way VS Code's snippet grammar does. */
export function parseSnippet(body: string): ParsedSnippet {
  const parser = new Parser(body);
  const nodes = parser.parseAll();
  return { nodes, bareDollars: parser.bareDollars, variables: parser.variables };
}

/** A contributed snippet's body: a string, or lines joined with `\n`. */
export function bodyText(body: string | readonly string[]): string {
  return typeof body === 'string' ? body : body.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Insertion.

export interface ExpandOptions {
  /** Values of known variables (TM_FILENAME, ...); a known variable without a value inserts its default. */
  readonly variables?: Readonly<Record<string, string>>;
  /** The option to take for a choice placeholder, by placeholder index; the first option otherwise. */
  readonly choices?: ReadonlyMap<number, string>;
}

function walk(nodes: readonly SnippetNode[], visit: (node: SnippetNode) => void): void {
  for (const node of nodes) {
    visit(node);
    if (node.kind !== 'text') walk(node.children, visit);
  }
}

function maxPlaceholderIndex(nodes: readonly SnippetNode[]): number {
  let max = 0;
  walk(nodes, (node) => {
    if (node.kind === 'placeholder') max = Math.max(max, node.index);
  });
  return max;
}

/** The snippet loader's repair: `$foo` (unknown, no default) becomes `${N:foo}`, one N per name. */
function placeholdersForUnknownVariables(nodes: SnippetNode[]): void {
  let next = maxPlaceholderIndex(nodes);
  const indexOfName = new Map<string, number>();
  const repair = (list: SnippetNode[]): void => {
    for (let i = 0; i < list.length; i++) {
      const node = list[i]!;
      if (node.kind === 'variable' && node.children.length === 0 && !KNOWN_VARIABLES.has(node.name)) {
        let index = indexOfName.get(node.name);
        if (index === undefined) {
          index = ++next;
          indexOfName.set(node.name, index);
        }
        list[i] = { kind: 'placeholder', index, children: [{ kind: 'text', value: node.name }] };
      } else if (node.kind !== 'text') {
        repair(node.children);
      }
    }
  };
  repair(nodes);
}

/**
 * The first placeholder of an index that has content (text or a choice) defines the content of every
 * other placeholder with that index, even one that had content of its own.
 */
function shareDefaults(nodes: SnippetNode[]): void {
  const defaults = new Map<number, PlaceholderNode>();
  walk(nodes, (node) => {
    if (node.kind === 'placeholder' && node.index !== 0 && !defaults.has(node.index) && (node.children.length > 0 || node.choice)) {
      defaults.set(node.index, node);
    }
  });
  const fill = (list: SnippetNode[], within: ReadonlySet<number>): void => {
    for (const node of list) {
      if (node.kind === 'text') continue;
      if (node.kind === 'placeholder' && !within.has(node.index)) {
        const source = defaults.get(node.index);
        if (source && source !== node) {
          node.children = structuredClone(source.children);
          if (source.choice) node.choice = [...source.choice];
          else delete node.choice;
        }
      }
      fill(node.children, node.kind === 'placeholder' ? new Set([...within, node.index]) : within);
    }
  };
  fill(nodes, new Set());
}

function applyTransform(transform: Transform, value: string): string {
  let matched = false;
  const result = value.replace(transform.regexp, (...args: unknown[]) => {
    matched = true;
    // The match and its groups come first; the offset and the whole input are the last two arguments.
    const groups = args.slice(0, -2).map((a) => (typeof a === 'string' ? a : undefined));
    return formatGroups(transform.format, groups);
  });
  if (!matched && transform.format.some((p) => p.kind === 'group' && p.elseValue !== undefined)) {
    return formatGroups(transform.format, []);
  }
  return result;
}

function formatGroups(format: readonly FormatPart[], groups: readonly (string | undefined)[]): string {
  let out = '';
  for (const part of format) {
    if (part.kind === 'text') {
      out += part.value;
      continue;
    }
    const value = groups[part.group] ?? '';
    if (part.shorthand === 'upcase') out += value.toLocaleUpperCase();
    else if (part.shorthand === 'downcase') out += value.toLocaleLowerCase();
    else if (part.shorthand === 'capitalize') out += value ? value[0]!.toLocaleUpperCase() + value.slice(1) : '';
    else if (part.shorthand === 'pascalcase' || part.shorthand === 'camelcase') {
      const words = value.match(/[a-z0-9]+/gi);
      if (!words) out += value;
      else {
        out += words.map((w, i) => (part.shorthand === 'camelcase' && i === 0
          ? w[0]!.toLowerCase() + w.slice(1)
          : w[0]!.toUpperCase() + w.slice(1))).join('');
      }
    } else if (value && part.ifValue !== undefined) out += part.ifValue;
    else if (!value && part.elseValue !== undefined) out += part.elseValue;
    else out += value;
  }
  return out;
}

function render(nodes: readonly SnippetNode[], options: ExpandOptions): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.value;
    else if (node.kind === 'placeholder') {
      if (node.choice) out += options.choices?.get(node.index) ?? node.choice[0]!;
      else out += render(node.children, options);
    } else {
      let value: string | undefined = KNOWN_VARIABLES.has(node.name) ? options.variables?.[node.name] : undefined;
      if (node.transform) value = applyTransform(node.transform, value ?? '');
      out += value ?? render(node.children, options);
    }
  }
  return out;
}

/** The text VS Code inserts for a snippet body when every placeholder keeps its default. */
export function expandSnippet(body: string, options: ExpandOptions = {}): string {
  const { nodes } = parseSnippet(body);
  placeholdersForUnknownVariables(nodes);
  shareDefaults(nodes);
  return render(nodes, options);
}

/** The choice placeholders of a body, by index, with their options in order. */
export function choicesOf(body: string): Map<number, string[]> {
  const choices = new Map<number, string[]>();
  walk(parseSnippet(body).nodes, (node) => {
    if (node.kind === 'placeholder' && node.choice && !choices.has(node.index)) choices.set(node.index, node.choice);
  });
  return choices;
}

/** The default text of each non-choice placeholder, by index (the first placeholder with content wins). */
export function placeholderDefaults(body: string): Map<number, string> {
  const defaults = new Map<number, string>();
  walk(parseSnippet(body).nodes, (node) => {
    if (node.kind === 'placeholder' && !node.choice && node.children.length > 0 && !defaults.has(node.index)) {
      defaults.set(node.index, render(node.children, {}));
    }
  });
  return defaults;
}

// The rules every contributed PowerShell snippet must pass, as functions that list the problems they
// find, so that the tests can run them on the real snippet file and on deliberately broken snippets.
import { cmdletReference, hasParameter } from './cmdletParameters';
import { type CommandUse, parsePowerShell, type SyntaxIssue } from './powershellGrammar';
import { bodyText, choicesOf, expandSnippet, parseSnippet } from './vscodeSnippet';

export interface SnippetEntry {
  readonly name: string;
  readonly prefix: unknown;
  readonly description: unknown;
  readonly body: unknown;
}

export interface Problem {
  readonly snippet: string;
  readonly message: string;
}

/** The one prefix scheme: `mf-` (mail flow), the area, then words. Typing `mf` lists every snippet. */
export const PREFIX_SCHEME = /^mf-(?:track|report|ndr|queue|msg|exo|diag|dns)(?:-[a-z0-9]+)+$/;

/** How each description starts: where the snippet runs. */
export const SCOPE_LABELS = ['On-premises: ', 'Exchange Online: ', 'On-premises and Exchange Online: '] as const;

export function snippetEntries(file: Record<string, { prefix?: unknown; description?: unknown; body?: unknown }>): SnippetEntry[] {
  return Object.entries(file).map(([name, s]) => ({ name, prefix: s.prefix, description: s.description, body: s.body }));
}

function prefixesOf(entry: SnippetEntry): string[] {
  if (typeof entry.prefix === 'string') return [entry.prefix];
  if (Array.isArray(entry.prefix)) return entry.prefix.filter((p): p is string => typeof p === 'string');
  return [];
}

/** The body as VS Code joins it, or undefined when it is neither a string nor an array of strings. */
export function bodyOf(entry: SnippetEntry): string | undefined {
  if (typeof entry.body === 'string') return entry.body;
  if (Array.isArray(entry.body) && entry.body.every((l) => typeof l === 'string')) return bodyText(entry.body as string[]);
  return undefined;
}

/** Descriptions, prefixes, body shape and `$` escapes. */
export function lintSnippets(entries: readonly SnippetEntry[]): Problem[] {
  const problems: Problem[] = [];
  const owners = new Map<string, string>();
  for (const entry of entries) {
    const report = (message: string): void => void problems.push({ snippet: entry.name, message });
    if (typeof entry.description !== 'string' || entry.description.trim() === '') report('has no description');
    else if (!SCOPE_LABELS.some((label) => (entry.description as string).startsWith(label))) {
      report(`description does not start with one of ${SCOPE_LABELS.map((l) => `"${l.trim()}"`).join(', ')}`);
    }
    const prefixes = prefixesOf(entry);
    if (prefixes.length === 0) report('has no prefix');
    for (const prefix of prefixes) {
      if (!PREFIX_SCHEME.test(prefix)) report(`prefix "${prefix}" does not follow the mf-<area>-<words> scheme`);
      const owner = owners.get(prefix.toLowerCase());
      if (owner !== undefined) report(`prefix "${prefix}" is also the prefix of "${owner}"`);
      else owners.set(prefix.toLowerCase(), entry.name);
    }
    const body = bodyOf(entry);
    if (body === undefined) {
      report('body is not a string or an array of strings');
      continue;
    }
    const parsed = parseSnippet(body);
    for (const offset of parsed.bareDollars) report(`unescaped $ at ${lineColumn(body, offset)}: write \\$`);
    for (const name of parsed.variables) report(`$${name} is read as a snippet variable: write \\$${name}`);
  }
  return problems;
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

export interface Expansion {
  /** "defaults", or "choice 2 = $false" for a variant taking another option of one choice. */
  readonly label: string;
  readonly text: string;
}

/** The text inserted with every default, then one variant for every other option of every choice. */
export function expansionsOf(body: string): Expansion[] {
  const expansions: Expansion[] = [{ label: 'defaults', text: expandSnippet(body) }];
  for (const [index, options] of choicesOf(body)) {
    for (const option of options.slice(1)) {
      expansions.push({ label: `choice ${index} = ${option}`, text: expandSnippet(body, { choices: new Map([[index, option]]) }) });
    }
  }
  return expansions;
}

export interface ParsedExpansion extends Expansion {
  readonly issues: readonly SyntaxIssue[];
  readonly commands: readonly CommandUse[];
}

export async function parseExpansions(body: string): Promise<ParsedExpansion[]> {
  return Promise.all(expansionsOf(body).map(async (e) => ({ ...e, ...(await parsePowerShell(e.text)) })));
}

export function syntaxProblems(name: string, expansions: readonly ParsedExpansion[]): Problem[] {
  return expansions.flatMap((e) => e.issues.map((i) => ({
    snippet: name,
    message: `${e.label}: ${i.kind} at line ${i.line}, column ${i.column} (${JSON.stringify(i.text)})`,
  })));
}

/** Every command must be in the reference table, and every -Parameter one of its real parameters. */
export function parameterProblems(name: string, expansions: readonly ParsedExpansion[]): Problem[] {
  const problems: Problem[] = [];
  for (const e of expansions) {
    for (const command of e.commands) {
      const known = cmdletReference(command.name);
      if (!known) {
        problems.push({ snippet: name, message: `${e.label}: ${command.name} is not in the cmdlet reference table` });
        continue;
      }
      for (const parameter of command.parameters) {
        if (!hasParameter(known.reference, parameter)) {
          problems.push({ snippet: name, message: `${e.label}: ${known.name} has no parameter -${parameter} (${known.reference.source})` });
        }
      }
    }
  }
  return problems;
}

const DATE_PARAMETERS = ['start', 'end', 'startdate', 'enddate'];
/** Searches that stop at 1000 results by default; without -Identity they must ask for all. */
const UNLIMITED_SEARCHES = ['get-messagetrackinglog', 'get-message', 'get-recipient', 'get-mailbox', 'get-distributiongroup', 'search-messagetrackingreport'];
const LITERAL_DATE = /\b\d{1,4}[/-]\d{1,2}[/-]\d{2,4}\b/;
const CREDENTIAL_USE = /-Credential\b|-Password\b|ConvertTo-SecureString|Get-Credential|New-PSSession|\bBasic\b/i;
const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}/g;
const IPV4 = /\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/g;
const DOCUMENTATION_NETWORKS = ['192.0.2.', '198.51.100.', '203.0.113.'];

function argumentOf(command: CommandUse, parameter: string): string | undefined {
  for (const [name, value] of command.arguments) if (name.toLowerCase() === parameter) return value;
  return undefined;
}

function has(command: CommandUse, parameter: string): boolean {
  return command.parameters.some((p) => p.toLowerCase() === parameter);
}

/** Dates from Get-Date, all results where more than 1000 are possible, no credentials, example values only. */
export function qualityProblems(name: string, expansions: readonly ParsedExpansion[]): Problem[] {
  const problems: Problem[] = [];
  const report = (message: string): void => void problems.push({ snippet: name, message });
  for (const e of expansions) {
    if (LITERAL_DATE.test(e.text)) report(`${e.label}: literal date ${LITERAL_DATE.exec(e.text)![0]}; use (Get-Date).AddHours(-N) or .AddDays(-N)`);
    if (CREDENTIAL_USE.test(e.text)) report(`${e.label}: uses credentials or Basic authentication (${CREDENTIAL_USE.exec(e.text)![0]})`);
    if (/onmicrosoft\.com/i.test(e.text)) report(`${e.label}: names a tenant`);
    for (const address of e.text.match(EMAIL) ?? []) {
      if (!/@contoso\.com$/i.test(address)) report(`${e.label}: ${address} is not an example address at contoso.com`);
    }
    for (const ip of e.text.match(IPV4) ?? []) {
      if (!DOCUMENTATION_NETWORKS.some((net) => ip.startsWith(net))) report(`${e.label}: ${ip} is not a documentation address`);
    }
    for (const command of e.commands) {
      const cmdlet = command.name.toLowerCase();
      for (const parameter of DATE_PARAMETERS) {
        const value = argumentOf(command, parameter);
        if (value !== undefined && !value.startsWith('(Get-Date)') && !value.startsWith('$')) {
          report(`${e.label}: ${command.name} -${parameter} ${value} is not computed from Get-Date`);
        }
      }
      if (UNLIMITED_SEARCHES.includes(cmdlet) && !has(command, 'identity')
        && (argumentOf(command, 'resultsize') ?? '').toLowerCase() !== 'unlimited') {
        report(`${e.label}: ${command.name} can return more than 1000 results but lacks -ResultSize Unlimited`);
      }
      if (cmdlet === 'get-messagetracev2' && !has(command, 'messagetraceid')
        && argumentOf(command, 'resultsize') !== '5000') {
        report(`${e.label}: Get-MessageTraceV2 returns 1000 rows unless -ResultSize 5000 (its maximum)`);
      }
      if (cmdlet === 'get-messagetrace' && !has(command, 'messageid') && argumentOf(command, 'pagesize') !== '5000') {
        report(`${e.label}: Get-MessageTrace returns 1000 rows unless -PageSize 5000 (its maximum)`);
      }
    }
  }
  return problems;
}

/** Every check on a whole snippet file; an empty list means the file is good. */
export async function checkSnippetFile(entries: readonly SnippetEntry[]): Promise<Problem[]> {
  const problems = lintSnippets(entries);
  for (const entry of entries) {
    const body = bodyOf(entry);
    if (body === undefined) continue;
    const expansions = await parseExpansions(body);
    problems.push(...syntaxProblems(entry.name, expansions), ...parameterProblems(entry.name, expansions),
      ...qualityProblems(entry.name, expansions));
  }
  return problems;
}

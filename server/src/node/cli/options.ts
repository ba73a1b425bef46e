// The command line's options: parsed strictly (an unknown option is an error), with the usage text
// that documents every option and exit code.

import { availableParallelism } from 'node:os';
import type { ReportFormat, ReportOptions } from './report';

export type OutputFormat = 'text' | 'json' | 'ndjson' | 'sarif';
export type SeverityName = 'error' | 'warning' | 'info';

export interface CheckOptions {
  readonly format: OutputFormat;
  /** Problems shown per file at most, after the severity filter; Infinity for no limit. */
  readonly maxProblems: number;
  /** The least severity shown: error shows errors only, info shows everything. */
  readonly severity: SeverityName;
  readonly summary: boolean;
  readonly jobs: number;
  readonly color: boolean;
}

export type Command =
  | { readonly kind: 'check'; readonly paths: readonly string[]; readonly options: CheckOptions }
  | { readonly kind: 'report'; readonly paths: readonly string[]; readonly options: ReportOptions }
  | { readonly kind: 'explain'; readonly text: string | undefined; readonly format: 'text' | 'json' }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' };

export const USAGE = `Usage:
  mailflow-lens check [options] <file|directory|->...
  mailflow-lens report [-o FILE] [--format html|md|json] <file|directory|->...
  mailflow-lens explain [--format text|json] [<code or reply>|-]
  mailflow-lens --help | --version

check prints the problems the editor would show for each file. Directories are read
recursively; there, files are checked when recognised by name or content (Exchange
tracking and protocol logs, e-mail messages, and the other families Mailflow Lens reads),
and the others are skipped with a note. "-" reads standard input. Gzip-compressed input
(.gz) is decompressed as it is read. Text is read as UTF-8, or as UTF-16 when it starts
with a byte order mark; invalid UTF-8 is replaced and noted.

Options of check:
  -f, --format FORMAT     text (default): file:line:col: severity: message [code]
                          json: one document, problems grouped per file
                          ndjson: one problem per line, written as soon as found
                          sarif: SARIF 2.1.0, for code-scanning views
  --max-problems N        show at most N problems per file (default: no limit)
  --severity LEVEL        show problems of at least this severity: error, warning
                          or info (default: info, everything)
  --summary               end with the counts per file and kind (json: in the
                          document; ndjson and sarif: on standard error)
  -j, --jobs N            check N files at once on worker threads (default: the
                          number of cores); the output is the same for any N
  --no-color              no colours (colours are used when standard output is a
                          terminal and NO_COLOR is not set)

report writes the mail flow report of the files: totals, a timeline, failures by
reason and status code, the domains that fail most, the deferral queue, delivery
delays, top senders, rejected clients, block lists and every failed recipient. The
inputs are read as check reads them; several files make one report.

Options of report:
  -o, --output FILE       write the report to FILE (default: standard output)
  -f, --format FORMAT     html: one self-contained page with charts and tables (no
                          script, no network reference); the default when FILE
                          ends in .html or .htm
                          md: the same tables as Markdown, for a ticket
                          json: the report's aggregates as one document (the
                          default otherwise)

explain prints what a status code, reply or transport string means; with no argument
or "-" it reads the text from standard input. --format json prints the explanations
as a JSON array.

Exit codes:
  0  check: no problem of error severity; report: the report was written
  1  check: at least one problem of error severity (whether shown or not)
  2  bad usage, or an input could not be read (missing, a directory without
     readable files, binary, compressed wrongly or in an unreadable encoding);
     the other inputs are still checked (report: and reported)`;

export class UsageError extends Error {}

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'ndjson', 'sarif'];
const SEVERITIES: readonly SeverityName[] = ['error', 'warning', 'info'];

export function parseCommand(argv: readonly string[], env: NodeJS.ProcessEnv, stdoutIsTty: boolean): Command {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') return { kind: 'help' };
  if (command === '--version') return { kind: 'version' };
  if (command === 'explain') return parseExplain(rest);
  if (command === 'check') return parseCheck(rest, env, stdoutIsTty);
  if (command === 'report') return parseReport(rest);
  throw new UsageError(command === undefined ? 'no command given' : `unknown command "${command}"`);
}

/** Splits "--name=value" and takes the value of "--name value". */
function optionReader(args: readonly string[]) {
  let i = 0;
  return {
    next(): { name: string; inline?: string } | { operand: string } | undefined {
      if (i >= args.length) return undefined;
      const arg = args[i++]!;
      if (arg === '--') return i < args.length ? { operand: args[i++]! } : undefined;
      if (arg === '-' || !arg.startsWith('-')) return { operand: arg };
      const eq = arg.indexOf('=');
      return eq > 0 && arg.startsWith('--') ? { name: arg.slice(0, eq), inline: arg.slice(eq + 1) } : { name: arg };
    },
    value(name: string, inline: string | undefined): string {
      if (inline !== undefined) return inline;
      if (i >= args.length) throw new UsageError(`${name} needs a value`);
      return args[i++]!;
    },
  };
}

function parseCheck(args: readonly string[], env: NodeJS.ProcessEnv, stdoutIsTty: boolean): Command {
  const reader = optionReader(args);
  const paths: string[] = [];
  let format: OutputFormat = 'text';
  let maxProblems = Infinity;
  let severity: SeverityName = 'info';
  let summary = false;
  let jobs = availableParallelism();
  let color = stdoutIsTty && !env['NO_COLOR'];
  for (let item = reader.next(); item; item = reader.next()) {
    if ('operand' in item) { paths.push(item.operand); continue; }
    const { name, inline } = item;
    switch (name) {
      case '-f': case '--format': format = oneOf(name, reader.value(name, inline), FORMATS); break;
      case '--max-problems': maxProblems = count(name, reader.value(name, inline), 0); break;
      case '--severity': severity = oneOf(name, reader.value(name, inline), SEVERITIES); break;
      case '-j': case '--jobs': jobs = count(name, reader.value(name, inline), 1); break;
      case '--summary': summary = flag(name, inline); break;
      case '--no-color': color = !flag(name, inline); break;
      default: throw new UsageError(`unknown option "${name}"`);
    }
  }
  if (!paths.length) throw new UsageError('check needs at least one file, directory or "-"');
  return { kind: 'check', paths, options: { format, maxProblems, severity, summary, jobs, color } };
}

const REPORT_FORMATS: readonly ReportFormat[] = ['json', 'md', 'html'];

function parseReport(args: readonly string[]): Command {
  const reader = optionReader(args);
  const paths: string[] = [];
  let format: ReportFormat | undefined;
  let output: string | undefined;
  for (let item = reader.next(); item; item = reader.next()) {
    if ('operand' in item) { paths.push(item.operand); continue; }
    const { name, inline } = item;
    switch (name) {
      case '-f': case '--format': format = oneOf(name, reader.value(name, inline), REPORT_FORMATS); break;
      case '-o': case '--output': output = reader.value(name, inline); break;
      default: throw new UsageError(`unknown option "${name}"`);
    }
  }
  if (!paths.length) throw new UsageError('report needs at least one file, directory or "-"');
  format ??= output !== undefined && /\.html?$/i.test(output) ? 'html' : 'json';
  return { kind: 'report', paths, options: { format, ...(output !== undefined ? { output } : {}) } };
}

function parseExplain(args: readonly string[]): Command {
  const reader = optionReader(args);
  const words: string[] = [];
  let format: 'text' | 'json' = 'text';
  for (let item = reader.next(); item; item = reader.next()) {
    if ('operand' in item) { words.push(item.operand); continue; }
    if (item.name === '-f' || item.name === '--format') format = oneOf(item.name, reader.value(item.name, item.inline), ['text', 'json'] as const);
    else throw new UsageError(`unknown option "${item.name}"`);
  }
  const fromStdin = words.length === 0 || (words.length === 1 && words[0] === '-');
  return { kind: 'explain', text: fromStdin ? undefined : words.join(' '), format };
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${name} takes one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

function count(name: string, value: string, least: number): number {
  if (!/^\d{1,9}$/.test(value) || Number(value) < least) throw new UsageError(`${name} takes a whole number of at least ${least}, not "${value}"`);
  return Number(value);
}

function flag(name: string, inline: string | undefined): boolean {
  if (inline !== undefined) throw new UsageError(`${name} takes no value`);
  return true;
}

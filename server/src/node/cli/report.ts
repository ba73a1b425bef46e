// `mailflow-lens report`: the mail flow report (#15) of files and directories, read like `check`
// reads them (directories recursively, "-" for standard input, .gz decompressed, the family found
// by name and content), built by the language service and written out by one small step.

import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import manifest from '../../../../package.json';
import { languageOfFile } from '../../common/languages';
import { sourceNameOf } from '../../common/sourceNames';
import type { MailFlowReport, SkippedSource } from '../../common/mailFlow';
import type { LanguageService } from '../../languageService';
import type * as reportPages from '../../report/reportPages';
import { displayName, type Input, namedLikeOurs } from './checking';
import { openText, UnreadableInput } from './reading';
import { expandArguments } from './run';

export type ReportFormat = 'html' | 'md' | 'json';

export interface ReportOptions {
  readonly format: ReportFormat;
  /** The file written; standard output when absent. */
  readonly output?: string;
}

/** The start of the text that decides its family, as `check` reads it. */
const HEAD_CHARS = 64 * 1024;
/** A report reads each file whole, up to this size. */
const MAX_WHOLE_CHARS = 256 * 1024 * 1024;

/** Builds the report of `paths` and writes it; `unreadable` when an input could not be read (exit code 2). */
export async function runReport(
  paths: readonly string[], options: ReportOptions, service: LanguageService, out: (s: string) => void, err: (s: string) => void,
): Promise<{ readonly unreadable: boolean }> {
  const { inputs, missing, directories } = expandArguments(paths);
  for (const path of missing) err(`${path}: no such file or directory\n`);
  let unreadable = missing.length > 0;
  const documents: { document: TextDocument }[] = [];
  const skipped: SkippedSource[] = [];
  const readPerRoot = new Map<number, number>();
  for (const input of inputs) {
    const read = await readDocument(input, service);
    if ('document' in read) {
      documents.push({ document: read.document });
      readPerRoot.set(input.root, (readPerRoot.get(input.root) ?? 0) + 1);
      continue;
    }
    skipped.push({ uri: uriOf(input.path), name: input.path === '-' ? '<stdin>' : sourceNameOf(uriOf(input.path)), reason: read.reason });
    if (read.unreadable) {
      err(`${displayName(input)}: ${read.reason}\n`);
      unreadable = true;
    }
  }
  paths.forEach((path, root) => {
    if (directories.has(root) && !readPerRoot.get(root)) {
      err(`${path}: no file in this directory is one Mailflow Lens reads\n`);
      unreadable = true;
    }
  });
  const report = await service.mailFlowReport(documents, skipped);
  if (report) writeReport(renderReport(report, options.format), options.output, out);
  return { unreadable };
}

/**
 * The page renderer and its chart library: dist/reportPages.js beside this bundle (the one the
 * extension's worker reads), read by path only for html and md, so `check` starts without it.
 */
function loadReportPages(): typeof reportPages {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(__dirname, 'reportPages.js')) as typeof reportPages;
}

/** The report as text in the format asked for. */
export function renderReport(report: MailFlowReport, format: ReportFormat): string {
  switch (format) {
    case 'json': return `${JSON.stringify(report, null, 2)}\n`;
    case 'html': return loadReportPages().filePage(report);
    case 'md': return loadReportPages().markdownReport(report);
  }
}

function writeReport(text: string, output: string | undefined, out: (s: string) => void): void {
  if (output === undefined || output === '-') out(text);
  else writeFileSync(output, text);
}

type ReadResult = { readonly document: TextDocument } | { readonly reason: string; readonly unreadable: boolean };

/** One input as a document of its family; a file found in a directory that no family reads is skipped, not unreadable. */
async function readDocument(input: Input, service: LanguageService): Promise<ReadResult> {
  try {
    const source = await openText(input.path);
    let text = '';
    try {
      for await (const chunk of source.chunks) {
        text += chunk;
        if (text.length > MAX_WHOLE_CHARS) throw new UnreadableInput(`too large to read whole (over ${MAX_WHOLE_CHARS / 1024 / 1024} MB of text)`);
      }
    } finally {
      source.close();
    }
    const name = input.path === '-' ? '' : source.compressed ? input.path.replace(/\.gz$/i, '') : input.path;
    const language = languageOfFile(name, text.slice(0, 4096), manifest.contributes.languages);
    const uri = uriOf(input.path);
    if (!input.explicit && !service.isFamilyDocument(TextDocument.create(uri, language, 1, text.slice(0, HEAD_CHARS)))) {
      return { reason: 'not a kind of file Mailflow Lens reads', unreadable: false };
    }
    return { document: TextDocument.create(uri, language, 1, text) };
  } catch (error) {
    if (!(error instanceof UnreadableInput)) throw error;
    return { reason: error.message, unreadable: input.explicit || namedLikeOurs(input.path) };
  }
}

function uriOf(path: string): string {
  return path === '-' ? 'untitled:stdin' : pathToFileURL(resolve(path)).href;
}

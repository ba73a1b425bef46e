// Custom request behind "Mailflow Lens: Mail Flow Report" (#15): open documents by URI and files the
// client read (a folder), each read by its family; the report built by the language service and
// rendered by the report layer, loaded on the first request. Cancellable between sources.

import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { contributes } from '../../../package.json';
import { languageOfFile } from '../common/languages';
import { sourceNameOf } from '../common/sourceNames';
import type { SkippedSource } from '../common/mailFlow';
import { MAIL_FLOW_REPORT_REQUEST, type MailFlowReportParams, type MailFlowReportResult } from '../common/protocol';
import type { LanguageService } from '../languageService';
import type { RuntimeEnvironment } from '../runtime';
import type { SettingsCache } from './settings';

/** The start of a file that decides its family, as the command line reads it. */
const HEAD_CHARS = 4096;

const isString = (value: unknown): value is string => typeof value === 'string';

/** A list the client sent, each entry still to be checked (the request comes over the wire). */
const entries = (value: unknown): readonly unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);

/** An entry with these string fields, or undefined. */
function withStrings<K extends string>(value: unknown, ...keys: K[]): Record<K, string> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  return keys.every((key) => isString(record[key])) ? (record as Record<K, string>) : undefined;
}

/** The path part of a URI, for the choice of language by file name. */
function pathOf(uri: string): string {
  return uri.replace(/[?#].*$/, '');
}

/** A file the client read, as a document of the language its name and first lines choose (as the command line chooses). */
export function fileDocument(uri: string, text: string): TextDocument {
  return TextDocument.create(uri, languageOfFile(pathOf(uri), text.slice(0, HEAD_CHARS), contributes.languages), 1, text);
}

/** The documents of a report request, and what was left out and why; malformed entries are left out too. */
export function reportSources(params: MailFlowReportParams, documents: Pick<TextDocuments<TextDocument>, 'get'>): {
  readonly sources: { readonly document: TextDocument }[]; readonly skipped: SkippedSource[];
} {
  const sources: { document: TextDocument }[] = [];
  const skipped: SkippedSource[] = [];
  for (const uri of entries(params.uris)) {
    if (!isString(uri)) continue;
    const document = documents.get(uri);
    if (document) sources.push({ document });
    else skipped.push({ uri, name: sourceNameOf(uri), reason: 'not open in the editor' });
  }
  for (const entry of entries(params.files)) {
    const file = withStrings(entry, 'uri', 'text');
    if (file) sources.push({ document: fileDocument(file.uri, file.text) });
  }
  for (const entry of entries(params.skipped)) {
    const left = withStrings(entry, 'uri', 'reason');
    if (left) skipped.push({ uri: left.uri, name: sourceNameOf(left.uri), reason: left.reason });
  }
  return { sources, skipped };
}

export function registerMailFlowReportHandler(
  connection: Connection, documents: TextDocuments<TextDocument>, service: Promise<LanguageService>, settings: SettingsCache, runtime: RuntimeEnvironment,
): void {
  connection.onRequest(MAIL_FLOW_REPORT_REQUEST, async (params: MailFlowReportParams, token: CancellationToken): Promise<MailFlowReportResult | null> => {
    if (!params || !isString(params.webview?.nonce) || !isString(params.webview.cspSource)) return null;
    const { sources, skipped } = reportSources(params, documents);
    const first = sources[0]?.document.uri;
    const report = await (await service).mailFlowReport(sources, skipped, token, first === undefined ? undefined : await settings.get(first));
    if (!report || token.isCancellationRequested) return null;
    const { renderReport } = await runtime.loadReportRenderer();
    if (token.isCancellationRequested) return null;
    const rendered = renderReport(report, { nonce: params.webview.nonce, cspSource: params.webview.cspSource });
    return { ...rendered, sources: report.sources.map((source) => source.uri) };
  });
}

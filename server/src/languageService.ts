// The pure language service: functions from a TextDocument to results. Knows nothing of LSP
// connections or Node, so the node server, a browser worker, the CLI and tests share it. Each
// request goes to the language mode of the document's family (modes/languageModes.ts).

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction, Diagnostic, DocumentHighlight, DocumentSymbol, FoldingRange, Hover, InlayHint, Location, Position, Range,
} from 'vscode-languageserver-types';
import type { CancellationToken, YieldControl } from './common/cancellation';
import type { MailFlowReport, SkippedSource } from './common/mailFlow';
import { type ExplainBounceResult, FILTER_LINES_DEFAULT_LIMIT, type FilterLinesResult } from './common/protocol';
import { parseLineQuery } from './common/lineQuery';
import { defaultSettings, type LanguageSettings } from './common/settings';
import { buildMailFlowReport, type SourceRecords } from './analysis/flow/mailFlowReport';
import { sourceNameOf } from './common/sourceNames';
import { explainText } from './analysis/replyExplanation';
import { type FamilyMode, getLanguageModes, type LanguageMode, type ProblemStream } from './modes/languageModes';
import { explainBounce } from './modes/email/bounceSummary';
import { renderExplanations } from './modes/shared/renderMarkdown';
import { renderPlainText } from './modes/shared/renderPlainText';

export { defaultSettings, type LanguageSettings } from './common/settings';
export type { ProblemStream } from './modes/languageModes';

export interface LanguageServiceOptions {
  /** Gives the event loop a turn during long validations; the default resolves at once. */
  readonly yieldControl?: YieldControl;
}

/** How explainCodes writes: Markdown for the editor, plain text for a terminal. */
export type ExplanationFormat = 'markdown' | 'plaintext';

export interface LanguageService {
  doHover(document: TextDocument, position: Position, settings?: LanguageSettings, token?: CancellationToken): Hover | null;
  doValidation(document: TextDocument, settings?: LanguageSettings, token?: CancellationToken): Promise<Diagnostic[]>;
  findDocumentSymbols(document: TextDocument, token?: CancellationToken): DocumentSymbol[];
  findReferences(document: TextDocument, position: Position, token?: CancellationToken): Location[];
  findDocumentHighlights(document: TextDocument, position: Position, token?: CancellationToken): DocumentHighlight[];
  getFoldingRanges(document: TextDocument, token?: CancellationToken): FoldingRange[];
  /** Quick fixes for the diagnostics the client sends along (those under the cursor or selection). */
  getCodeActions(document: TextDocument, diagnostics: readonly Diagnostic[], token?: CancellationToken): CodeAction[];
  /** Hop timing and authentication hints on the Received and Authentication-Results headers of e-mail documents. */
  getInlayHints(document: TextDocument, range?: Range, settings?: LanguageSettings, token?: CancellationToken): InlayHint[];
  /** Full explanations of every code in free text (the first 10,000 characters); null when there is none. */
  explainCodes(text: string, format?: ExplanationFormat): string | null;
  /** The "Explain this bounce" summary of a document read as an e-mail message, whatever its language. */
  explainBounce(document: TextDocument, settings?: LanguageSettings, token?: CancellationToken): ExplainBounceResult | null;
  /** The problems of a text read in parts, when its family can read it so (see LanguageMode.streamValidation); `head` is its start. */
  streamValidation(head: TextDocument, settings?: LanguageSettings): ProblemStream | undefined;
  /** Whether a family reads this document (by language id or content), rather than only the status codes in any text. */
  isFamilyDocument(document: TextDocument): boolean;
  /**
   * The mail flow report (#15) of the documents, each read by its family's mailFlow; a document
   * whose family has none is skipped with the reason, after the `skipped` given. Yields between
   * sources; null once cancelled.
   */
  mailFlowReport(
    sources: readonly { readonly document: TextDocument }[], skipped?: readonly SkippedSource[], token?: CancellationToken, settings?: LanguageSettings,
  ): Promise<MailFlowReport | null>;
  /** Filter Lines (#15): the lines matching a query (see FILTER_LINES_REQUEST), at most `limit`; a query that cannot be read gives `error`. */
  filterLines(document: TextDocument, query: string, limit?: number, token?: CancellationToken): Promise<FilterLinesResult>;
}

/** Lines Filter Lines lists when the request names no limit. */

export function getLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const yieldControl = options.yieldControl ?? (() => Promise.resolve());
  const modes = getLanguageModes({ yieldControl });
  const modeOf = (document: TextDocument) => modes.modeFor(document);
  return {
    explainCodes: (text, format = 'markdown') => {
      const explanations = explainText(text.slice(0, 10_000));
      if (!explanations.length) return null;
      return format === 'markdown' ? renderExplanations(explanations).value : explanations.map(renderPlainText).join('\n\n');
    },
    doHover: (document, position, settings = defaultSettings, token) => modeOf(document).doHover?.(document, position, settings, token) ?? null,
    doValidation: async (document, settings = defaultSettings, token) => {
      if (!settings.diagnostics.enable) return [];
      return (await modeOf(document).doValidation?.(document, settings, token)) ?? [];
    },
    findDocumentSymbols: (document, token) => modeOf(document).findDocumentSymbols?.(document, token) ?? [],
    findReferences: (document, position, token) => modeOf(document).findReferences?.(document, position, token) ?? [],
    findDocumentHighlights: (document, position, token) => modeOf(document).findDocumentHighlights?.(document, position, token) ?? [],
    getFoldingRanges: (document, token) => modeOf(document).getFoldingRanges?.(document, token) ?? [],
    getCodeActions: (document, diagnostics, token) => modeOf(document).getCodeActions?.(document, diagnostics, token) ?? [],
    getInlayHints: (document, range, settings = defaultSettings, token) => modeOf(document).getInlayHints?.(document, range, settings, token) ?? [],
    explainBounce: (document, settings = defaultSettings, token) => explainBounce(document, settings.hops, token),
    streamValidation: (head, settings = defaultSettings) => (settings.diagnostics.enable ? modeOf(head).streamValidation?.(head, settings) : undefined),
    isFamilyDocument: (document) => modeOf(document).id !== modes.fallbackId,
    mailFlowReport: async (sources, skipped = [], token, settings = defaultSettings) => {
      const read: SourceRecords[] = [];
      const left: SkippedSource[] = [...skipped];
      for (const { document } of sources) {
        await yieldControl();
        if (token?.isCancellationRequested) return null;
        const mode = modeOf(document);
        const name = sourceNameOf(document.uri);
        if (!mode.mailFlow) {
          left.push({ uri: document.uri, name, reason: `no mail flow is read from this kind of file (${document.languageId})` });
          continue;
        }
        const records = await mode.mailFlow(document, settings, token);
        if (token?.isCancellationRequested) return null;
        read.push({ source: { uri: document.uri, name, language: familyLanguage(mode, document), notes: records.notes }, records });
      }
      return buildMailFlowReport(read, left);
    },
    filterLines: async (document, text, limit = FILTER_LINES_DEFAULT_LIMIT, token) => {
      const parsed = parseLineQuery(text);
      if ('error' in parsed) return { lines: [], total: 0, error: parsed.error };
      const mode = modeOf(document);
      return (await mode.filterLines?.(document, parsed.query, limit, token)) ?? { lines: [], total: 0 };
    },
  };
}

/** The language id of the family that read the document: its own, or for a generic one (log, plaintext) the family's first. */
function familyLanguage(mode: LanguageMode, document: TextDocument): string {
  const ids = (mode as Partial<FamilyMode>).languageIds;
  return !ids || ids.includes(document.languageId) ? document.languageId : ids[0]!;
}


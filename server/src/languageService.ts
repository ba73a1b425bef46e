// The pure language service: functions from a TextDocument to results. Knows nothing of LSP
// connections or Node, so the node server, a browser worker, the CLI and tests share it.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction, Diagnostic, DocumentHighlight, DocumentSymbol, FoldingRange, Hover, InlayHint, Location, Position, Range,
} from 'vscode-languageserver-types';
import type { CancellationToken } from './features/cancellation';
import { doCodeHover } from './features/codeHover';
import { validateCodes, type YieldControl } from './features/codeDiagnostics';
import { PROTOCOL_LOG, TRACKING_LOG } from './detection/documentLanguage';
import { isExchangeLogLanguage } from './features/exchangeLogDocument';
import { validateExchangeLog } from './features/exchangeLogDiagnostics';
import { doLogHover } from './features/exchangeLogHover';
import { findLogSymbols } from './features/exchangeLogSymbols';
import { findLogHighlights, findLogReferences } from './features/exchangeLogReferences';
import { getLogFoldingRanges } from './features/exchangeLogFolding';
import { getLogCodeActions } from './features/exchangeLogActions';
import { validateBounce } from './features/bounceDiagnostics';
import { doEmailHeaderHover } from './features/emailHeaderHover';
import { getHopHints } from './features/hopHints';
import { explainBounce } from './features/bounceSummary';
import type { ExplainBounceResult } from './protocol';
import { defaultSettings, type LanguageSettings } from './settings';
import { explainText } from './features/replyExplanation';
import { renderExplanations } from './features/renderMarkdown';

export { defaultSettings, type LanguageSettings } from './settings';

export interface LanguageServiceOptions {
  /** Gives the event loop a turn during long validations; the default resolves at once. */
  readonly yieldControl?: YieldControl;
}

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
  /** Full explanations of every code in free text, as Markdown; null when there is none. */
  explainCodes(text: string): string | null;
  /** The "Explain this bounce" summary of an e-mail document. */
  explainBounce(document: TextDocument, settings?: LanguageSettings, token?: CancellationToken): ExplainBounceResult | null;
}

export function getLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const yieldControl = options.yieldControl ?? (() => Promise.resolve());
  return {
    explainCodes: (text) => {
      const explanations = explainText(text.slice(0, 10_000));
      return explanations.length ? renderExplanations(explanations).value : null;
    },
    doHover: (document, position, settings = defaultSettings, token) => {
      if (isExchangeLogLanguage(document.languageId)) return doLogHover(document, position, settings.hover.detail, token);
      // In e-mail, a status code keeps its own hover; elsewhere on a header, the header is explained.
      const codeHover = doCodeHover(document, position, settings.hover.detail, token);
      if (codeHover || document.languageId !== 'email') return codeHover;
      return doEmailHeaderHover(document, position, settings.hover.detail, token);
    },
    doValidation: async (document, settings = defaultSettings, token) => {
      if (!settings.diagnostics.enable) return [];
      switch (document.languageId) {
        // Formats with their own analysis add a case here; every other document gets the code scan.
        case TRACKING_LOG:
        case PROTOCOL_LOG:
          return validateExchangeLog(document, settings.diagnostics, token, yieldControl);
        case 'email':
          return validateBounce(document, settings.diagnostics, token);
        default:
          return validateCodes(document, settings.diagnostics, token, yieldControl);
      }
    },
    findDocumentSymbols: (document, token) => (isExchangeLogLanguage(document.languageId) ? findLogSymbols(document, token) : []),
    findReferences: (document, position, token) => (isExchangeLogLanguage(document.languageId) ? findLogReferences(document, position, token) : []),
    findDocumentHighlights: (document, position, token) => (isExchangeLogLanguage(document.languageId) ? findLogHighlights(document, position, token) : []),
    getFoldingRanges: (document, token) => (isExchangeLogLanguage(document.languageId) ? getLogFoldingRanges(document, token) : []),
    getCodeActions: (document, diagnostics, token) => (isExchangeLogLanguage(document.languageId) ? getLogCodeActions(document, diagnostics, token) : []),
    getInlayHints: (document, range, settings = defaultSettings, token) => (document.languageId === 'email'
      ? getHopHints(document, range, settings.hops ?? defaultSettings.hops!, token) : []),
    explainBounce: (document, settings = defaultSettings, token) => explainBounce(document, settings.hops ?? defaultSettings.hops!, token),
  };
}

// One language mode per document family, after html-language-features' languageModes.ts: each
// mode implements the features its family has, and the language service dispatches once, by the
// document's language id. A new family is a folder under modes/ and one entry in getLanguageModes.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction, Diagnostic, DocumentHighlight, DocumentSymbol, FoldingRange, Hover, InlayHint, Location, Position, Range,
} from 'vscode-languageserver-types';
import type { CancellationToken, YieldControl } from '../common/cancellation';
import type { LanguageSettings } from '../common/settings';
import { getEmailMode } from './email/emailMode';
import { getExchangeLogMode } from './exchangeLog/exchangeLogMode';
import { getStatusCodeMode } from './statusCodes/statusCodeMode';

export interface LanguageMode {
  /** For logs and tests: which family this is. */
  readonly id: string;
  doHover?(document: TextDocument, position: Position, settings: LanguageSettings, token?: CancellationToken): Hover | null;
  doValidation?(document: TextDocument, settings: LanguageSettings, token?: CancellationToken): Promise<Diagnostic[]> | Diagnostic[];
  findDocumentSymbols?(document: TextDocument, token?: CancellationToken): DocumentSymbol[];
  findReferences?(document: TextDocument, position: Position, token?: CancellationToken): Location[];
  findDocumentHighlights?(document: TextDocument, position: Position, token?: CancellationToken): DocumentHighlight[];
  getFoldingRanges?(document: TextDocument, token?: CancellationToken): FoldingRange[];
  getCodeActions?(document: TextDocument, diagnostics: readonly Diagnostic[], token?: CancellationToken): CodeAction[];
  getInlayHints?(document: TextDocument, range: Range | undefined, settings: LanguageSettings, token?: CancellationToken): InlayHint[];
}

/** A mode that claims documents by language id (the status-code mode takes the rest). */
export interface FamilyMode extends LanguageMode {
  readonly languageIds: readonly string[];
}

export interface LanguageModeOptions {
  readonly yieldControl: YieldControl;
}

export interface LanguageModes {
  /** The mode of a document's family; status codes in any text when no family claims the language. */
  modeFor(languageId: string): LanguageMode;
}

export function getLanguageModes(options: LanguageModeOptions): LanguageModes {
  const fallback = getStatusCodeMode(options);
  const byLanguage = new Map<string, LanguageMode>();
  for (const mode of [getExchangeLogMode(options), getEmailMode()]) {
    for (const id of mode.languageIds) byLanguage.set(id, mode);
  }
  return { modeFor: (languageId) => byLanguage.get(languageId) ?? fallback };
}

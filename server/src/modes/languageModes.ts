// One language mode per document family, after html-language-features' languageModes.ts: each
// mode implements the features its family has, and the language service dispatches once, by the
// document's language id. A new family is a folder under modes/ and one entry in getLanguageModes.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction, Diagnostic, DocumentHighlight, DocumentSymbol, FoldingRange, Hover, InlayHint, Location, Position, Range,
} from 'vscode-languageserver-types';
import type { CancellationToken, YieldControl } from '../common/cancellation';
import type { LineQuery } from '../common/lineQuery';
import type { FlowRecords } from '../common/mailFlow';
import type { FilterLinesResult } from '../common/protocol';
import type { LanguageSettings } from '../common/settings';
import { getEmailMode } from './email/emailMode';
import { getExchangeLogMode } from './exchangeLog/exchangeLogMode';
import { getMailLogMode } from './mailLog/mailLogMode';
import { getMessageTraceMode } from './messageTrace/messageTraceMode';
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
  /**
   * The problems of a text read in parts (the command line's files and pipes), with the rules of
   * doValidation and in bounded memory; `head` is a document of the text's start, to choose by.
   * Not capped by maxProblems: the caller decides. Families without it are validated whole.
   */
  streamValidation?(head: TextDocument, settings: LanguageSettings): ProblemStream;
  /**
   * What the mail flow report counts (#15): the document's messages, recipients with their
   * outcomes and refused clients, read from the same analysis as doValidation. Yields and stops
   * when cancelled.
   */
  mailFlow?(document: TextDocument, settings: LanguageSettings, token?: CancellationToken): Promise<FlowRecords>;
  /**
   * Filter Lines (#15): the lines whose fields match the query, read from the same analysis as
   * doValidation; at most `limit` lines, `total` counts all. Yields and stops when cancelled.
   */
  filterLines?(document: TextDocument, query: LineQuery, limit: number, token?: CancellationToken): Promise<FilterLinesResult>;
}

/** Problems of a text read in parts, in order, as soon as each is complete. */
export interface ProblemStream {
  /** Reads the next piece of the text; returns the problems it completed. */
  push(text: string): Diagnostic[];
  /** The text has ended: returns the last problems. */
  finish(): Diagnostic[];
}

/** A mode that claims documents by language id (the status-code mode takes the rest). */
export interface FamilyMode extends LanguageMode {
  readonly languageIds: readonly string[];
  /**
   * Claims a document of a generic language (log, plaintext, csv) by its content, so a file VS
   * Code already calls Log keeps its language. Reads a bounded head of the document only.
   */
  claimsContent?(document: TextDocument): boolean;
}

/** Languages VS Code or other extensions give to files our families may be found in by content. */
export const GENERIC_LANGUAGE_IDS: ReadonlySet<string> = new Set(['log', 'plaintext', 'csv']);

export interface LanguageModeOptions {
  readonly yieldControl: YieldControl;
}

export interface LanguageModes {
  /**
   * The mode of a document's family: by language id, then for a generic language by content;
   * status codes in any text when no family claims the document.
   */
  modeFor(document: TextDocument): LanguageMode;
  /** The id of the mode that takes what no family claims. */
  readonly fallbackId: string;
}

export function getLanguageModes(options: LanguageModeOptions): LanguageModes {
  const fallback = getStatusCodeMode(options);
  const families: FamilyMode[] = [getExchangeLogMode(options), getMailLogMode(options), getMessageTraceMode(options), getEmailMode(options)];
  const byLanguage = new Map<string, LanguageMode>();
  for (const mode of families) {
    for (const id of mode.languageIds) byLanguage.set(id, mode);
  }
  const byContent = families.filter((mode) => mode.claimsContent !== undefined);
  // A document's content claim is decided once per version: every request of a version agrees.
  const claimed = new Map<string, { version: number; mode: LanguageMode }>();
  const modeByContent = (document: TextDocument): LanguageMode => {
    const known = claimed.get(document.uri);
    if (known?.version === document.version) return known.mode;
    const mode = byContent.find((family) => family.claimsContent!(document)) ?? fallback;
    claimed.set(document.uri, { version: document.version, mode });
    if (claimed.size > MAX_REMEMBERED_CLAIMS) claimed.delete(claimed.keys().next().value!);
    return mode;
  };
  return {
    fallbackId: fallback.id,
    modeFor: (document) => byLanguage.get(document.languageId)
      ?? (GENERIC_LANGUAGE_IDS.has(document.languageId) && byContent.length ? modeByContent(document) : fallback),
  };
}

/** Open documents are few; the bound only keeps a long session's closed documents from piling up. */
const MAX_REMEMBERED_CLAIMS = 256;

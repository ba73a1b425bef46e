// The pure language service: functions from a TextDocument to results. Knows nothing of LSP
// connections or Node, so the node server, a browser worker, the CLI and tests share it.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Hover, Position } from 'vscode-languageserver-types';
import type { CancellationToken } from './features/cancellation';
import { doHover } from './features/hover';
import { validateCodes, type YieldControl } from './features/codeDiagnostics';
import type { DetailLevel } from './features/renderMarkdown';
import manifest from '../../package.json';

export interface LanguageSettings {
  readonly hover: { readonly detail: DetailLevel };
  readonly diagnostics: { readonly enable: boolean; readonly maxProblems: number };
}

const declared = manifest.contributes.configuration.properties;

/** The defaults declared in package.json, the one place they are written. */
export const defaultSettings: LanguageSettings = {
  hover: { detail: declared['mailflowLens.hover.detail'].default as DetailLevel },
  diagnostics: {
    enable: declared['mailflowLens.diagnostics.enable'].default,
    maxProblems: declared['mailflowLens.diagnostics.maxProblems'].default,
  },
};

export interface LanguageServiceOptions {
  /** Gives the event loop a turn during long validations; the default resolves at once. */
  readonly yieldControl?: YieldControl;
}

export interface LanguageService {
  doHover(document: TextDocument, position: Position, settings?: LanguageSettings, token?: CancellationToken): Hover | null;
  doValidation(document: TextDocument, settings?: LanguageSettings, token?: CancellationToken): Promise<Diagnostic[]>;
}

export function getLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const yieldControl = options.yieldControl ?? (() => Promise.resolve());
  return {
    doHover: (document, position, settings = defaultSettings, token) => doHover(document, position, settings.hover.detail, token),
    doValidation: async (document, settings = defaultSettings, token) => {
      if (!settings.diagnostics.enable) return [];
      switch (document.languageId) {
        // Formats with their own analysis add a case here; every other document gets the code scan.
        default:
          return validateCodes(document, settings.diagnostics, token, yieldControl);
      }
    },
  };
}

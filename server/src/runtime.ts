// What the server needs from its host, supplied by the node or browser entry point.

import type { Disposable } from 'vscode-languageserver';
import type { getLanguageService } from './languageService';
import type { renderReport } from './report/reportPages';

export interface RuntimeEnvironment {
  readonly timer: {
    setImmediate(callback: () => void): Disposable;
    setTimeout(callback: () => void, ms: number): Disposable;
  };
  /**
   * Loads the analysis engine (knowledge base, parsers, features). It is read only after the LSP
   * handshake, so each host chooses how: bundled in (the stdio server) or a file of its own (the worker).
   */
  loadLanguageService(): Promise<{ readonly getLanguageService: typeof getLanguageService }>;
  /**
   * Loads the mail flow report's renderer and its chart library, on the first report: nothing a
   * server needs to start (the worker reads it from a file of its own).
   */
  loadReportRenderer(): Promise<{ readonly renderReport: typeof renderReport }>;
  /**
   * A full garbage collection, where the host offers one. A big document arrives as a message
   * several times its size; collecting that before parsing keeps the peak down.
   */
  collectGarbage?(): void;
}

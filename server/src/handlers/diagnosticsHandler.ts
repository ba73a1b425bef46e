// LSP wiring for published diagnostics: debounced per document. A newer version or closing the
// document cancels the run of the older one, also while it is running (it checks its token between slices).

import { CancellationTokenSource, type Connection, type Disposable, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../languageService';
import type { RuntimeEnvironment } from '../runtime';
import type { SettingsCache } from './settings';

/** Waits for typing to pause before re-validating. */
const DEBOUNCE_MS = 250;
/** Documents this long (in characters) get a garbage collection between their arrival and their first parse. */
const BIG_DOCUMENT_CHARS = 8 * 1024 * 1024;

export interface DiagnosticsScheduler {
  /** Validates every open document again, e.g. after a settings change. */
  revalidateAll(): void;
}

export function registerDiagnosticsHandler(
  connection: Connection, documents: TextDocuments<TextDocument>, service: Promise<LanguageService>, settings: SettingsCache, runtime: RuntimeEnvironment,
): DiagnosticsScheduler {
  const pending = new Map<string, { timer: Disposable; cancel: CancellationTokenSource; version: number }>();

  const cancel = (uri: string): void => {
    const run = pending.get(uri);
    if (!run) return;
    run.timer.dispose();
    run.cancel.cancel();
    pending.delete(uri);
  };

  const validate = async (document: TextDocument, source: CancellationTokenSource, collectFirst: boolean): Promise<void> => {
    // On a timer of its own, the message that carried the document is no longer referenced.
    if (collectFirst) runtime.collectGarbage?.();
    const version = document.version;
    try {
      const documentSettings = await settings.get(document.uri);
      // Closed or superseded while the settings were read: the parse is not started at all.
      if (source.token.isCancellationRequested) return;
      const diagnostics = await (await service).doValidation(document, documentSettings, source.token);
      if (!source.token.isCancellationRequested && documents.get(document.uri)?.version === version) {
        await connection.sendDiagnostics({ uri: document.uri, version, diagnostics });
      }
    } catch (error) {
      connection.console.error(`Mailflow Lens: validating ${document.uri} failed: ${String(error)}`);
    } finally {
      if (pending.get(document.uri)?.cancel === source) pending.delete(document.uri);
    }
  };

  const schedule = (document: TextDocument, delay: number, collectFirst = false): void => {
    cancel(document.uri);
    const source = new CancellationTokenSource();
    // Every failure is caught and logged inside, so the timer need not await it.
    const timer = runtime.timer.setTimeout(() => void validate(document, source, collectFirst), delay);
    pending.set(document.uri, { timer, cancel: source, version: document.version });
  };

  documents.onDidOpen((e) => schedule(e.document, 0, e.document.getText().length >= BIG_DOCUMENT_CHARS));
  documents.onDidChangeContent((e) => {
    // TextDocuments reports an opened document as changed too; that version is already scheduled, undebounced.
    if (pending.get(e.document.uri)?.version === e.document.version) return;
    schedule(e.document, DEBOUNCE_MS);
  });
  documents.onDidClose((e) => {
    cancel(e.document.uri);
    settings.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  return { revalidateAll: () => documents.all().forEach((d) => schedule(d, 0)) };
}

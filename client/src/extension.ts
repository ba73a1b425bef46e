// The thin client: starts the language server, keeps its document selector in step with the
// settings, starts it again when its thread dies, fixes the language of Exchange logs from their
// #Log-type header, and adds commands.

import * as vscode from 'vscode';
import { Worker } from 'node:worker_threads';
import {
  CloseAction, ErrorAction, type ErrorHandler, LanguageClient, type LanguageClientOptions, type ServerOptions, State,
} from 'vscode-languageclient/node';
import manifest from '../../package.json';
import { correctedLogLanguage } from '../../server/src/common/languages';
import {
  EXPLAIN_BOUNCE_REQUEST, EXPLAIN_REQUEST, type ExplainBounceParams, type ExplainBounceResult, type ExplainParams, type ExplainResult,
  OPEN_POWERSHELL_COMMAND, type OpenPowerShellArgs,
} from '../../server/src/common/protocol';
import { RestartPolicy } from './restartPolicy';
import { WorkerMessageReader, WorkerMessageWriter } from './workerTransport';

const SETTINGS = 'mailflowLens';
let client: LanguageClient | undefined;
let starting: Promise<number> | undefined;
let serverModule = '';
/** The thread the current client talks to. */
let serverThread: Worker | undefined;
const restarts = new RestartPolicy(Date.now);
const RESTART_COMMAND = 'mailflowLens.restartServer';
/**
 * The server's thread shares the extension host's process: a document that makes the analysis grow
 * without bound must end this thread (and be restarted), not exhaust the host. Measured: the 50 MB
 * tracking log and its analysis run in 128 MB of old generation and fail in 64 MB; 1 GB leaves
 * eight times that and still ends a runaway long before the machine swaps.
 */
const SERVER_THREAD_LIMITS = { maxOldGenerationSizeMb: 1024 };

/** What activate() returns; the in-editor tests read the start-up figures. */
export interface MailflowLensApi {
  /** Milliseconds activate() itself took. */
  readonly activationMs: number;
  /**
   * Resolves, once a document we serve is open, with the milliseconds to a ready language client:
   * from activate() when that document opened it, else from the moment the document opened.
   */
  readonly clientReady: () => Promise<number>;
  /** For the in-editor tests only: the server's thread, seen from outside. */
  readonly testing: {
    /** The id of the running server's thread, or undefined when none runs. */
    readonly serverThreadId: () => number | undefined;
    /** Ends the server's thread as a crash would, without telling the client. */
    readonly terminateServer: () => Promise<void>;
  };
}

/** When activate() began, while it runs; a server started then counts its time from there. */
let activationStarted: number | undefined;

/**
 * Activation is cheap: onLanguage:plaintext also fires for VS Code's own input boxes (the chat
 * input is a plaintext model), so the language server starts only once a user's document in one
 * of the served languages is open.
 */
export function activate(context: vscode.ExtensionContext): MailflowLensApi {
  const started = performance.now();
  activationStarted = started;
  serverModule = vscode.Uri.joinPath(context.extensionUri, 'dist', 'serverWorker.js').fsPath;
  const serveIfNeeded = (document: vscode.TextDocument): void => {
    if (isServed(document)) void ensureClient();
  };

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration(`${SETTINGS}.hover.languages`) || !client) return;
      await stopServer();
      vscode.workspace.textDocuments.forEach(serveIfNeeded);
    }),
    vscode.workspace.onDidOpenTextDocument((document) => {
      correctLogLanguage(document);
      serveIfNeeded(document);
    }),
    vscode.commands.registerCommand('mailflowLens.explainCode', explainCodeCommand),
    vscode.commands.registerCommand('mailflowLens.explainBounce', explainBounceCommand),
    vscode.commands.registerCommand(OPEN_POWERSHELL_COMMAND, openPowerShell),
    vscode.commands.registerCommand(RESTART_COMMAND, restartServer),
    { dispose: () => void stopServer() },
  );
  vscode.workspace.textDocuments.forEach((document) => {
    correctLogLanguage(document);
    serveIfNeeded(document);
  });
  activationStarted = undefined;
  return {
    activationMs: performance.now() - started,
    clientReady: async () => {
      while (!starting) await new Promise((resolve) => setTimeout(resolve, 50));
      return starting;
    },
    testing: {
      serverThreadId: () => (client?.state === State.Running ? serverThread?.threadId : undefined),
      terminateServer: async () => { await serverThread?.terminate(); },
    },
  };
}

export async function deactivate(): Promise<void> {
  await stopServer();
}

function servedLanguages(): string[] {
  return vscode.workspace.getConfiguration(SETTINGS).get<string[]>('hover.languages', []);
}

/** Where users keep documents: files, untitled editors and the schemes of virtual workspace folders. */
function userSchemes(): string[] {
  return [...new Set(['file', 'untitled', ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme)])];
}

function isServed(document: vscode.TextDocument): boolean {
  return servedLanguages().includes(document.languageId) && userSchemes().includes(document.uri.scheme);
}

/** Starts the language server once; resolves with the milliseconds it took to be ready. */
function ensureClient(): Promise<number> {
  return (starting ??= startClient());
}

async function startClient(): Promise<number> {
  const started = activationStarted ?? performance.now();
  const schemes = userSchemes();
  // The server runs in a worker thread: it starts several times faster than a child process. The
  // first thread boots while the client below is being built, rather than after; a restart after a
  // crash gets a new one.
  const spawn = (): Worker => new Worker(serverModule, { name: 'Mailflow Lens language server', resourceLimits: SERVER_THREAD_LIMITS });
  let first: Worker | undefined = spawn();
  const serverOptions: ServerOptions = async () => {
    const worker = serverThread = first ?? spawn();
    first = undefined;
    return { reader: new WorkerMessageReader(worker), writer: new WorkerMessageWriter(worker) };
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: servedLanguages().flatMap((language) => schemes.map((scheme) => ({ language, scheme }))),
    synchronize: { configurationSection: SETTINGS },
    // Hover links may run our PowerShell command and nothing else; no HTML is rendered at all.
    markdown: { isTrusted: { enabledCommands: [OPEN_POWERSHELL_COMMAND] }, supportHtml: false },
    errorHandler: restartingErrorHandler(() => created),
  };
  let created: LanguageClient | undefined;
  try {
    client = created = new LanguageClient('mailflowLens', 'Mailflow Lens', serverOptions, clientOptions);
    await created.start();
  } finally {
    // Not taken by the client (it failed before asking for its server): the thread is ours to end.
    void first?.terminate();
  }
  return performance.now() - started;
}

/**
 * Errors are recorded and the thread's exit decides: a server that stopped unasked starts again
 * on a new thread, within the restart policy; past it, the user is told and offered a restart.
 * A client that was replaced (isCurrent false) stays stopped.
 */
function restartingErrorHandler(self: () => LanguageClient | undefined): ErrorHandler {
  const isCurrent = (): boolean => self() !== undefined && self() === client;
  return {
    error: (error) => {
      restarts.recordError(error);
      return { action: ErrorAction.Continue, message: `The language server reported an error: ${restarts.lastError}`, handled: true };
    },
    closed: () => {
      if (!isCurrent()) return { action: CloseAction.DoNotRestart, message: 'The replaced language server stopped.', handled: true };
      if (restarts.stopped()) return { action: CloseAction.Restart, message: 'The language server stopped; starting it again.', handled: true };
      const message = restarts.giveUpMessage();
      void offerRestart(message, self());
      return { action: CloseAction.DoNotRestart, message, handled: true };
    },
  };
}

/** Writes the last error to the stopped client's output channel (the client makes it on first use) and offers a restart. */
async function offerRestart(message: string, stopped: LanguageClient | undefined): Promise<void> {
  stopped?.outputChannel.error(`Last error: ${restarts.lastError ?? 'none was reported; the thread ended without one'}`);
  if (await vscode.window.showErrorMessage(message, 'Restart') === 'Restart') await restartServer();
}

/** Stops the server if one runs and ends its thread, then starts a new one (with a fresh restart count). */
async function restartServer(): Promise<void> {
  restarts.reset();
  await stopServer();
  await ensureClient();
}

/** Stops the client, then ends its thread: stop() ends a healthy thread, a hung or half-started one is ended here. */
async function stopServer(): Promise<void> {
  const [stopping, thread] = [client, serverThread];
  client = undefined;
  starting = undefined;
  serverThread = undefined;
  // A server that does not answer shutdown times out after 2 s; it is terminated below either way.
  if (stopping?.state === State.Running) await stopping.stop().catch(() => undefined);
  await thread?.terminate();
}

/** Gives Exchange logs opened as log, plaintext or the wrong log kind their language, from their header. */
function correctLogLanguage(document: vscode.TextDocument): void {
  const header = document.getText(new vscode.Range(0, 0, Math.min(document.lineCount, 8), 0));
  const language = correctedLogLanguage(document.languageId, header, manifest.contributes.languages);
  if (language) void vscode.languages.setTextDocumentLanguage(document, language);
}

async function explainCodeCommand(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
  const text = selected || await vscode.window.showInputBox({
    title: 'Explain a status code',
    prompt: 'A reply or code, e.g. 550 5.1.1, 4.4.316 or RESOLVER.ADR.RecipNotFound',
  });
  if (!text) return;
  const result = await (await readyClient()).sendRequest<ExplainResult>(EXPLAIN_REQUEST, { text } satisfies ExplainParams);
  if (!result.markdown) {
    void vscode.window.showInformationMessage(`Mailflow Lens found no status code in "${text.slice(0, 80)}".`);
    return;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
  await vscode.commands.executeCommand('markdown.showPreview', document.uri);
}

/** Opens an untitled PowerShell editor with a command to review and run; nothing is executed here. */
async function openPowerShell(args?: OpenPowerShellArgs): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ language: 'powershell', content: args?.snippet ? '' : args?.text ?? '' });
  const editor = await vscode.window.showTextDocument(document);
  if (args?.snippet) await editor.insertSnippet(new vscode.SnippetString(args.snippet));
}

/** Shows the summary of the active bounce (who failed, why, who must fix it, the hops) in a Markdown preview. */
async function explainBounceCommand(): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'email') {
    void vscode.window.showInformationMessage('Open a bounce message (.eml) to explain it.');
    return;
  }
  const result = await (await readyClient()).sendRequest<ExplainBounceResult | null>(EXPLAIN_BOUNCE_REQUEST, { uri: document.uri.toString() } satisfies ExplainBounceParams);
  if (!result) return;
  const preview = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
  await vscode.commands.executeCommand('markdown.showPreview', preview.uri);
}

/** The running client, started on demand for commands used before any served document opened. */
async function readyClient(): Promise<LanguageClient> {
  await ensureClient();
  return client!;
}

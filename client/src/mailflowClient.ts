// The client both hosts share (node's extension host and the browser's web worker one): starts
// the language server, keeps its document selector in step with the settings, starts it again when
// it dies, fixes the language of Exchange logs from their #Log-type header, and adds commands.
// Where the server runs is the host's: see node/extensionMain.ts and browser/extensionMain.ts.

import * as vscode from 'vscode';
import {
  type BaseLanguageClient, CloseAction, ErrorAction, type ErrorHandler, type LanguageClientOptions, State,
} from 'vscode-languageclient';
import manifest from '../../package.json';
import { correctedLogLanguage, EMAIL } from '../../server/src/common/languages';
import {
  EXPLAIN_BOUNCE_REQUEST, EXPLAIN_REQUEST, type ExplainBounceParams, type ExplainBounceResult, type ExplainParams, type ExplainResult,
  OPEN_POWERSHELL_COMMAND, type OpenPowerShellArgs,
} from '../../server/src/common/protocol';
import { registerFilterLines } from './filter/filterCommand';
import { registerMailFlowReport } from './report/reportCommand';
import { type ReportPanelProbe, ReportPanels } from './report/reportPanel';
import { RestartPolicy } from './restartPolicy';
import { registerRevealLine } from './revealLine';

/** A language client and the server it talks to, made by the host's entry point. */
export interface ServerConnection {
  readonly client: BaseLanguageClient;
  /** The id of the thread the server runs on, where the host has thread ids (node). */
  readonly threadId: () => number | undefined;
  /** Called once start() has settled: a server the client never took is ended. */
  readonly started: () => void;
  /** Ends the server whatever its state, as a crash would: stop() ends only a healthy one. */
  readonly end: () => Promise<void>;
}

/** Builds a client for these options, its server already starting; each (re)start of the client may start a new server. */
export type ConnectServer = (id: string, name: string, clientOptions: LanguageClientOptions) => ServerConnection;

const SETTINGS = 'mailflowLens';
let client: BaseLanguageClient | undefined;
let starting: Promise<number> | undefined;
let connectServer: ConnectServer | undefined;
/** The server the current client talks to. */
let server: ServerConnection | undefined;
const restarts = new RestartPolicy(Date.now);
const RESTART_COMMAND = 'mailflowLens.restartServer';

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
    /** The id of the running server's thread, or undefined when none runs (or the host has no thread ids). */
    readonly serverThreadId: () => number | undefined;
    /** Ends the server's thread or worker as a crash would, without telling the client. */
    readonly terminateServer: () => Promise<void>;
    /** The open mail flow report panels. */
    readonly reportPanels: () => readonly ReportPanelProbe[];
  };
}

/** When activate() began, while it runs; a server started then counts its time from there. */
let activationStarted: number | undefined;

/**
 * Activation is cheap: onLanguage:plaintext also fires for VS Code's own input boxes (the chat
 * input is a plaintext model), so the language server starts only once a user's document in one
 * of the served languages is open.
 */
export function activateClient(context: vscode.ExtensionContext, connect: ConnectServer): MailflowLensApi {
  const started = performance.now();
  activationStarted = started;
  connectServer = connect;
  const serveIfNeeded = (document: vscode.TextDocument): void => {
    if (isServed(document)) void ensureClient();
  };
  const reports = new ReportPanels(context.extensionUri);

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
    registerRevealLine(),
    ...registerMailFlowReport({ client: readyClient, isServed, panels: reports }),
    { dispose: () => void stopServer() },
  );
  context.subscriptions.push(...registerFilterLines(context, readyClient));
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
      serverThreadId: () => (client?.state === State.Running ? server?.threadId() : undefined),
      terminateServer: async () => { await server?.end(); },
      reportPanels: () => reports.probes(),
    },
  };
}

export async function deactivateClient(): Promise<void> {
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
  const clientOptions: LanguageClientOptions = {
    documentSelector: servedLanguages().flatMap((language) => schemes.map((scheme) => ({ language, scheme }))),
    synchronize: { configurationSection: SETTINGS },
    // Hover links may run our PowerShell command and nothing else; no HTML is rendered at all.
    markdown: { isTrusted: { enabledCommands: [OPEN_POWERSHELL_COMMAND] }, supportHtml: false },
    errorHandler: restartingErrorHandler(() => created),
  };
  const connection = server = connectServer!('mailflowLens', 'Mailflow Lens', clientOptions);
  const created: BaseLanguageClient = client = connection.client;
  try {
    await created.start();
  } finally {
    connection.started();
  }
  return performance.now() - started;
}

/**
 * Errors are recorded and the thread's exit decides: a server that stopped unasked starts again
 * on a new thread, within the restart policy; past it, the user is told and offered a restart.
 * A client that was replaced (isCurrent false) stays stopped.
 */
function restartingErrorHandler(self: () => BaseLanguageClient | undefined): ErrorHandler {
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
async function offerRestart(message: string, stopped: BaseLanguageClient | undefined): Promise<void> {
  stopped?.outputChannel.error(`Last error: ${restarts.lastError ?? 'none was reported; the thread ended without one'}`);
  if (await vscode.window.showErrorMessage(message, 'Restart') === 'Restart') await restartServer();
}

/** Stops the server if one runs and ends its thread, then starts a new one (with a fresh restart count). */
async function restartServer(): Promise<void> {
  restarts.reset();
  await stopServer();
  await ensureClient();
}

/** Stops the client, then ends its server: stop() ends a healthy one, a hung or half-started one is ended here. */
async function stopServer(): Promise<void> {
  const [stopping, ending] = [client, server];
  client = undefined;
  starting = undefined;
  server = undefined;
  // A server that does not answer shutdown times out after 2 s; it is ended below either way.
  if (stopping?.state === State.Running) await stopping.stop().catch(() => undefined);
  await ending?.end();
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

/** Opens an untitled PowerShell (or shell script) editor with a command to review and run; nothing is executed here. */
async function openPowerShell(args?: OpenPowerShellArgs): Promise<void> {
  const language = args?.language === 'shellscript' ? 'shellscript' : 'powershell';
  const document = await vscode.workspace.openTextDocument({ language, content: args?.snippet ? '' : args?.text ?? '' });
  const editor = await vscode.window.showTextDocument(document);
  if (args?.snippet) await editor.insertSnippet(new vscode.SnippetString(args.snippet));
}

/** Shows the summary of the active bounce (who failed, why, who must fix it, the hops) in a Markdown preview. */
async function explainBounceCommand(): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== EMAIL) {
    void vscode.window.showInformationMessage('Open a bounce message (.eml) to explain it.');
    return;
  }
  const params: ExplainBounceParams = { uri: document.uri.toString() };
  const result = await (await readyClient()).sendRequest<ExplainBounceResult | null>(EXPLAIN_BOUNCE_REQUEST, params);
  if (!result) return;
  const preview = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
  await vscode.commands.executeCommand('markdown.showPreview', preview.uri);
}

/** The running client, started on demand for commands used before any served document opened. */
async function readyClient(): Promise<BaseLanguageClient> {
  await ensureClient();
  return client!;
}

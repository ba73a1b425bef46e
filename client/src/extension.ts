// The thin client: starts the language server, keeps its document selector in step with the
// settings, fixes the language of Exchange logs from their #Log-type header, and adds commands.

import * as vscode from 'vscode';
import { Worker } from 'node:worker_threads';
import {
  LanguageClient, type LanguageClientOptions, PortMessageReader, PortMessageWriter, type ServerOptions,
} from 'vscode-languageclient/node';
import manifest from '../../package.json';
import { correctedLogLanguage } from '../../server/src/detection/documentLanguage';
import {
  EXPLAIN_BOUNCE_REQUEST, EXPLAIN_REQUEST, type ExplainBounceParams, type ExplainBounceResult, type ExplainParams, type ExplainResult,
  OPEN_POWERSHELL_COMMAND, type OpenPowerShellArgs,
} from '../../server/src/protocol';

const SETTINGS = 'mailflowLens';
let client: LanguageClient | undefined;

/** What activate() returns: the in-editor tests read how long start-up took. */
export interface MailflowLensApi {
  /** Milliseconds from activate() to a ready language client. */
  readonly activationMs: number;
}

export async function activate(context: vscode.ExtensionContext): Promise<MailflowLensApi> {
  const started = performance.now();
  const serverModule = vscode.Uri.joinPath(context.extensionUri, 'dist', 'serverWorker.js').fsPath;
  await startClient(serverModule);
  const activationMs = performance.now() - started;

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration(`${SETTINGS}.hover.languages`)) {
        await client?.stop();
        await startClient(serverModule);
      }
    }),
    vscode.workspace.onDidOpenTextDocument(correctLogLanguage),
    vscode.commands.registerCommand('mailflowLens.explainCode', explainCodeCommand),
    vscode.commands.registerCommand('mailflowLens.explainBounce', explainBounceCommand),
    vscode.commands.registerCommand(OPEN_POWERSHELL_COMMAND, openPowerShell),
    { dispose: () => void client?.stop() },
  );
  vscode.workspace.textDocuments.forEach(correctLogLanguage);
  return { activationMs };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

async function startClient(serverModule: string): Promise<void> {
  const languages = vscode.workspace.getConfiguration(SETTINGS).get<string[]>('hover.languages', []);
  // The server runs in a worker thread: it starts several times faster than a child process.
  const serverOptions: ServerOptions = async () => {
    const worker = new Worker(serverModule, { name: 'Mailflow Lens language server' });
    return { reader: new PortMessageReader(worker), writer: new PortMessageWriter(worker) };
  };
  const clientOptions: LanguageClientOptions = {
    // No scheme filter: virtual workspaces (vscode-vfs, untitled) are served too.
    documentSelector: languages.map((language) => ({ language })),
    synchronize: { configurationSection: SETTINGS },
    // Hover links may run our PowerShell command and nothing else.
    markdown: { isTrusted: { enabledCommands: [OPEN_POWERSHELL_COMMAND] } },
  };
  client = new LanguageClient('mailflowLens', 'Mailflow Lens', serverOptions, clientOptions);
  await client.start();
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
  if (!text || !client) return;
  const result = await client.sendRequest<ExplainResult>(EXPLAIN_REQUEST, { text } satisfies ExplainParams);
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
  if (!document || document.languageId !== 'email' || !client) {
    void vscode.window.showInformationMessage('Open a bounce message (.eml) to explain it.');
    return;
  }
  const result = await client.sendRequest<ExplainBounceResult | null>(EXPLAIN_BOUNCE_REQUEST, { uri: document.uri.toString() } satisfies ExplainBounceParams);
  if (!result) return;
  const preview = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
  await vscode.commands.executeCommand('markdown.showPreview', preview.uri);
}

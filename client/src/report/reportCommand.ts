// Mailflow Lens: Mail Flow Report: for the active document, the resource clicked in the Explorer or
// the several selected there. Open documents the server already has go by uri; everything else is
// read here through vscode.workspace.fs (local, remote, browser, untrusted workspaces) and sent as
// text. The server reads, aggregates and renders; this side shows the page.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  MAIL_FLOW_REPORT_REQUEST, type MailFlowReportParams, type MailFlowReportResult,
} from '../../../server/src/common/protocol';
import { type EntryKind, type FileTree, readReportFiles, REPORT_LIMITS } from './folderReading';
import type { ReportPanels } from './reportPanel';

export const MAIL_FLOW_REPORT_COMMAND = 'mailflowLens.mailFlowReport';

export interface ReportContext {
  readonly client: () => Promise<BaseLanguageClient>;
  /** True when the server has the document open (a served language and scheme). */
  readonly isServed: (document: vscode.TextDocument) => boolean;
  readonly panels: ReportPanels;
}

const workspaceTree: FileTree<vscode.Uri> = {
  list: async (folder) => (await vscode.workspace.fs.readDirectory(folder)).map(([name, type]) => [name, entryKind(type)] as const),
  size: async (file) => (await vscode.workspace.fs.stat(file)).size,
  read: (file) => Promise.resolve(vscode.workspace.fs.readFile(file)),
  child: (folder, name) => vscode.Uri.joinPath(folder, name),
  key: (uri) => uri.toString(),
};

function entryKind(type: vscode.FileType): EntryKind {
  // A symbolic link carries its target's kind too; a loop of them ends at the depth limit.
  if (type & vscode.FileType.Directory) return 'folder';
  if (type & vscode.FileType.File) return 'file';
  return 'other';
}

/** The Explorer passes the clicked resource and the selection; the editor title passes the document's uri. */
function targetsOf(clicked: unknown, selected: unknown): vscode.Uri[] {
  const uris = Array.isArray(selected) ? selected.filter((u): u is vscode.Uri => u instanceof vscode.Uri) : [];
  if (uris.length > 0) return uris;
  if (clicked instanceof vscode.Uri) return [clicked];
  const active = vscode.window.activeTextEditor?.document.uri;
  return active ? [active] : [];
}

export async function mailFlowReport(context: ReportContext, clicked?: unknown, selected?: unknown): Promise<void> {
  const targets = targetsOf(clicked, selected);
  if (targets.length === 0) {
    void vscode.window.showInformationMessage('Open a mail log, tracking log, message trace or bounce, or pick files or a folder in the Explorer, to build a mail flow report.');
    return;
  }
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Mail flow report', cancellable: true }, async (progress, token) => {
    const panel = context.panels.create();
    token.onCancellationRequested(() => { panel.panel.dispose(); });
    try {
      const opened = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
      const uris: string[] = [];
      const texts: { uri: string; text: string }[] = [];
      const roots: { uri: vscode.Uri; kind: EntryKind }[] = [];
      for (const target of targets) {
        const document = opened.get(target.toString());
        if (document && context.isServed(document)) uris.push(document.uri.toString());
        else if (document) texts.push({ uri: document.uri.toString(), text: document.getText() });
        else roots.push({ uri: target, kind: await vscode.workspace.fs.stat(target).then((s) => entryKind(s.type), (): EntryKind => 'file') });
      }
      const read = await readReportFiles(workspaceTree, roots, REPORT_LIMITS, {
        cancelled: () => token.isCancellationRequested,
        progress: (count, current) => progress.report({ message: `reading ${count + 1}: ${vscode.Uri.parse(current).path.split('/').pop()}` }),
      });
      if (token.isCancellationRequested) return;
      progress.report({ message: `analysing ${uris.length + texts.length + read.files.length} files` });
      const params: MailFlowReportParams = {
        uris, files: [...texts, ...read.files], skipped: read.skipped,
        webview: { nonce: panel.nonce, cspSource: panel.panel.webview.cspSource },
      };
      const client = await context.client();
      const result = await client.sendRequest<MailFlowReportResult | null>(MAIL_FLOW_REPORT_REQUEST, params, token);
      // null: cancelled on the server's side, or a request it could not read.
      if (result) panel.show(result);
      else panel.panel.dispose();
    } catch (error) {
      panel.panel.dispose();
      if (token.isCancellationRequested) return;
      void vscode.window.showErrorMessage(`Mail flow report: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

export const SAVE_REPORT_HTML_COMMAND = 'mailflowLens.saveReportHtml';
export const COPY_REPORT_MARKDOWN_COMMAND = 'mailflowLens.copyReportMarkdown';

/** The report command, and Save as HTML / Copy as Markdown for the report panel in front (its title bar). */
export function registerMailFlowReport(context: ReportContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(MAIL_FLOW_REPORT_COMMAND, (clicked?: unknown, selected?: unknown) => mailFlowReport(context, clicked, selected)),
    vscode.commands.registerCommand(SAVE_REPORT_HTML_COMMAND, () => context.panels.front?.saveHtml()),
    vscode.commands.registerCommand(COPY_REPORT_MARKDOWN_COMMAND, () => context.panels.front?.copyMarkdown()),
    context.panels,
  ];
}

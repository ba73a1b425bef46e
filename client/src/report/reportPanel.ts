// The report's webview panel: the page the server rendered (strict CSP, a fresh nonce each time,
// scripts only ours), the page's messages checked before anything is done with them, and Save as
// HTML / Copy as Markdown for the panel in front.

import * as vscode from 'vscode';
import {
  FILTER_LINES_COMMAND, type FilterLinesArgs, type MailFlowReportResult,
} from '../../../server/src/common/protocol';
import { revealLine } from '../revealLine';
import { newNonce, readPageMessage } from './pageMessages';

export const REPORT_VIEW_TYPE = 'mailflowLens.report';

/** What the in-editor tests see of a panel: the HTML really set on its webview, and its message handler. */
export interface ReportPanelProbe {
  /** Counts the panels opened since activation. */
  readonly id: number;
  readonly title: string;
  /** True once the server's page is shown (before, the panel says the report is being built). */
  readonly built: boolean;
  readonly html: string;
  readonly sources: readonly string[];
  /** Handles a message as if the page had posted it (the same path as the webview's own messages). */
  readonly receive: (message: unknown) => Promise<void>;
  readonly saveHtml: (target: vscode.Uri) => Promise<void>;
}

/** While the server builds the report: no script, no value from any document. */
const BUILDING_PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{font-family:var(--vscode-font-family);color:var(--vscode-descriptionForeground);padding:2em}</style></head>
<body><p>Building the mail flow report…</p></body></html>`;

let panelsOpened = 0;

export class ReportPanel {
  readonly id = ++panelsOpened;
  readonly nonce = newNonce();
  private result: MailFlowReportResult | undefined;
  private closed = false;

  private constructor(readonly panel: vscode.WebviewPanel, panels: ReportPanels) {
    panel.webview.html = BUILDING_PAGE;
    panel.onDidDispose(() => {
      this.closed = true;
      panels.forget(this);
    });
    panel.onDidChangeViewState(({ webviewPanel }) => {
      if (webviewPanel.active) panels.front = this;
    });
    panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message));
  }

  static open(panels: ReportPanels, extensionUri: vscode.Uri): ReportPanel {
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, 'Mail flow report', column, {
      enableScripts: true,
      enableCommandUris: false,
      enableFindWidget: true,
      localResourceRoots: [extensionUri],
    });
    return new ReportPanel(panel, panels);
  }

  get disposed(): boolean {
    return this.closed;
  }

  /** Shows the server's page; the nonce and CSP source it was built with are this panel's. */
  show(result: MailFlowReportResult): void {
    if (this.closed) return;
    this.result = result;
    this.panel.title = result.title;
    this.panel.webview.html = result.webviewHtml;
  }

  async receive(message: unknown): Promise<void> {
    const sources = this.result?.sources ?? [];
    const request = readPageMessage(message, sources.length);
    if (!request) return;
    try {
      switch (request.command) {
        case 'reveal': return await revealSourceLine(sources[request.source]!, request.line);
        case 'filter': return void await vscode.commands.executeCommand(FILTER_LINES_COMMAND, { uri: sources[request.source]!, query: request.query } satisfies FilterLinesArgs);
        case 'saveHtml': return await this.saveHtml();
        case 'copyMarkdown': return await this.copyMarkdown();
      }
    } catch (error) {
      void vscode.window.showErrorMessage(`Mail flow report: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Writes the self-contained file page; asks where unless told. */
  async saveHtml(target?: vscode.Uri): Promise<void> {
    if (!this.result) return;
    const first = this.result.sources[0];
    const near = first ? vscode.Uri.joinPath(vscode.Uri.parse(first), '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri = target ?? await vscode.window.showSaveDialog({
      title: 'Save the mail flow report as HTML',
      defaultUri: near && vscode.Uri.joinPath(near, 'mail-flow-report.html'),
      filters: { HTML: ['html', 'htm'] },
    });
    if (!uri) return;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(this.result.fileHtml));
    if (!target) void vscode.window.showInformationMessage(`Saved the mail flow report to ${uri.scheme === 'file' ? uri.fsPath : uri.toString(true)}.`);
  }

  async copyMarkdown(): Promise<void> {
    if (!this.result) return;
    await vscode.env.clipboard.writeText(this.result.markdown);
    void vscode.window.showInformationMessage('Copied the mail flow report as Markdown.');
  }

  probe(): ReportPanelProbe {
    return {
      id: this.id,
      title: this.panel.title,
      built: this.result !== undefined,
      html: this.panel.webview.html,
      sources: this.result?.sources ?? [],
      receive: (message) => this.receive(message),
      saveHtml: (target) => this.saveHtml(target),
    };
  }
}

/** Lines of a compressed rotation exist only inflated in the report; the editor would show its bytes. */
async function revealSourceLine(uri: string, line: number): Promise<void> {
  if (/\.gz$/i.test(uri)) {
    void vscode.window.showInformationMessage(`Line ${line + 1} is in a compressed file; decompress it to open it in the editor.`);
    return;
  }
  await revealLine({ uri, line });
}

/** The open report panels, and the one in front for the title-bar commands. */
export class ReportPanels {
  private readonly open = new Set<ReportPanel>();
  front: ReportPanel | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  create(): ReportPanel {
    const panel = ReportPanel.open(this, this.extensionUri);
    this.open.add(panel);
    this.front = panel;
    return panel;
  }

  forget(panel: ReportPanel): void {
    this.open.delete(panel);
    if (this.front === panel) this.front = undefined;
  }

  probes(): ReportPanelProbe[] {
    return [...this.open].map((panel) => panel.probe());
  }

  dispose(): void {
    for (const panel of [...this.open]) panel.panel.dispose();
  }
}

// Mailflow Lens: Filter Lines (#15). Asks the language server for the lines of a document that
// match a field query and shows them in a read-only document (filteredLines.ts). Run from the
// palette or the editor's title bar it asks for the query, offering recent ones; the mail flow
// report's links give the document and the query.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  FILTER_LINES_COMMAND, FILTER_LINES_REQUEST, type FilterLinesArgs, type FilterLinesParams, type FilterLinesResult,
} from '../../../server/src/common/protocol';
import { FILTER_SCHEME, FilteredLines } from './filteredLines';

const RECENT_KEY = 'mailflowLens.filterLines.recent';
const MAX_RECENT = 10;
const EXAMPLES = 'e.g. status:deferred   recipient:*@contoso.com   event:FAIL   reason:mailboxfull   id:<queue id>   "free text"';

/** What the command returns: the filtered document, for callers and the in-editor tests. */
export interface FilterLinesOutcome {
  readonly uri: string;
  readonly total: number;
  readonly shown: number;
}

export function registerFilterLines(context: vscode.ExtensionContext, readyClient: () => Promise<BaseLanguageClient>): vscode.Disposable[] {
  const views = new FilteredLines();
  const run = async (args?: FilterLinesArgs): Promise<FilterLinesOutcome | undefined> => {
    const source = await sourceDocument(args, views);
    if (!source) {
      void vscode.window.showInformationMessage('Open a log, trace or message to filter its lines.');
      return undefined;
    }
    const query = typeof args?.query === 'string' ? args.query : await askQuery(context);
    if (!query?.trim()) return undefined;
    const params: FilterLinesParams = { uri: source.uri.toString(), query };
    const result = await (await readyClient()).sendRequest<FilterLinesResult>(FILTER_LINES_REQUEST, params);
    if (result.error) {
      void vscode.window.showErrorMessage(`Filter Lines: ${result.error}`);
      return undefined;
    }
    await remember(context, query);
    // A final line break ends the last line; it starts no line of its own.
    const lineCount = source.lineCount > 1 && source.lineAt(source.lineCount - 1).text === '' ? source.lineCount - 1 : source.lineCount;
    const uri = views.add(source.uri, query.trim(), result.lines, result.total, (line) => (line < source.lineCount ? source.lineAt(line).text : ''), lineCount);
    const document = await vscode.workspace.openTextDocument(uri);
    // Offered with the source's language, so its grammar colours the lines as in the source.
    const shown = document.languageId === source.languageId ? document : await vscode.languages.setTextDocumentLanguage(document, source.languageId);
    await vscode.window.showTextDocument(shown, { preview: false });
    return { uri: uri.toString(), total: result.total, shown: result.lines.length };
  };
  return [...views.register(), vscode.commands.registerCommand(FILTER_LINES_COMMAND, run)];
}

/**
 * The document to filter: the one named (opened if need be), else the active editor's; a filtered
 * view is filtered again in its source.
 */
async function sourceDocument(args: FilterLinesArgs | undefined, views: FilteredLines): Promise<vscode.TextDocument | undefined> {
  let uri: vscode.Uri | undefined;
  if (typeof args?.uri === 'string') {
    try {
      uri = vscode.Uri.parse(args.uri, true);
    } catch {
      return undefined;
    }
  } else uri = vscode.window.activeTextEditor?.document.uri;
  if (!uri) return undefined;
  if (uri.scheme === FILTER_SCHEME) uri = views.view(uri)?.source;
  return uri ? vscode.workspace.openTextDocument(uri) : undefined;
}

/** Asks for a query: type one, or pick a recent one. */
async function askQuery(context: vscode.ExtensionContext): Promise<string | undefined> {
  const recent = context.globalState.get<string[]>(RECENT_KEY, []);
  const pick = vscode.window.createQuickPick();
  pick.title = 'Filter Lines: fields event, status, recipient, sender, reason, id, code, client; * matches anything; terms are joined by AND';
  pick.placeholder = EXAMPLES;
  const recentItems = recent.map((query) => ({ label: query, description: 'recent' }));
  pick.items = recentItems;
  // What is typed comes first, so Enter runs it; the arrows reach the recent queries.
  pick.onDidChangeValue((value) => {
    pick.items = value.trim() ? [{ label: value, description: 'filter', alwaysShow: true }, ...recentItems] : recentItems;
  });
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]?.label ?? (pick.value.trim() || undefined));
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

async function remember(context: vscode.ExtensionContext, query: string): Promise<void> {
  const recent = context.globalState.get<string[]>(RECENT_KEY, []).filter((q) => q !== query.trim());
  await context.globalState.update(RECENT_KEY, [query.trim(), ...recent].slice(0, MAX_RECENT));
}

// REVEAL_LINE_COMMAND: opens a source document and selects one of its lines. The report's rows and
// the filtered lines link here; their arguments are built by us, and checked again all the same.

import * as vscode from 'vscode';
import { REVEAL_LINE_COMMAND, type RevealLineArgs } from '../../server/src/common/protocol';

export function registerRevealLine(): vscode.Disposable {
  return vscode.commands.registerCommand(REVEAL_LINE_COMMAND, revealLine);
}

/**
 * Shows `line` (0-based, clamped to the document) selected and centred: in the editor group that
 * already shows the document, else beside the active one (the report or the filtered lines stay in view).
 */
export async function revealLine(args?: RevealLineArgs): Promise<vscode.TextEditor | undefined> {
  if (typeof args?.uri !== 'string' || typeof args.line !== 'number' || !Number.isInteger(args.line) || args.line < 0) return undefined;
  const uri = vscode.Uri.parse(args.uri, true);
  const document = await vscode.workspace.openTextDocument(uri);
  const range = document.lineAt(Math.min(args.line, document.lineCount - 1)).range;
  const shown = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
  const editor = await vscode.window.showTextDocument(document, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.Beside, preserveFocus: false });
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

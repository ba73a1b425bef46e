// Where the in-editor tests find their fixtures in the browser's web worker extension host: the
// workspace folder the runner opens (test/e2e/fixtures), reached through VS Code, as a web
// extension reaches every file.
import * as vscode from 'vscode';

export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.path.endsWith('/test/e2e/fixtures'));
  if (!folder) throw new Error('the browser run opens test/e2e/fixtures as its workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

// Where the in-editor tests find their fixtures in a node extension host; the browser run has its own (../browser/fixtures.ts).
import * as path from 'node:path';
import * as vscode from 'vscode';

/** Fixtures sit beside the bundled suite's source tree: <extension>/test/e2e/fixtures. */
export function fixtureUri(name: string): vscode.Uri {
  const root = process.env.MAILFLOW_FIXTURES ?? path.resolve(__dirname, '..', '..', 'test', 'e2e', 'fixtures');
  return vscode.Uri.file(path.join(root, name));
}

// Shared steps of the in-editor tests: open a fixture, wait for the extension and its results.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { unescapeMarkdown } from '../../support/markdownText.mjs';
import { fixtureUri } from './fixtures';

export { fixtureUri };
export const EXTENSION_ID = 'mailflow-lens.mailflow-lens';

export async function openFixture(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  await vscode.window.showTextDocument(document);
  await activeExtension();
  return document;
}

export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  if (!extension.isActive) await extension.activate();
  return extension;
}

/** Polls until `probe` returns a value other than undefined, or fails after `ms`. */
export async function eventually<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The diagnostics of a document once the language server has published some (or `count`). */
export function diagnosticsOf(uri: vscode.Uri, count?: number): Promise<vscode.Diagnostic[]> {
  return eventually(() => {
    const list = vscode.languages.getDiagnostics(uri);
    return (count === undefined ? list.length > 0 : list.length === count) ? list : undefined;
  }, `diagnostics of ${uri.path}`);
}

/** Position of the n-th occurrence (0-based) of `needle`, plus `offset` characters. */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0, nth = 0): vscode.Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = document.getText().indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not found in ${document.uri.path}`);
  return document.positionAt(at + offset);
}

/** The Markdown source of every hover at a position, joined. */
export async function hoverMarkdown(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** The words of every hover at a position as a reader sees them (Markdown escapes removed, markup kept). */
export async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  return unescapeMarkdown(await hoverMarkdown(document, position));
}

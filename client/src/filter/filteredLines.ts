// The read-only documents Filter Lines (#15) shows: the matching lines of a source exactly as they
// are, one per line, in the source's language so its grammar colours them, and on each line a link
// from its first token back to its place in the source (REVEAL_LINE_COMMAND). The tab title says
// the query and how many lines matched.

import * as vscode from 'vscode';
import { REVEAL_LINE_COMMAND, type RevealLineArgs } from '../../../server/src/common/protocol';

export const FILTER_SCHEME = 'mailflow-filter';

/** One filtered view: where its lines come from. */
export interface FilteredView {
  readonly source: vscode.Uri;
  readonly query: string;
  /** Source lines (0-based), in order. */
  readonly lines: readonly number[];
  /** Matching lines in all; more than `lines.length` when the answer was capped. */
  readonly total: number;
  readonly content: string;
}

/** Views kept for the session; the oldest go past this many. */
const MAX_VIEWS = 50;
/** A link covers at most this much of a line's start: the first token. */
const MAX_LINK_CHARS = 200;

export class FilteredLines implements vscode.TextDocumentContentProvider, vscode.DocumentLinkProvider {
  private readonly views = new Map<string, FilteredView>();
  private next = 1;

  register(): vscode.Disposable[] {
    return [
      vscode.workspace.registerTextDocumentContentProvider(FILTER_SCHEME, this),
      vscode.languages.registerDocumentLinkProvider({ scheme: FILTER_SCHEME }, this),
    ];
  }

  /** Keeps a view and returns its URI, whose path is the tab's title. */
  add(source: vscode.Uri, query: string, lines: readonly number[], total: number, sourceText: (line: number) => string, sourceLines: number): vscode.Uri {
    const content = lines.map(sourceText).join('\n');
    const shown = lines.length < total ? `, first ${lines.length.toLocaleString('en-US')} shown` : '';
    const name = source.path.slice(source.path.lastIndexOf('/') + 1) || source.toString();
    const title = `${name} · ${query} (${total.toLocaleString('en-US')} of ${sourceLines.toLocaleString('en-US')} lines${shown})`;
    // A slash in the title would read as a folder; the id keeps two runs of one query apart.
    const uri = vscode.Uri.from({ scheme: FILTER_SCHEME, path: `/${title.replace(/[/\\]/g, '∕')}`, query: `view=${this.next++}` });
    this.views.set(uri.toString(), { source, query, lines, total, content });
    if (this.views.size > MAX_VIEWS) this.views.delete(this.views.keys().next().value!);
    return uri;
  }

  view(uri: vscode.Uri): FilteredView | undefined {
    return this.views.get(uri.toString());
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.views.get(uri.toString())?.content ?? '';
  }

  provideDocumentLinks(document: vscode.TextDocument, token: vscode.CancellationToken): vscode.DocumentLink[] {
    const view = this.views.get(document.uri.toString());
    if (!view) return [];
    const links: vscode.DocumentLink[] = [];
    const count = Math.min(document.lineCount, view.lines.length);
    for (let i = 0; i < count && !token.isCancellationRequested; i++) {
      const text = document.lineAt(i).text;
      const end = firstTokenEnd(text);
      if (end === 0) continue;
      const args: RevealLineArgs = { uri: view.source.toString(), line: view.lines[i]! };
      const link = new vscode.DocumentLink(
        new vscode.Range(i, 0, i, end),
        vscode.Uri.parse(`command:${REVEAL_LINE_COMMAND}?${encodeURIComponent(JSON.stringify(args))}`),
      );
      link.tooltip = `Go to line ${view.lines[i]! + 1} of the source`;
      links.push(link);
    }
    return links;
  }
}

/** End of a line's first token: up to a blank or a comma (a CSV or log row's first field), bounded. */
export function firstTokenEnd(text: string): number {
  const limit = Math.min(text.length, MAX_LINK_CHARS);
  let end = 0;
  while (end < limit && !/[\s,]/.test(text[end]!)) end++;
  // A line that starts with a separator still gets a link on its first character.
  return end === 0 && text.length > 0 ? 1 : end;
}

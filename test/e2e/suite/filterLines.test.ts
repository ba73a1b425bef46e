// Filter Lines in the editor (#15): the command run with a query on the synthetic fixture mail.log
// opens a read-only document of the matching lines, exactly as in the source and in its language,
// titled with the query and the count, whose links reveal each line in the source.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsOf, eventually, openFixture } from './helpers';

interface FilterOutcome { readonly uri: string; readonly total: number; readonly shown: number }

describe('Filter Lines', () => {
  let source: vscode.TextDocument;
  const sourceLines = (): string[] => source.getText().split(/\r?\n/);

  before(async () => {
    source = await openFixture('mail.log');
    await eventually(() => (source.languageId === 'mail-log' ? true : undefined), 'the mail-log language', 10_000);
    // The server has the document once it has published its problems.
    await diagnosticsOf(source.uri, 3);
  });

  const run = async (query: string): Promise<{ outcome: FilterOutcome; view: vscode.TextDocument }> => {
    const outcome = await vscode.commands.executeCommand<FilterOutcome | undefined>('mailflowLens.filterLines', { uri: source.uri.toString(), query });
    assert.ok(outcome, `the filtered lines of ${query}`);
    const view = vscode.workspace.textDocuments.find((d) => d.uri.toString() === outcome.uri);
    assert.ok(view, outcome.uri);
    return { outcome, view };
  };

  it('shows the matching lines as they are, in the source\'s language, titled with the query and "N of M lines"', async () => {
    const { outcome, view } = await run('status:bounced');
    const expected = sourceLines().filter((line) => line.includes('status=bounced'));
    assert.equal(outcome.total, expected.length);
    assert.equal(view.getText(), expected.join('\n'));
    assert.equal(view.languageId, 'mail-log');
    assert.equal(view.uri.scheme, 'mailflow-filter');
    const lines = sourceLines().filter((line, i, all) => i < all.length - 1 || line !== '').length;
    assert.match(decodeURIComponent(view.uri.path), new RegExp(`mail\\.log · status:bounced \\(1 of ${lines} lines\\)$`));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), view.uri.toString());
  });

  it('each line links back to its place in the source, and the link reveals it', async () => {
    const { view } = await run('recipient:*@*');
    // Deliveries name their recipient in to=<>, and so does the refused RCPT.
    const expected = sourceLines().flatMap((line, i) => (/[ :]to=</.test(line) ? [i] : []));
    assert.equal(view.lineCount, expected.length);
    const links = await eventually(async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', view.uri);
      return found?.length === expected.length ? found : undefined;
    }, 'a link on every line');
    const targets = links.sort((a, b) => a.range.start.line - b.range.start.line).map((link) => {
      assert.equal(link.target?.scheme, 'command');
      assert.equal(link.target?.path, 'mailflowLens.revealLine');
      return JSON.parse(decodeURIComponent(link.target!.query)) as { uri: string; line: number };
    });
    assert.deepEqual(targets.map((t) => t.line), expected);
    assert.ok(targets.every((t) => t.uri === source.uri.toString()));
    await vscode.commands.executeCommand('mailflowLens.revealLine', targets[1]);
    const editor = await eventually(() => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.toString() === source.uri.toString() ? active : undefined;
    }, 'the source editor');
    assert.equal(editor.selection.start.line, expected[1]);
  });

  it('a query that cannot be read opens nothing', async () => {
    const before = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'mailflow-filter').length;
    const outcome = await vscode.commands.executeCommand<FilterOutcome | undefined>('mailflowLens.filterLines', { uri: source.uri.toString(), query: 'colour:red' });
    assert.equal(outcome, undefined);
    assert.equal(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'mailflow-filter').length, before);
  });
});

// Issue #10: a hostile Received header hovered in a real VS Code. Its from/by/with/id words carry a
// command link, an image and a script (test/support/hostileMarkdownCorpus.ts, synthetic); the hover
// VS Code gets must render with no link at all.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hostileBounce, RECEIVED_WORDS } from '../../support/hostileMarkdownCorpus';
import { foreignParts, renderHover } from '../../support/renderedMarkdown';
import { activeExtension, eventually } from './helpers';

describe('a hostile bounce', () => {
  it('its Received hover holds no link: the header\'s words show as code', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'email', content: hostileBounce() });
    await vscode.window.showTextDocument(document);
    await activeExtension();
    const line = document.getText().split('\n').findIndex((l) => l.startsWith('Received: from mx`'));
    const hovers = await eventually(async () => {
      const list = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, 3));
      return list.some((h) => h.contents.some((c) => typeof c !== 'string' && c.value.includes('Hop 2 of 2'))) ? list : undefined;
    }, 'the Received hover');
    const contents = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => typeof c !== 'string');
    for (const content of contents) {
      const html = renderHover(content.value);
      assert.deepEqual(foreignParts(html), []);
      assert.doesNotMatch(html, /<a\b|<img|<script/);
    }
    const html = contents.map((c) => renderHover(c.value)).join('\n');
    assert.ok(html.includes(`<code>${RECEIVED_WORDS.from.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</code>`), 'the from word is not shown as code');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

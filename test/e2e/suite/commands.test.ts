// The extension's commands and the hover links that run them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { unescapeMarkdown } from '../../support/markdownText.mjs';
import { eventually, hoverMarkdown, openFixture, positionOf } from './helpers';

describe('commands', () => {
  it('a code hover links to PowerShell investigations through our command only', async () => {
    const document = await openFixture('MSGTRK20261123-1.LOG');
    const text = await eventually(async () => {
      const value = await hoverMarkdown(document, positionOf(document, '550 5.1.1', 5));
      return value.includes('Investigate in PowerShell') ? value : undefined;
    }, 'investigation links in the hover');
    const links = [...text.matchAll(/\]\((command:[^)]+)\)/g)].map((m) => m[1]!);
    assert.ok(links.length > 0);
    for (const link of links) assert.ok(link.startsWith('command:mailflowLens.openPowerShell?'), link);
  });

  it('opens a PowerShell editor with a snippet, its placeholders filled', async () => {
    await vscode.commands.executeCommand('mailflowLens.openPowerShell', { snippet: "Get-Recipient -Identity '${1:bob@fabrikam.com}'" });
    const editor = await eventually(() => {
      const active = vscode.window.activeTextEditor;
      return active?.document.languageId === 'powershell' && active.document.isUntitled ? active : undefined;
    }, 'an untitled PowerShell editor');
    assert.equal(editor.document.getText(), "Get-Recipient -Identity 'bob@fabrikam.com'");
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('explains a bounce in a Markdown summary', async () => {
    await openFixture('bounce-exchange-online.eml');
    await vscode.commands.executeCommand('mailflowLens.explainBounce');
    const summary = await eventually(() => vscode.workspace.textDocuments.find((d) => d.languageId === 'markdown' && unescapeMarkdown(d.getText()).includes('bob@fabrikam.com')), 'the bounce summary');
    assert.match(unescapeMarkdown(summary.getText()), /carol@northwind\.example/);
  });

  it('explains the selected code', async () => {
    const document = await openFixture('mail.log');
    const start = positionOf(document, '554 5.7.1');
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(start, start.translate(0, 9));
    await vscode.commands.executeCommand('mailflowLens.explainCode');
    const explanation = await eventually(() => vscode.workspace.textDocuments.find((d) => d.languageId === 'markdown' && unescapeMarkdown(d.getText()).startsWith('**554 5.7.1')), 'the explanation');
    assert.match(unescapeMarkdown(explanation.getText()), /SMTP reply 554/);
  });
});

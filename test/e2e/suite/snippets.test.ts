// The Exchange PowerShell snippets, inserted by VS Code itself: every snippet by its name, then a
// catalogue snippet filled with document values. The text VS Code inserts must be what the unit
// tests parsed (test/support/vscodeSnippet.ts) and what the language server renders.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import snippetFile from '../../../snippets/exchange-powershell.json';
import { investigationSnippet, investigationsFor, investigationText, traceMessageInvestigations } from '../../../server/src/knowledge/investigations';
import { bodyText, expandSnippet } from '../../support/vscodeSnippet';
import { eventually, openFixture } from './helpers';

const snippets = Object.entries(snippetFile as Record<string, { prefix: string; body: string[] }>);

/** Inserts at the end of the fixture and returns what was added; the fixture text is then put back. */
async function insertAtEnd(editor: vscode.TextEditor, args: { langId?: string; name?: string; snippet?: string }): Promise<string> {
  const document = editor.document;
  const original = document.getText();
  const end = document.positionAt(original.length);
  editor.selection = new vscode.Selection(end, end);
  await vscode.commands.executeCommand('editor.action.insertSnippet', args);
  const text = await eventually(() => (document.getText() !== original ? document.getText() : undefined), 'the snippet to be inserted', 5_000);
  await vscode.commands.executeCommand('leaveSnippet');
  await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original));
  assert.ok(text.startsWith(original), 'the text before the cursor changed');
  return text.slice(original.length).replace(/\r\n/g, '\n');
}

describe('PowerShell snippets in the editor', () => {
  let editor: vscode.TextEditor;

  before(async () => {
    const document = await openFixture('mailflow.ps1');
    assert.equal(document.languageId, 'powershell');
    editor = await vscode.window.showTextDocument(document);
    editor.options = { insertSpaces: true, tabSize: 4 };
  });

  after(async () => {
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it(`contributes all ${snippets.length} snippets for powershell, and each inserts the text the unit tests parsed`, async () => {
    assert.ok(snippets.length >= 30);
    for (const [name, snippet] of snippets) {
      const inserted = await insertAtEnd(editor, { langId: 'powershell', name });
      assert.equal(inserted, expandSnippet(bodyText(snippet.body)), `${snippet.prefix} (${name})`);
    }
  });

  it('inserts the message-tracking snippet by name with its placeholders and escapes resolved', async () => {
    const inserted = await insertAtEnd(editor, { langId: 'powershell', name: 'Tracking log: failures with recipient status' });
    assert.match(inserted, /^Get-MessageTrackingLog -Server EX01 -EventId FAIL -Start \(Get-Date\)\.AddHours\(-4\) -End \(Get-Date\) -ResultSize Unlimited \|\n/);
    assert.match(inserted, /Expression = \{ \$_\.RecipientStatus -join '; ' \}/);
  });

  it('a catalogue snippet filled with document values inserts what the language server renders', async () => {
    const values = { recipient: 'jane.doe@fabrikam.example', messageId: '<a1b2c3@mail.fabrikam.example>' };
    for (const item of [investigationsFor('5.1.1')[0]!, traceMessageInvestigations()[0]!]) {
      const inserted = await insertAtEnd(editor, { snippet: investigationSnippet(item, values) });
      assert.equal(inserted, investigationText(item, values), item.title);
    }
    assert.match(investigationText(investigationsFor('5.1.1')[0]!, values), /^\$address = 'jane\.doe@fabrikam\.example'/);
  });

  it('a Message-ID with a typographic apostrophe is inserted with it doubled, inside one literal', async () => {
    const values = { messageId: '<o\u2019brien.7@mail.fabrikam.example>' };
    for (const item of traceMessageInvestigations()) {
      const inserted = await insertAtEnd(editor, { snippet: investigationSnippet(item, values) });
      assert.equal(inserted, investigationText(item, values), item.title);
      assert.match(inserted, /-MessageId '<o\u2019\u2019brien\.7@mail\.fabrikam\.example>' /, item.title);
    }
  });
});

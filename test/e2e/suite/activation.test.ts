// The extension activates on our languages and its language client becomes ready quickly.
import * as assert from 'node:assert/strict';
import { activeExtension, fixtureUri } from './helpers';
import * as vscode from 'vscode';

describe('activation', () => {
  it('activates when a bounce opens, with a ready language client in under 100 ms', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixtureUri('bounce-exchange-online.eml')));
    const extension = await activeExtension();
    const api = extension.exports as { activationMs?: number } | undefined;
    assert.ok(api && typeof api.activationMs === 'number', 'activate() reports its duration');
    console.log(`activation: ${api.activationMs.toFixed(1)} ms from activate() to a ready language client`);
    assert.ok(api.activationMs < 100, `activation took ${api.activationMs} ms`);
  });
});

// The extension activates on our languages and its language client becomes ready quickly.
import * as assert from 'node:assert/strict';
import { activeExtension, fixtureUri } from './helpers';
import * as vscode from 'vscode';

describe('activation', () => {
  // The figure is printed for the runner's summary (target: under 100 ms); timing is not asserted
  // here because a loaded machine would make the suite flaky.
  it('activates when a bounce opens and reports the time to a ready language client', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixtureUri('bounce-exchange-online.eml')));
    const extension = await activeExtension();
    const api = extension.exports as { activationMs?: number } | undefined;
    assert.ok(api && typeof api.activationMs === 'number', 'activate() reports its duration');
    console.log(`activation: ${api.activationMs.toFixed(1)} ms from activate() to a ready language client`);
    assert.ok(api.activationMs > 0);
  });
});

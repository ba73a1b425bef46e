// The extension manifest: explicit activation on our languages only, and safe in untrusted and virtual workspaces.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import manifest from '../../package.json';

describe('manifest', () => {
  it('activates only on the languages it serves, never on *', () => {
    const served = manifest.contributes.configuration.properties['mailflowLens.hover.languages'].default;
    assert.deepEqual([...manifest.activationEvents].sort(), served.map((l: string) => `onLanguage:${l}`).sort());
  });

  it('declares support for untrusted and virtual workspaces', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
  });

  it('keeps @types/vscode no newer than engines.vscode', () => {
    const engine = manifest.engines.vscode.replace(/^\^/, '').split('.').map(Number);
    const types = manifest.devDependencies['@types/vscode'].split('.').map(Number);
    assert.ok(types[0]! < engine[0]! || (types[0] === engine[0] && types[1]! <= engine[1]!), `${types.join('.')} > ${engine.join('.')}`);
  });

  it('puts every command under the Mailflow Lens category', () => {
    for (const command of manifest.contributes.commands) assert.equal(command.category, 'Mailflow Lens', command.command);
  });
});

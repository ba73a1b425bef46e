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
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
  });

  // Issue #10 item 6: an untrusted folder must not raise the cost of analysing its documents.
  it('keeps an untrusted workspace from setting what changes the cost of analysis', () => {
    const { restrictedConfigurations, description } = manifest.capabilities.untrustedWorkspaces;
    assert.deepEqual([...restrictedConfigurations].sort(), [
      'mailflowLens.diagnostics.eventSeverity', 'mailflowLens.diagnostics.maxProblems', 'mailflowLens.hover.languages',
    ]);
    const declared = manifest.contributes.configuration.properties as Record<string, unknown>;
    for (const setting of restrictedConfigurations) assert.ok(setting in declared, setting);
    assert.ok(description.length > 0);
  });

  it('bounds every numeric setting', () => {
    type Property = { type: string; minimum?: number; maximum?: number; default: unknown };
    const numeric = Object.entries(manifest.contributes.configuration.properties as Record<string, Property>)
      .filter(([, schema]) => schema.type === 'number');
    assert.deepEqual(numeric.map(([name]) => name).sort(), ['mailflowLens.diagnostics.maxProblems', 'mailflowLens.hops.slowHopSeconds']);
    for (const [name, schema] of numeric) {
      assert.ok(typeof schema.minimum === 'number' && typeof schema.maximum === 'number', name);
      assert.ok(schema.minimum <= (schema.default as number) && (schema.default as number) <= schema.maximum, name);
    }
  });

  it('contributes a command that restarts the language server', () => {
    const restart = manifest.contributes.commands.find((c) => c.command === 'mailflowLens.restartServer');
    assert.deepEqual(restart, { command: 'mailflowLens.restartServer', title: 'Restart Language Server', category: 'Mailflow Lens' });
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

// Settings from user JSON are validated; defaults come from package.json.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import manifest from '../../package.json';
import { normalize } from '../../server/src/handlers/settings';
import { defaultSettings } from '../../server/src/languageService';

describe('settings', () => {
  it('defaults are the ones package.json declares', () => {
    const declared = manifest.contributes.configuration.properties;
    assert.equal(defaultSettings.hover.detail, declared['mailflowLens.hover.detail'].default);
    assert.equal(defaultSettings.diagnostics.maxProblems, declared['mailflowLens.diagnostics.maxProblems'].default);
    assert.deepEqual(declared['mailflowLens.hover.languages'].default, ['email', 'exchange-tracking-log', 'exchange-protocol-log', 'log', 'plaintext']);
  });

  it('keeps valid values and replaces wrong ones with defaults', () => {
    assert.deepEqual(normalize({ hover: { detail: 'brief' }, diagnostics: { enable: false, maxProblems: 5.7 } }),
      { hover: { detail: 'brief' }, diagnostics: { enable: false, maxProblems: 5 }, hops: defaultSettings.hops });
    assert.deepEqual(normalize({ hover: { detail: 'huge' }, diagnostics: { enable: 'yes', maxProblems: -1 } }), defaultSettings);
    assert.deepEqual(normalize({}), defaultSettings);
  });
});

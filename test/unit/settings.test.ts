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
    assert.deepEqual(declared['mailflowLens.hover.languages'].default, ['email', 'exchange-tracking-log', 'exchange-protocol-log', 'mail-log', 'exchange-message-trace', 'log', 'plaintext', 'csv']);
  });

  it('keeps valid values and replaces wrong ones with defaults', () => {
    assert.deepEqual(normalize({ hover: { detail: 'brief' }, diagnostics: { enable: false, maxProblems: 5.7 } }),
      { hover: { detail: 'brief' }, diagnostics: { enable: false, maxProblems: 5 }, hops: defaultSettings.hops });
    assert.deepEqual(normalize({ hover: { detail: 'huge' }, diagnostics: { enable: 'yes', maxProblems: '50' } }), defaultSettings);
    assert.deepEqual(normalize({}), defaultSettings);
  });

  // Issue #10 item 6: a folder setting of 1e9 problems made a 56 MB message.
  it('clamps numbers to the range package.json declares, and keeps the default for what is not a number', () => {
    const declared = manifest.contributes.configuration.properties;
    const problems = (maxProblems: unknown): number => normalize({ diagnostics: { maxProblems } }).diagnostics.maxProblems;
    const slowHop = (slowHopSeconds: unknown): number => normalize({ hops: { slowHopSeconds } }).hops!.slowHopSeconds;
    assert.equal(declared['mailflowLens.diagnostics.maxProblems'].maximum, 10_000);
    assert.equal(problems(1e9), 10_000);
    assert.equal(problems(Infinity), 10_000);
    assert.equal(problems(-5), 1);
    assert.equal(problems(0.5), 1);
    assert.equal(problems(250.9), 250);
    assert.equal(problems(NaN), 1000);
    assert.equal(problems('1e9'), 1000);
    assert.equal(problems(null), 1000);
    assert.equal(declared['mailflowLens.hops.slowHopSeconds'].maximum, 86_400);
    assert.equal(slowHop(1e9), 86_400);
    assert.equal(slowHop(-5), 0);
    assert.equal(slowHop(-Infinity), 0);
    assert.equal(slowHop(90.5), 90.5);
    assert.equal(slowHop(NaN), 300);
    assert.equal(slowHop('600'), 300);
  });

  it('keeps at most 200 event severity overrides', () => {
    const many = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`EVENT${i}`, 'error']));
    const kept = normalize({ diagnostics: { eventSeverity: many } }).diagnostics.eventSeverity!;
    assert.equal(Object.keys(kept).length, 200);
    assert.equal(kept.EVENT0, 'error');
    assert.equal(kept.EVENT200, undefined);
  });
});

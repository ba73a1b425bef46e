// Bounce features over LSP: the built dist/server.js driven over stdio as an editor drives it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { positionOf, startSession } from '../support/lspSession.mjs';
import { unescapeMarkdown } from '../support/markdownText.mjs';

const fixture = readFileSync(join(process.cwd(), 'test', 'e2e', 'fixtures', 'bounce-exchange-online.eml'), 'utf8');
const uri = 'file:///work/bounce-exchange-online.eml';
let session;
let connection;
let slowHopSeconds = 300;

const diagnosticsFor = (target) => session.diagnostics(target);

before(async () => {
  session = await startSession({
    configuration: () => ({ hover: { detail: 'full' }, diagnostics: { enable: true, maxProblems: 100 }, hops: { slowHopSeconds } }),
    capabilities: { workspace: { configuration: true, inlayHint: { refreshSupport: true } }, textDocument: { hover: { contentFormat: ['markdown'] }, inlayHint: {} } },
  });
  connection = session.connection;
  assert.equal(session.capabilities.inlayHintProvider, true);
  session.open(uri, 'email', fixture);
});

after(async () => {
  await session?.stop();
});

describe('bounce features over LSP', () => {
  it('publishes one error per failed recipient on its Status line', async () => {
    const { diagnostics } = await diagnosticsFor(uri);
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.severity, d.code]), [
      [41, 8, 14, 1, '5.1.10'],
      [46, 8, 15, 1, '5.7.509'],
    ]);
    assert.match(diagnostics[0].message, /^bob@fabrikam\.com: 5\.1\.10 .*\(userunknown, hard bounce\)\. Fix: sender checks the address$/);
  });

  it('hovers a header name, and a status code in the same header keeps its code hover', async () => {
    const onName = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(fixture, 'Reporting-MTA', 2) });
    assert.match(unescapeMarkdown(onName.contents.value), /\*\*Reporting-MTA\*\*/);
    const onCode = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(fixture, 'Status: 5.1.10', 9) });
    assert.match(unescapeMarkdown(onCode.contents.value), /Recipient not found/);
  });

  it('answers inlay hints with the hop timing of each Received header', async () => {
    const hints = await connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 70, character: 0 } } });
    assert.deepEqual(hints.map((h) => [h.position.line, h.label]), [[1, '⏱ +0 s after Date'], [53, '⏱ +2 s after Date']]);
  });

  it('answers the explain-bounce request with the Markdown summary, and null for a document it does not have', async () => {
    const result = await connection.sendRequest('mailflowLens/explainBounce', { uri });
    assert.equal(result.title, 'Bounce: 2 recipients failed');
    assert.match(unescapeMarkdown(result.markdown), /### bob@fabrikam\.com \(failed\)/);
    assert.equal(await connection.sendRequest('mailflowLens/explainBounce', { uri: 'file:///nowhere.eml' }), null);
  });

  it('asks the client to refresh hints when the settings change', async () => {
    let refreshed = false;
    connection.onRequest('workspace/inlayHint/refresh', () => { refreshed = true; return null; });
    slowHopSeconds = 1;
    connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const end = Date.now() + 5000;
    while (!refreshed && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    assert.ok(refreshed);
    const hints = await connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 70, character: 0 } } });
    assert.equal(hints[1].label, '⏱ +2 s after Date ⚠ slow hop');
  });
});

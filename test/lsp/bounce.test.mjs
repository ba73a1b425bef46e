// Bounce features over LSP: the built dist/server.js driven over stdio as an editor drives it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixture = readFileSync(join(root, 'test', 'e2e', 'fixtures', 'bounce-exchange-online.eml'), 'utf8');
const uri = 'file:///work/bounce-exchange-online.eml';
let server;
let connection;
let stderr = '';
let slowHopSeconds = 300;
const published = new Map();

function positionOf(text, needle, offset = 0) {
  const before = text.slice(0, text.indexOf(needle) + offset).split('\n');
  return { line: before.length - 1, character: before.at(-1).length };
}

function diagnosticsFor(target) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no diagnostics for ${target}\n${stderr}`)), 10_000);
    const poll = setInterval(() => {
      if (!published.has(target)) return;
      clearTimeout(timer);
      clearInterval(poll);
      resolve(published.get(target));
    }, 20);
  });
}

before(async () => {
  server = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  server.stderr.on('data', (d) => { stderr += d; });
  connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  connection.onNotification('textDocument/publishDiagnostics', (params) => published.set(params.uri, params));
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({ hover: { detail: 'full' }, diagnostics: { enable: true, maxProblems: 100 }, hops: { slowHopSeconds } })));
  connection.onRequest('workspace/inlayHint/refresh', () => null);
  connection.listen();
  const result = await connection.sendRequest('initialize', {
    processId: process.pid, rootUri: null, workspaceFolders: null,
    capabilities: { workspace: { configuration: true, inlayHint: { refreshSupport: true } }, textDocument: { hover: { contentFormat: ['markdown'] }, inlayHint: {} } },
  });
  assert.equal(result.capabilities.inlayHintProvider, true);
  connection.sendNotification('initialized', {});
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'email', version: 1, text: fixture } });
});

after(async () => {
  if (!connection) return;
  await connection.sendRequest('shutdown');
  connection.sendNotification('exit');
  await new Promise((resolve) => server.once('exit', resolve));
  connection.dispose();
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
    assert.match(onName.contents.value, /\*\*Reporting-MTA\*\*/);
    const onCode = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(fixture, 'Status: 5.1.10', 9) });
    assert.match(onCode.contents.value, /Recipient not found/);
  });

  it('answers inlay hints with the hop timing of each Received header', async () => {
    const hints = await connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 70, character: 0 } } });
    assert.deepEqual(hints.map((h) => [h.position.line, h.label]), [[1, '⏱ +0 s after Date'], [53, '⏱ +2 s after Date']]);
  });

  it('answers the explain-bounce request with the Markdown summary, and null for a document it does not have', async () => {
    const result = await connection.sendRequest('mailflowLens/explainBounce', { uri });
    assert.equal(result.title, 'Bounce: 2 recipients failed');
    assert.match(result.markdown, /### bob@fabrikam\.com \(failed\)/);
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

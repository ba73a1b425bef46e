// Exchange logs over LSP: spawns the built dist/server.js --stdio and drives it as an editor would.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { positionOf, startSession } from '../support/lspSession.mjs';
import { unescapeMarkdown } from '../support/markdownText.mjs';

const fixtures = join(process.cwd(), 'test', 'e2e', 'fixtures');
const TRACKING = readFileSync(join(fixtures, 'MSGTRK20261123-1.LOG'), 'utf8');
const PROTOCOL = readFileSync(join(fixtures, 'RECV2026112310-1.LOG'), 'utf8');
let session;
let connection;
let capabilities;

const open = (name, languageId, text) => session.open(`file:///logs/${name}`, languageId, text);
const waitForDiagnostics = (uri, version) => session.diagnostics(uri, version);

before(async () => {
  session = await startSession({
    // Files named quiet-* get a user setting that turns DSN problems off.
    configuration: (item) => ({
      hover: { detail: 'brief' },
      diagnostics: { enable: true, maxProblems: 100, ...(item.scopeUri?.includes('quiet-') ? { eventSeverity: { DSN: 'off', DEFER: 'error' } } : {}) },
    }),
    capabilities: { workspace: { configuration: true }, textDocument: { hover: { contentFormat: ['markdown'] }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } } },
  });
  connection = session.connection;
  capabilities = session.capabilities;
});

after(async () => {
  await session?.stop();
});

describe('Exchange logs over LSP', () => {
  it('declares outline, references, highlights, folding and quick fixes', () => {
    assert.ok(capabilities.documentSymbolProvider);
    assert.equal(capabilities.referencesProvider, true);
    assert.equal(capabilities.documentHighlightProvider, true);
    assert.equal(capabilities.foldingRangeProvider, true);
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix'] });
  });

  it('publishes the tracking log problems on open, and the quick fix opens PowerShell', async () => {
    const { uri, version: v } = open('MSGTRK20261123-1.LOG', 'exchange-tracking-log', TRACKING);
    const { diagnostics } = await waitForDiagnostics(uri, v);
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.severity, d.code]), [[7, 1, 'FAIL'], [8, 3, 'DSN'], [10, 2, 'DEFER']]);
    assert.match(diagnostics[0].message, /^bob@fabrikam\.com: 550 5\.1\.1 RESOLVER\.ADR\.RecipNotFound: \S.+$/);
    const actions = await connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics: [diagnostics[0]], only: ['quickfix'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].title, 'Trace this message in PowerShell');
    assert.equal(actions[0].command.command, 'mailflowLens.openPowerShell');
    assert.match(actions[0].command.arguments[0].text, /^Get-MessageTrackingLog -Server 'EX02' -MessageId '<q4-forecast-81f2@contoso\.com>' -Start '2026-11-23T08:44:02Z' -End '2026-11-23T09:44:04Z' -ResultSize Unlimited \|/);
  });

  it('hovers a field, an event ID and a code in the same row', async () => {
    const { uri } = open('hover-MSGTRK.LOG', 'exchange-tracking-log', TRACKING);
    const onEvent = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(TRACKING, ',FAIL,', 2) });
    assert.match(unescapeMarkdown(onEvent.contents.value), /^\*\*event-id\*\* · column 9 of 30/);
    const onBytes = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(TRACKING, ',48213,', 2, 2) });
    assert.match(unescapeMarkdown(onBytes.contents.value), /^\*\*total-bytes\*\*/);
    const onCode = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(TRACKING, 'RecipNotFound', 1) });
    assert.match(unescapeMarkdown(onCode.contents.value), /RESOLVER\.ADR\.RecipNotFound/);
  });

  it('answers outline, references, highlights and folding', async () => {
    const { uri } = open('nav-MSGTRK.LOG', 'exchange-tracking-log', TRACKING);
    const symbols = await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.children.length), [4, 1, 1]);
    const position = positionOf(TRACKING, '<q4-forecast-81f2@contoso.com>', 4);
    const references = await connection.sendRequest('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } });
    assert.deepEqual(references.map((r) => r.range.start.line), [5, 6, 7, 8, 9]);
    const highlights = await connection.sendRequest('textDocument/documentHighlight', { textDocument: { uri }, position });
    assert.equal(highlights.length, 5);
    const folding = await connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(folding.map((f) => [f.startLine, f.endLine]), [[0, 4]]);
  });

  it('applies the per-event severity setting', async () => {
    const { uri, version: v } = open('quiet-MSGTRK.LOG', 'exchange-tracking-log', TRACKING);
    const { diagnostics } = await waitForDiagnostics(uri, v);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['FAIL', 1], ['DEFER', 1]]);
  });

  it('reads a protocol log: the rejected relay, the session fold and its references', async () => {
    const { uri, version: v } = open('RECV2026112310-1.LOG', 'exchange-protocol-log', PROTOCOL);
    const { diagnostics } = await waitForDiagnostics(uri, v);
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.severity]), [[13, 1]]);
    const folding = await connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(folding.map((f) => [f.startLine, f.endLine]), [[0, 4], [5, 16]]);
    const references = await connection.sendRequest('textDocument/references', {
      textDocument: { uri }, position: positionOf(PROTOCOL, '08DE2B1C4A7F5001', 3, 2), context: { includeDeclaration: true },
    });
    assert.equal(references.length, 12);
  });

  it('re-validates after an edit that breaks a row', async () => {
    const { uri, version: v } = open('edit-MSGTRK.LOG', 'exchange-tracking-log', TRACKING);
    await waitForDiagnostics(uri, v);
    const version = session.nextVersion();
    connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: 11, character: 0 }, end: { line: 11, character: 0 } }, text: '2026-11-23T10:00:00.000Z,truncated' }],
    });
    const changed = await waitForDiagnostics(uri, version);
    assert.deepEqual(changed.diagnostics.at(-1).message, 'expected 30 fields, found 2');
  });
});

// Exchange Online message traces over LSP: the synthetic UTF-16LE extended report (test/fixtures/
// message-trace), decoded as the editor does, opened as csv (another extension's language) and as
// plain text; problems, outline, hover, references and the quick fix through dist/server.js --stdio.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { positionOf, startSession } from '../support/lspSession.mjs';
import { unescapeMarkdown } from '../support/markdownText.mjs';

const bytes = readFileSync(join(process.cwd(), 'test', 'fixtures', 'message-trace', 'synthetic-extended-utf16le.csv'));
const EXTENDED = new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes);
const PS51 = readFileSync(join(process.cwd(), 'test', 'fixtures', 'message-trace', 'synthetic-get-messagetracev2-ps51.csv'), 'utf8');
let session;
let connection;

before(async () => {
  session = await startSession({
    configuration: () => ({ hover: { detail: 'brief' }, diagnostics: { enable: true, maxProblems: 100 } }),
    capabilities: { workspace: { configuration: true }, textDocument: { hover: { contentFormat: ['markdown'] }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } } },
  });
  connection = session.connection;
});

after(async () => {
  await session?.stop();
});

describe('message traces over LSP', () => {
  it('an extended report opened as csv: one problem per failed, pending, quarantined and expanded recipient, each with its ProblemFields', async () => {
    const { uri, version } = session.open('file:///traces/extended.csv', 'csv', EXTENDED);
    const { diagnostics } = await session.diagnostics(uri, version);
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.severity, d.code, d.data?.recipient]), [
      [5, 2, 'trace-pending', 'kim@partner.example'],
      [7, 1, 'trace-failed', 'ivan@fabrikam.com'],
      [9, 3, 'trace-expanded', 'sales@contoso.com'],
      [11, 2, 'trace-quarantined', 'leo@contoso.com'],
    ]);
    assert.match(diagnostics[0].message, /^kim@partner\.example: .*45 min.*· "Slow partner"$/);
    assert.equal(diagnostics[1].data.queueid, 'cccc1111-2222-3333-4444-08de00000003');
    assert.equal(diagnostics[1].data.outcome, 'failed');

    const actions = await connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: diagnostics[1].range, context: { diagnostics: [diagnostics[1]], only: ['quickfix'] },
    });
    assert.equal(actions[0].command.command, 'mailflowLens.openPowerShell');
    assert.match(actions[0].command.arguments[0].text, /^Get-MessageTraceDetailV2 -MessageTraceId 'cccc1111-2222-3333-4444-08de00000003' -RecipientAddress 'ivan@fabrikam\.com'/);
  });

  it('outline per message, a custom_data hover and references on network_message_id', async () => {
    const { uri } = session.open('file:///traces/outline.csv', 'csv', EXTENDED);
    const symbols = await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['Shipping notice', 'Slow partner', 'Lost address', 'Town hall', 'Invoice attached']);
    assert.deepEqual(symbols[4].children.map((c) => [c.name, c.detail]), [['leo@contoso.com', 'quarantined']]);
    const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(EXTENDED, 'SFV=SPM', 1) });
    assert.match(unescapeMarkdown(hover.contents.value), /S:SFA[\s\S]*SFV=SPM/);
    const references = await connection.sendRequest('textDocument/references', {
      textDocument: { uri }, position: positionOf(EXTENDED, 'dddd1111', 2), context: { includeDeclaration: true },
    });
    assert.equal(references.length, 3);
  });

  it('a PowerShell 5.1 export opened as plain text is claimed by its header', async () => {
    const { uri, version } = session.open('file:///traces/trace.txt', 'plaintext', PS51);
    const { diagnostics } = await session.diagnostics(uri, version);
    assert.deepEqual(diagnostics.map((d) => d.code), ['trace-failed', 'trace-pending', 'trace-quarantined', 'trace-filtered', 'trace-expanded']);
    const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(PS51, '#TYPE', 1) });
    assert.match(unescapeMarkdown(hover.contents.value), /Windows PowerShell 5\.1/);
  });
});

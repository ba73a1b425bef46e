// Postfix, Exim and Sendmail logs over LSP (issue #13): spawns the built dist/server.js --stdio and
// drives it as an editor would. Expected values are read from the corpus logs' own lines.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { positionOf, startSession } from '../support/lspSession.mjs';
import { unescapeMarkdown } from '../support/markdownText.mjs';

const shared = process.env.MAILFLOW_SHARED ?? resolve(process.cwd(), '..', 'shared');
const corpus = (file) => readFileSync(join(shared, 'corpus', 'unix-mail-logs', file), 'utf8');
const EXPIRED = corpus('lightmeter/individual_files/18_expired.log');
const BOUNCES = corpus('lightmeter/individual_files/2_multiple_recipients_some_bounces.log');
let session;
let connection;

const lineIndex = (text, needle) => text.split('\n').findIndex((l) => l.includes(needle));

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

describe('mail logs over LSP', () => {
  it('publishes one problem per recipient and outcome on its decisive line, with its fields in data', async () => {
    const { uri, version } = session.open('file:///var/log/mail.log', 'mail-log', EXPIRED);
    const { diagnostics } = await session.diagnostics(uri, version);
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.severity, d.code]), [[lineIndex(EXPIRED, 'status=expired'), 1, 'expired']]);
    assert.match(diagnostics[0].message, /^h-664d01@h-695da2287\.com: expired, returned to sender after 5 attempts over .+; last reply 452 4\.1\.1: /);
    assert.equal(diagnostics[0].data.queueid, '23EBE3D5C0');
    assert.equal(diagnostics[0].data.recipient, 'h-664d01@h-695da2287.com');
    const actions = await connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics: [diagnostics[0]], only: ['quickfix'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].command.arguments[0].language, 'shellscript');
    assert.match(actions[0].command.arguments[0].text, /postcat -c '\/etc\/postfix-239\.58\.50\.50' -h -e -q '23EBE3D5C0'/);
  });

  it('a Postfix log opened as Log is claimed by its content', async () => {
    const { uri, version } = session.open('file:///logs/bounces.log', 'log', BOUNCES);
    const { diagnostics } = await session.diagnostics(uri, version);
    const bounced = BOUNCES.split('\n').filter((l) => l.includes('status=bounced'));
    assert.equal(diagnostics.length, bounced.length);
    for (const d of diagnostics) {
      assert.equal(d.code, 'bounced');
      assert.ok(bounced.some((l) => d.message.startsWith(`${/to=<([^>]*)>/.exec(l)[1]}: bounced`)), d.message);
    }
  });

  it('outline, folding, references and the journey hover', async () => {
    const { uri } = session.open('file:///var/log/mail.log.1', 'mail-log', EXPIRED);
    const symbols = await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name).sort(), [...new Set(EXPIRED.split('\n').map((l) => /\]: ([0-9A-F]{10}): /.exec(l)?.[1]).filter(Boolean))].sort());
    const folds = await connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.some((f) => f.startLine === lineIndex(EXPIRED, '23EBE3D5C0: client=')));
    const position = positionOf(EXPIRED, '23EBE3D5C0: removed', 2);
    const references = await connection.sendRequest('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } });
    assert.equal(references.length, EXPIRED.split('\n').filter((l) => l.includes(' 23EBE3D5C0: ')).length);
    const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
    const text = unescapeMarkdown(hover.contents.value);
    assert.ok(text.includes('h-664d01@h-695da2287.com`: **expired**'), text);
    assert.ok(text.includes('312343 bytes'));
  });

  it('the command line checks a mail log as one, by its name or its content', () => {
    for (const file of ['lightmeter/individual_files/18_expired.log', 'exim_exporter/mainlog']) {
      const path = join(shared, 'corpus', 'unix-mail-logs', file);
      const { stdout } = spawnSync(process.execPath, [join(process.cwd(), 'dist', 'cli.js'), 'check', path], { encoding: 'utf8' });
      const text = corpus(file);
      const line = file.endsWith('mainlog') ? lineIndex(text, '** molly@zee.corp') : lineIndex(text, 'status=expired');
      assert.match(stdout, new RegExp(`:${line + 1}:\\d+: error: \\S+@\\S+: (expired|bounced)`), stdout);
    }
  });
});

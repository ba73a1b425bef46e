// Protocol-level test: spawns the built dist/server.js --stdio and talks LSP to it as an editor would.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { positionOf, startSession } from '../support/lspSession.mjs';
import { unescapeMarkdown } from '../support/markdownText.mjs';

let session;
let connection;

function open(name, languageId, text) {
  return session.open(`file:///work/${name}`, languageId, text);
}

const waitForDiagnostics = (uri, version) => session.diagnostics(uri, version);

async function hover(uri, text, needle, offset = 0) {
  return connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle, offset) });
}

before(async () => {
  session = await startSession({
    configuration: () => ({ hover: { detail: 'full' }, diagnostics: { enable: true, maxProblems: 100 } }),
    capabilities: { workspace: { configuration: true }, textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } } },
  });
  connection = session.connection;
  assert.equal(session.capabilities.hoverProvider, true);
  assert.equal(session.serverInfo.name, 'Mailflow Lens');
});

after(async () => {
  await session?.stop();
});

const EML = [
  'From: Mail Delivery System <MAILER-DAEMON@mx.example.org>',
  'Received: from [10.5.1.1] by mx.example.org (Postfix) with ESMTP id 15.1.2507.39',
  'Content-Type: message/delivery-status',
  '',
  'Final-Recipient: rfc822; bob@example.com',
  'Action: failed',
  'Status: 5.1.1',
  'Diagnostic-Code: smtp; 550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown',
].join('\r\n');

const TRACKING = [
  '#Software: Microsoft Exchange Server',
  '#Version: 15.02.1118.007',
  '#Log-type: Message Tracking Log',
  '#Fields: date-time,client-ip,event-id,recipient-address,recipient-status',
  '2026-11-23T10:00:01.000Z,10.0.0.5,FAIL,bob@contoso.com,"550 5.1.1 RESOLVER.ADR.RecipNotFound; not found"',
  '2026-11-23T10:00:02.000Z,10.0.0.5,DEFER,amy@fabrikam.com,"451 4.4.316 Connection refused"',
].join('\n');

const PROTOCOL = [
  '#Software: Microsoft Exchange Server',
  '#Log-type: SMTP Receive Protocol Log',
  '2026-11-23T10:00:00.123Z,EX01\\Default Frontend EX01,08DC1234ABCD5678,5,10.0.0.5:25,203.0.113.9:51234,>,550 5.7.1 Unable to relay,',
].join('\n');

const POSTFIX = 'Nov 23 10:01:03 mx postfix/smtp[4522]: 3E29030F86: to=<bob@example.org>, relay=mx.example.org[192.0.2.1]:25, dsn=5.1.1, status=bounced (host mx.example.org[192.0.2.1] said: 550 5.1.1 User unknown (in reply to RCPT TO command))';

const PASTED = 'Delivery has failed to these recipients or groups:\nThe server has tried to deliver this message, without success.\nQUEUE.Expired; message expired';

describe('language server over stdio', () => {
  it('hovers codes in an .eml bounce, and not the IP or the build number', async () => {
    const { uri, version: v } = await open('bounce.eml', 'email', EML);
    const h = await hover(uri, EML, '550 5.1.1', 5);
    assert.equal(h.contents.kind, 'markdown');
    assert.match(unescapeMarkdown(h.contents.value), /Bad destination mailbox address/);
    // The Received header has its own hover; the IP and the build number in it are not codes.
    for (const [needle, offset] of [['10.5.1.1', 3], ['15.1.2507', 1]]) {
      assert.doesNotMatch(unescapeMarkdown((await hover(uri, EML, needle, offset))?.contents.value ?? ''), /permanent|transient|Class \d/);
    }
    // A bounce gets one problem per failed recipient, on its Status line.
    const { diagnostics } = await waitForDiagnostics(uri, v);
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.severity]), [[6, 1]]);
  });

  it('hovers a tracking log and reports its failure and deferral', async () => {
    const { uri, version: v } = await open('MSGTRK20261123-1.LOG', 'exchange-tracking-log', TRACKING);
    const h = await hover(uri, TRACKING, 'RecipNotFound');
    assert.match(unescapeMarkdown(h.contents.value), /Transport status RESOLVER\.ADR\.RecipNotFound/);
    assert.match(unescapeMarkdown((await hover(uri, TRACKING, '4.4.316')).contents.value), /Exchange Online: 4\.4\.316/);
    // The build number gets the #Version header's hover, never a status-code explanation.
    assert.doesNotMatch(unescapeMarkdown((await hover(uri, TRACKING, '15.02.1118', 1)).contents.value), /SMTP reply|Class \d|permanent|transient/);
    const { diagnostics } = await waitForDiagnostics(uri, v);
    assert.deepEqual(diagnostics.map((d) => d.severity), [1, 2]);
  });

  it('hovers a protocol log reply', async () => {
    const { uri } = await open('RECV2026112310-1.LOG', 'exchange-protocol-log', PROTOCOL);
    assert.match(unescapeMarkdown((await hover(uri, PROTOCOL, '550 5.7.1')).contents.value), /SMTP reply 550/);
    // The endpoint gets its field's hover, never a status-code explanation.
    assert.doesNotMatch(unescapeMarkdown((await hover(uri, PROTOCOL, '10.0.0.5', 2)).contents.value), /SMTP reply|Class \d|permanent|transient/);
  });

  it('hovers a Postfix log in the built-in log language', async () => {
    const { uri } = await open('mail.log', 'log', POSTFIX);
    assert.match(unescapeMarkdown((await hover(uri, POSTFIX, 'dsn=5.1.1', 5)).contents.value), /5\.1\.1/);
    assert.equal(await hover(uri, POSTFIX, '[4522]', 2), null);
  });

  it('hovers pasted NDR text in plaintext, transport string alone', async () => {
    const { uri } = await open('ndr.txt', 'plaintext', PASTED);
    assert.match(unescapeMarkdown((await hover(uri, PASTED, 'QUEUE.Expired', 2)).contents.value), /Transport status QUEUE\.Expired/);
  });

  it('re-validates after an edit and clears problems on close', async () => {
    const { uri, version: v } = await open('edit.log', 'log', 'nothing here');
    assert.deepEqual((await waitForDiagnostics(uri, v)).diagnostics, []);
    const version = session.nextVersion();
    connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: 'said: 421 4.7.0 Try again later' }] });
    const changed = await waitForDiagnostics(uri, version);
    assert.equal(changed.diagnostics.length, 1);
    assert.equal(changed.diagnostics[0].severity, 2);
    connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual((await waitForDiagnostics(uri, null)).diagnostics, []);
  });

  it('answers the explain request used by the command palette', async () => {
    const result = await connection.sendRequest('mailflowLens/explain', { text: '550 5.7.1' });
    assert.match(unescapeMarkdown(result.markdown), /SMTP reply 550/);
    assert.deepEqual(await connection.sendRequest('mailflowLens/explain', { text: 'hello' }), { markdown: null });
  });
});

// Big documents over LSP: closing or changing a big log while it is being validated stops that
// validation, its stale problems are never published, and the server goes on answering.
// The logs are synthetic, built here.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSession } from '../support/lspSession.mjs';
import { unescapeMarkdown } from '../support/markdownText.mjs';

const FIELDS = 'date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,connector-id,source,event-id,internal-message-id,message-id,network-message-id,recipient-address,recipient-status,total-bytes,recipient-count,related-recipient-address,reference,message-subject,sender-address,return-path,message-info,directionality,tenant-id,original-client-ip,original-server-ip,custom-data,transport-traffic-type,log-id,schema-version';
const HEADER = ['#Software: Microsoft Exchange Server', '#Version: 15.02.1544.004', '#Log-type: Message Tracking Log', `#Fields: ${FIELDS}`];

/** `count` failed deliveries, each a problem: 30 fields, the event ID ninth. */
function failures(count) {
  const rows = [];
  for (let i = 0; i < count; i++) {
    rows.push(`2026-11-23T10:00:00.000Z,,,,EX01,,,SMTP,FAIL,${i},<m${i}@synthetic.example>,,b${i}@synthetic.example,550 5.1.1 RESOLVER.ADR.RecipNotFound,100,1,,,subject ${i},a@synthetic.example,,,,,,,,,,15.02.1544.004`);
  }
  return [...HEADER, ...rows].join('\n');
}

let session;
let connection;

before(async () => {
  session = await startSession({
    configuration: () => ({ hover: { detail: 'brief' }, diagnostics: { enable: true, maxProblems: 50 } }),
    capabilities: { workspace: { configuration: true }, textDocument: { hover: { contentFormat: ['markdown'] } } },
  });
  connection = session.connection;
});

after(async () => {
  await session?.stop();
});

describe('big documents over LSP', () => {
  const big = failures(60_000);

  it('closing a big log right after opening it publishes only the clearing, and the server answers the next requests', async () => {
    const { uri } = session.open('file:///synthetic/closed-MSGTRK.LOG', 'exchange-tracking-log', big);
    connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const small = session.open('file:///synthetic/small-MSGTRK.LOG', 'exchange-tracking-log', failures(3));
    const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri: small.uri }, position: { line: 4, character: 41 } });
    assert.match(unescapeMarkdown(hover.contents.value), /^\*\*event-id\*\*/);
    assert.equal((await session.diagnostics(small.uri, small.version)).diagnostics.length, 3);
    const cleared = await session.diagnostics(uri, null);
    assert.deepEqual(cleared.diagnostics, []);
    // Requests answered after the close: by now a validation left running would have published.
    await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: small.uri } });
    assert.equal(await session.diagnostics(uri), cleared, 'nothing published for the closed log after its clearing');
  });

  it('a change right after opening supersedes the first version: only the newer version is published', async () => {
    const { uri, version } = session.open('file:///synthetic/changed-MSGTRK.LOG', 'exchange-tracking-log', big);
    const newer = session.nextVersion();
    const line = HEADER.length + 100;
    connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: newer },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' }],
    });
    const published = await session.diagnostics(uri, newer);
    assert.equal(published.diagnostics.length, 51, '50 problems and the entry counting the rest');
    await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal((await session.diagnostics(uri)).version, newer, `version ${version} was never published after ${newer}`);
  });
});
